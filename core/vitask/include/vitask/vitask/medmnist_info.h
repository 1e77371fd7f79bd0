#pragma once
// The module `vitask` holds the VITask recipe itself: datasets, prompts, losses, trainer,
// evaluation. Its namespace is vitask::recipe, because vitask::vitask would stutter.
//
// MedMnistInfo: what the MedMNIST project publishes about each of its twelve 2D datasets
// (label names, modality, task, channels, split sizes). Built in, so that prompts can
// name the modality and the labels, and a downloaded .npz can be checked against it,
// without any file beside the data.

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::recipe {

struct MedMnistInfo {
    std::string name;        // "bloodmnist"
    std::string modality;    // "blood cell microscope", as in the MedMNIST v2 paper
    std::string task;        // "multi-class", "binary-class", "ordinal-regression", "multi-label, binary-class"
    bool multiLabel = false; // chestmnist: labels are (N,14) 0/1 rows instead of a class index
    int channels = 1;        // 1 (grey) or 3 (RGB)
    int64_t trainSize = 0;   // published split sizes (identical at 28/64/128/224 px)
    int64_t valSize = 0;
    int64_t testSize = 0;
    std::string md5At28px;   // MD5 of the published <name>.npz
    std::vector<std::string> labels;  // index i names class i (or column i for multi-label)
};

// The twelve 2D datasets, in the order of medmnist_info.json (generated source).
const std::vector<MedMnistInfo>& medMnistCatalog();

// The entry named `name` (case-insensitive), or nullptr.
const MedMnistInfo* findMedMnistInfo(const std::string& name);

// The dataset a file name refers to: "bloodmnist.npz", "/d/BloodMNIST_64.npz" ->
// bloodmnist's entry; nullptr when the name is not one of the twelve.
const MedMnistInfo* medMnistInfoForFile(const std::string& path);

}  // namespace vitask::recipe
