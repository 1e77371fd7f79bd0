#pragma once
// The dataset the last evaluation read, kept while its file is unchanged: reading a 224 px
// split or decoding a CSV manifest's images takes long, the Robustness panel evaluates
// the same dataset once per model, and a row the user clicks reads its sample from it.
// Used on the engine's worker thread only.

#include "vitask/vitask/medmnist_dataset.h"
#include "vitask/vitask/medmnist_split.h"

#include <filesystem>
#include <memory>
#include <string>

namespace vitask::service::detail {

class DatasetCache {
public:
    // A MedMNIST .npz or a CSV manifest (recipe::loadDataset). Throws vitask::Error naming
    // the file.
    std::shared_ptr<const recipe::MedMnistDataset> load(const std::filesystem::path& path);

private:
    std::filesystem::path path_;
    std::uintmax_t size_ = 0;
    std::filesystem::file_time_type modified_;
    std::shared_ptr<const recipe::MedMnistDataset> dataset_;
};

// "train", "val" or "test"; throws vitask::Error naming `dataset` for anything else.
recipe::Split splitNamed(const std::string& name, const std::filesystem::path& dataset);

}  // namespace vitask::service::detail
