#pragma once
// loadDataset: the one entry point for datasets, so that the CLI, the trainer and the
// studio accept either kind alike: a MedMNIST .npz (MedMnistDataset::load, with its
// catalog entry or sidecar) or a CSV manifest of image files (CsvDataset::load), chosen
// by the file's extension.

#include "vitask/vitask/csv_dataset.h"
#include "vitask/vitask/medmnist_dataset.h"

#include <string>

namespace vitask::recipe {

struct DatasetLoadOptions {
    MedMnistLoadOptions medMnist;  // for .npz files
    CsvDatasetOptions csv;         // for .csv manifests (always decoded: a bad file must show before training)
};

// Throws vitask::Error naming the path for any other extension and for every problem
// the two loaders find.
MedMnistDataset loadDataset(const std::string& path, const DatasetLoadOptions& options = {});

}  // namespace vitask::recipe
