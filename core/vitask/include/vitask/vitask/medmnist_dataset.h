#pragma once
// MedMnistDataset: a MedMNIST .npz file (<name>.npz at 28 px, <name>_64/_128/_224.npz
// from MedMNIST+) with its three splits, checked on load, and its label names, modality
// and task from the built-in catalog. A file outside the catalog takes its label names and
// modality from a JSON sidecar <stem>.json beside it when there is one (docs/formats.md;
// `vitask data synth` writes them). Bad input (missing key, wrong dtype, labels that do
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

    // A dataset assembled in memory (a CSV manifest's images, a synthetic benchmark).
    // `path` is where it came from. Throws vitask::Error when a split's class count or
    // label layout disagrees with `labelNames`/`multiLabel`.
    static MedMnistDataset fromParts(std::string path, std::string name, std::string modality,
                                     std::vector<std::string> labelNames, bool multiLabel,
                                     std::array<MedMnistSplit, 3> splits);

    // Writes the MedMNIST layout (<split>_images uint8, <split>_labels uint8 (N, 1) or
    // (N, labels)) to `npzPath`, and for a dataset outside the catalog its sidecar
    // <stem>.json, both atomically. Needs the pixels.
    void save(const std::string& npzPath) const;

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
    std::string name_;      // outside the catalog: from the sidecar or the parts; else empty
    std::string modality_;  // outside the catalog
    bool multiLabel_ = false;
    std::vector<std::string> labelNames_;
    std::array<MedMnistSplit, 3> splits_;
};

}  // namespace vitask::recipe
