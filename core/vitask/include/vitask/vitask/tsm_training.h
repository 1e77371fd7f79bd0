#pragma once
// Training a built-in TSM (a LibTorch ResNet or ViT, vitask/tsm/builtin_tsm.h) on one or
// several MedMNIST datasets, as the VITask paper trains its TSMs: one head over the
// classes of all datasets, each sample's loss a softmax over its own dataset's classes
// only (a masked softmax; binary cross-entropy per label for a multi-label dataset such
// as ChestMNIST). The TSM's labels are the union of the datasets' labels ("<dataset>/<label>"
// when there are several); its manifest keeps which dataset each label belongs to.
//
// AdamW with linear warm-up and a cosine schedule, optional class weighting, augmentation
// suited to the modality, early stopping on validation macro-F1, the best checkpoint
// written atomically after every improvement, progress reports and cancellation.
// Deterministic for a seed (on one device with one thread count).

#include "vitask/tsm/builtin_architecture.h"
#include "vitask/vitask/classification_metrics.h"
#include "vitask/vitask/medmnist_dataset.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace vitask::tsm {
class Tsm;
}

namespace vitask::recipe {

struct AugmentationOptions {
    bool horizontalFlip = false;
    bool verticalFlip = false;
    double maxShift = 0.1;           // random translation, as a fraction of the image side
    double maxRotationDegrees = 10;  // random rotation in [-max, max]

    bool any() const { return horizontalFlip || verticalFlip || maxShift > 0 || maxRotationDegrees > 0; }
    // Flips only where the image has no handedness: microscopy, pathology, dermatoscopy
    // (both axes) and fundus photographs (left-right). Radiology (X-ray, CT, ultrasound,
    // OCT) keeps its anatomy's sides: small shifts and rotations only.
    static AugmentationOptions forModality(const std::string& modality);
    static AugmentationOptions none() { return {false, false, 0, 0}; }
};

struct TsmTrainingProgress {
    enum class Phase { Step, EpochEnd };
    Phase phase = Phase::Step;
    int epoch = 0;  // 1-based
    int epochs = 0;
    int64_t step = 0;  // optimiser steps done, over all epochs
    int64_t totalSteps = 0;
    double loss = 0;  // mean training loss of the epoch so far
    double learningRate = 0;
    double samplesPerSecond = 0;  // training throughput so far (evaluation excluded)
    double etaSeconds = 0;        // for the remaining steps at that throughput
    // EpochEnd only: the mean validation macro-F1 over the datasets, and whether it is the
    // best so far (the checkpoint was written).
    double validationMacroF1 = std::numeric_limits<double>::quiet_NaN();
    bool improved = false;
};

struct TsmTrainingOptions {
    std::string name;  // the TSM's name and file stem; empty: the output folder's name
    tsm::BuiltinArchitecture architecture;
    int imageSize = 28;  // images are resized to imageSize x imageSize
    int epochs = 20;
    int batchSize = 64;
    double learningRate = 1e-3;
    double weightDecay = 0.05;
    double warmupFraction = 0.03;  // of all steps, linear from 0
    int patience = 5;              // epochs without a better validation macro-F1 before stopping; 0: never
    bool classWeighting = true;    // inverse class frequency ("balanced"); multi-label: positive weights
    std::optional<AugmentationOptions> augmentation;  // unset: forModality() of each dataset
    uint64_t seed = 0;
    std::string device = "cpu";  // "cpu", "cuda" or "auto"
    std::function<void(const TsmTrainingProgress&)> onProgress;
    const std::atomic<bool>* cancel = nullptr;  // checked before every step
};

struct DatasetMetrics {
    std::string dataset;
    ClassificationMetrics metrics;
};

struct TsmTrainingResult {
    std::filesystem::path manifest;  // the best checkpoint's manifest; empty when none was written
    int bestEpoch = 0;
    int epochsRun = 0;
    bool stoppedEarly = false;
    bool cancelled = false;
    double bestValidationMacroF1 = std::numeric_limits<double>::quiet_NaN();
    std::vector<DatasetMetrics> validation;  // of the best checkpoint, per dataset
    std::vector<DatasetMetrics> test;
    double seconds = 0;
};

// Trains, writing <outFolder>/<name>.safetensors and <name>.tsm.json (the folder is
// created). Throws vitask::Error for unusable datasets (no pixels, an empty train or
// validation split, two datasets of one name) or options.
TsmTrainingResult trainTsm(const std::vector<const MedMnistDataset*>& datasets, const std::filesystem::path& outFolder,
                           const TsmTrainingOptions& options);

// The metrics of `tsm` on one split of `dataset`. A built-in TSM with a label group of the
// dataset's name is scored on that group; any other TSM must have exactly the dataset's
// classes. Single-label predictions are the most probable class, multi-label ones the
// labels with probability >= 0.5.
ClassificationMetrics evaluateTsm(tsm::Tsm& tsm, const MedMnistDataset& dataset, Split split, int batchSize = 256);

}  // namespace vitask::recipe
