#include "vitask/vitask/dataset_loader.h"

#include "vitask/common/error.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace vitask::recipe {

MedMnistDataset loadDataset(const std::string& path, const DatasetLoadOptions& options) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (extension == ".npz") return MedMnistDataset::load(path, options.medMnist);
    if (extension == ".csv") return CsvDataset::load(path, options.csv);
    throw Error("is not a dataset this program reads (" + (extension.empty() ? "no extension" : extension) + ")", path,
                "Pass a MedMNIST .npz file or a CSV manifest (path,label[,split]) of image files.");
}

}  // namespace vitask::recipe
