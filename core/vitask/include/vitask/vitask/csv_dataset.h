#pragma once
// CsvDataset: a folder of images (DICOM, NIfTI, PNG, JPEG) listed in a CSV manifest
// with a header row and the columns
//     path,label[,split]
// (any order, other columns ignored). Paths are relative to the manifest's folder;
// `label` holds one class name, or for multi-label data the names separated by '|'
// (an empty cell: no finding); `split` is train, val or test — without that column the
// rows are split by seed, stratified by class. Images are decoded by core/imaging (NIfTI
// and DICOM volumes: the middle slice; each file's own window, else min/max), converted
// to grey or RGB and resized with their aspect kept (padded) to size x size, into the
// same MedMnistDataset type a MedMNIST .npz gives.
//
// Before anything is decoded the manifest is checked as a whole: missing files, unknown
// labels and bad split names are reported together, every one listed with its line, in
// one vitask::Error; unreadable images likewise after decoding; empty splits after
// splitting. Decoding needs the imaging build (-DVITASK_IMAGING=ON); without it, load()
// checks the manifest and then throws an error saying so.

#include "vitask/vitask/medmnist_dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::recipe {

struct CsvDatasetOptions {
    int size = 28;        // images become size x size
    int channels = 0;     // 1 grey, 3 RGB; 0: RGB when any image is colour, else grey
    // Label names in index order; labels outside it are errors. Empty: the manifest's
    // distinct labels, sorted.
    std::vector<std::string> labels;
    // Several labels per image ('|'-separated). Also on when any label cell holds a '|'.
    bool multiLabel = false;
    // Without a split column: the share of each class for val and test (the rest trains).
    // A fraction of 0 leaves that split empty on purpose; otherwise an empty split is an error.
    double valFraction = 0.1;
    double testFraction = 0.2;
    uint64_t seed = 0;
};

class CsvDataset {
public:
    // Throws vitask::Error naming the manifest (and listing every bad row) on any problem.
    static MedMnistDataset load(const std::string& manifest, const CsvDatasetOptions& options = {});
};

}  // namespace vitask::recipe
