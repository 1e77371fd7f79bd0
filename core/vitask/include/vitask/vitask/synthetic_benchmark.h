#pragma once
// The synthetic benchmark (`vitask data synth`): four imaging modalities drawn from
// scratch, each a MedMNIST-layout dataset with named labels whose class depends on
// visual findings of graded subtlety (a random severity per sample, plus anatomy and
// noise variation). It needs no download and no patient data, runs the whole VITask
// experiment in minutes on a CPU, and is deterministic: the same seed gives the same
// bytes. Default sizes are calibrated (core/vitask/tools/calibrate_synthetic.py) so that
// a small CNN reaches roughly 85-95% test accuracy; docs/formats.md records the figures.
// Beside them, four generic image-text tasks (coloured shapes: how many, which colour,
// where, which kind) for pretraining a generalist.

#include "vitask/vitask/medmnist_dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::recipe {

struct SyntheticModality {
    std::string name;          // file stem: "synth_chest_xray"
    std::string modality;      // as a prompt names it: "chest X-ray"
    int channels = 1;          // 1 grey, 3 RGB
    std::vector<std::string> labels;
    std::string findings;      // one line: what tells the classes apart
    bool generic = false;      // a generic image-text task (shapes), not a medical modality
};

// The medical modalities, in a fixed order (their index is part of every sample's seed).
const std::vector<SyntheticModality>& syntheticModalities();
// The generic tasks: coloured shapes on grey, asked how many, which colour, where and
// which kind. What a generalist VLM learns beside the modalities it is not tuned on.
const std::vector<SyntheticModality>& syntheticGenericTasks();
// By name, medical or generic, with or without the "synth_" prefix ("chest_xray",
// "shape_count"); nullptr if none.
const SyntheticModality* findSyntheticModality(const std::string& name);

struct SyntheticOptions {
    uint64_t seed = 0;
    int size = 28;           // 28 or 64 pixels square
    int64_t trainSize = 1000;
    int64_t valSize = 200;
    int64_t testSize = 400;
};

// Every split holds each class equally often (to within one), in a seeded random order.
// Throws vitask::Error for a size other than 28 or 64 or a negative split size.
MedMnistDataset generateSyntheticDataset(const SyntheticModality& modality, const SyntheticOptions& options);

}  // namespace vitask::recipe
