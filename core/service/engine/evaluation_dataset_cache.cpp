#include "evaluation_dataset_cache.h"

#include "vitask/common/error.h"
#include "vitask/vitask/dataset_loader.h"

namespace vitask::service::detail {

std::shared_ptr<const recipe::MedMnistDataset> DatasetCache::load(const std::filesystem::path& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        throw Error("cannot be read (" + error.message() + ")", path.string(),
                    "Choose a MedMNIST .npz file or a CSV manifest that exists.");
    const auto modified = std::filesystem::last_write_time(path, error);
    if (dataset_ && path == path_ && size == size_ && modified == modified_) return dataset_;
    dataset_.reset();  // the old one's memory is free before the new one is read
    dataset_ = std::make_shared<const recipe::MedMnistDataset>(recipe::loadDataset(path.string()));
    path_ = path;
    size_ = size;
    modified_ = modified;
    return dataset_;
}

recipe::Split splitNamed(const std::string& name, const std::filesystem::path& dataset) {
    for (const auto split : {recipe::Split::Train, recipe::Split::Val, recipe::Split::Test})
        if (name == recipe::splitName(split)) return split;
    throw Error("no split '" + name + "'", dataset.string(), "Choose the split train, val or test.");
}

}  // namespace vitask::service::detail
