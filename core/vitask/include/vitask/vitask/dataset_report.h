#pragma once
// DatasetReport: what to know about a dataset before training on it — split sizes,
// image shapes, samples per class, imbalance — and warnings for what is legal but
// suspicious (an empty split, a class absent from a split, splits of different image
// sizes, channels or sizes that differ from the published dataset). Hard errors (bad
// dtype, labels outside the label set) never get here: loading already rejects them.

#include "vitask/vitask/medmnist_dataset.h"

#include <string>
#include <vector>

namespace vitask::recipe {

struct SplitSummary {
    std::string name;              // "train", "val", "test"
    int64_t size = 0;
    int64_t publishedSize = 0;     // from the catalog; 0 when unknown
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<int64_t> classCounts;  // per label (multi-label: positives per label)
    // Largest over smallest class count among classes present; 0 when no class is present.
    double imbalanceRatio = 0;
};

class DatasetReport {
public:
    static DatasetReport of(const MedMnistDataset& dataset);

    // An imbalance above this ratio gets a warning: at 10:1 a model that ignores the
    // rare classes still scores high accuracy, so macro-F1 and class weights matter.
    static constexpr double kImbalanceWarning = 10.0;

    const std::vector<SplitSummary>& splits() const { return splits_; }
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    std::vector<SplitSummary> splits_;
    std::vector<std::string> warnings_;
};

}  // namespace vitask::recipe
