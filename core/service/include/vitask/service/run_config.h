#pragma once
// The run configuration of `vitask train` (docs/training.md) and its datasets, in plain
// types for the studio's tuning wizard: checking a YAML text with the trainer's own parser
// (the same messages `vitask train` prints), the presets' stages and the parser's defaults
// (so a form starts from exactly what an omitted key means), and a dataset's preview
// (class counts, thumbnails, the validation report) before anything trains on it.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::service {

// One problem of a run configuration. The parser stops at the first, so a check returns
// at most one; it is a list so that callers need not change if that does.
struct ConfigProblem {
    // The key path it names ("training.batch_size", "stages[1].losses", "tsm"); empty
    // for a problem of the whole text (not YAML, not a mapping).
    std::string field;
    // Exactly what `vitask train` prints after "error: " for this text saved at the
    // checked path: "<file>: training.batch_size must be at least 1, not 0. ...".
    std::string message;
    // The message without the file, for a form that shows it beside the field.
    std::string text;
};

// Parses `yaml` as `vitask train configFile` would read it (relative paths resolve against
// configFile's folder; the file itself is not read or written). Empty when it is accepted.
std::vector<ConfigProblem> checkRunConfig(const std::string& yaml, const std::filesystem::path& configFile);

// One stage of a preset: L = van*L_van + ep*L_ep + rda*L_rda + crt*L_crt.
struct StagePlan {
    std::string name;
    double epochs = 1;
    double learningRate = 1e-3;
    double van = 1, ep = 0, rda = 0, crt = 0;
    std::vector<std::string> trainable;  // parameter group names ("lora", "connector", ...)
};

// The stages of a preset ("scratch", "paper", "refit_connector", "custom") as the parser
// expands it. Throws vitask::Error for an unknown name.
std::vector<StagePlan> presetStages(const std::string& preset);

// What every omitted key means (TrainConfig's defaults).
struct RunConfigDefaults {
    uint64_t seed = 0;
    int threads = 0;
    int64_t maxTrainSamples = 0;
    std::vector<std::string> trainVariants;
    struct Scratch {
        int64_t imageSize, patchSize, visionWidth, visionLayers, textWidth, textLayers, heads;
    } scratch{};
    struct Lora {
        int64_t rank;
        double alpha, dropout;
        std::vector<std::string> targets;
    } lora{};
    std::string rdaDirection;
    double rdaTau = 1;
    bool crtDetachNegative = false;
    int64_t batchSize = 0, gradientAccumulation = 0;
    double weightDecay = 0, warmupRatio = 0, maxGradNorm = 0;
    int64_t logEvery = 0, checkpointEvery = 0;
    int keepLastCheckpoints = 0;
    std::string precision;  // "fp32" | "bf16"
};
RunConfigDefaults runConfigDefaults();

// The names the configuration accepts, in the parser's order.
std::vector<std::string> trainVariantNames();  // prompts.train
std::vector<std::string> parameterGroupNames();      // stages[i].trainable
std::vector<std::string> rdaDirectionNames();        // rda.direction: "forward", "paper"
// The synthetic benchmark's modalities (`vitask data synth --modality`), as the .npz
// stems it writes: "synth_chest_xray", ...
std::vector<std::string> syntheticModalityNames();

// A dataset as the trainer will read it (a MedMNIST .npz or a CSV manifest, with the
// trainer's default options), summarised for a person to check before training.
struct PreviewImage {
    int width = 0, height = 0, channels = 0;  // channels 1 (grey) or 3 (RGB interleaved)
    std::vector<uint8_t> pixels;              // row-major, width * height * channels bytes
};
struct SplitPreview {
    std::string name;  // "train", "val", "test"
    int64_t size = 0;
    int width = 0, height = 0, channels = 0;
    std::vector<int64_t> classCounts;  // per label (multi-label: positives per label)
};
struct DatasetPreview {
    std::string path, name, modality, task;
    bool multiLabel = false;
    std::vector<std::string> labels;
    std::vector<SplitPreview> splits;
    std::vector<std::vector<PreviewImage>> thumbnails;  // per label: the first samples that have it
    // errors: why the trainer would refuse the file (the loader's message naming it);
    // warnings: the validation report's (empty split, missing class, imbalance, ...).
    std::vector<std::string> errors, warnings;
    bool ok() const { return errors.empty(); }
};
struct DatasetPreviewOptions {
    int thumbnailsPerClass = 4;
};
// Never throws: a file the trainer would refuse comes back with its message in `errors`.
// Loads the pixels, so it belongs on a background thread.
DatasetPreview previewDataset(const std::string& path, const DatasetPreviewOptions& options = {});

}  // namespace vitask::service
