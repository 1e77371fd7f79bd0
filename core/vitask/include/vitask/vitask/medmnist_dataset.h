#pragma once
// MedMnistDataset: a MedMNIST .npz file (<name>.npz at 28 px, <name>_64/_128/_224.npz
// from MedMNIST+) with its three splits, checked on load, and its label names, modality
// and task from the built-in catalog. Bad input (missing key, wrong dtype, labels that do
// not match the images, a label outside the label set) is a vitask::Error naming the
// file and the key.

#include "vitask/vitask/medmnist_info.h"
#include "vitask/vitask/medmnist_split.h"

#include <array>
#include <string>

namespace vitask::recipe {

struct MedMnistLoadOptions {
    // One of the twelve dataset names; empty: inferred from the file name, and when that
    // fails, the dataset is loaded without label names (classes "class 0", ...).
    std::string dataset;
    // False reads labels and image shapes only: a 224 px dataset holds gigabytes of pixels.
    bool loadPixels = true;
};

class MedMnistDataset {
public:
    static MedMnistDataset load(const std::string& path, const MedMnistLoadOptions& options = {});

    const std::string& path() const { return path_; }
    // The catalog entry, or nullptr for a file that is none of the twelve datasets.
    const MedMnistInfo* info() const { return info_; }
    std::string name() const;      // the catalog name, or the file's stem
    std::string modality() const;  // empty when unknown
    std::string task() const;      // as in the catalog; inferred for unknown files
    bool multiLabel() const { return multiLabel_; }
    int classCount() const { return static_cast<int>(labelNames_.size()); }
    const std::vector<std::string>& labelNames() const { return labelNames_; }

    const MedMnistSplit& split(Split split) const { return splits_[static_cast<size_t>(split)]; }
    const MedMnistSplit& train() const { return split(Split::Train); }
    const MedMnistSplit& val() const { return split(Split::Val); }
    const MedMnistSplit& test() const { return split(Split::Test); }

private:
    std::string path_;
    const MedMnistInfo* info_ = nullptr;
    bool multiLabel_ = false;
    std::vector<std::string> labelNames_;
    std::array<MedMnistSplit, 3> splits_;
};

}  // namespace vitask::recipe
