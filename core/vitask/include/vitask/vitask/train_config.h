#pragma once
// The run configuration of `vitask train` (YAML, as Axolotl / LLaMA-Factory users
// expect): model, TSM, datasets, prompts, the VITask stages with their losses and
// trainable parameter groups, and the optimiser. Every key is checked: an unknown key,
// a wrong type or a bad value is a vitask::Error naming the key path
// ("stages[1].losses.rda") and what to write instead.

#include "vitask/vitask/prompt_builder.h"
#include "vitask/vitask/recipe_choices.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vitask::recipe {

// A LLaVA model to train from scratch (small sizes, a laptop CPU).
struct ScratchModelSpec {
    std::filesystem::path tokenizer;   // folder with tokenizer.model + added_tokens.json
    int64_t imageSize = 28;
    int64_t patchSize = 7;
    int64_t visionWidth = 64;
    int64_t visionLayers = 2;
    int64_t textWidth = 128;
    int64_t textLayers = 2;
    int64_t heads = 4;
};

struct ModelSpec {
    std::filesystem::path base;        // a Hugging Face LLaVA folder or a VITask model; empty: scratch
    ScratchModelSpec scratch;
    bool fromScratch() const { return base.empty(); }
};

struct LoraSpec {
    bool enabled = false;
    int64_t rank = 16;
    double alpha = 32;
    double dropout = 0.05;
    std::vector<std::string> targets{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"};
};

// One stage: L = van * L_van + ep * L_ep + rda * L_rda + crt * L_crt (alpha = rda, beta = crt).
struct StageSpec {
    std::string name;
    double epochs = 1;                 // passes over the training data (fractions allowed)
    double van = 1, ep = 0, rda = 0, crt = 0;
    std::vector<ParameterGroup> trainable;
    double learningRate = 1e-3;
    double connectorLearningRate = 0;  // the EP connector's peak lr; 0: learningRate
    bool usesExemplar() const { return ep > 0 || rda > 0; }
};

// The shape of exemplar prompting (ExemplarSpec) a run asks for. Unset fields come from
// the base model's connector when it has one (so continuing or refitting keeps it), else
// from the paper's (one token from the features, hidden width = the language model's);
// preset scratch sets tokens to 4 unless given (docs/training.md, "Presets").
struct ExemplarOptions {
    std::optional<int64_t> tokens;
    std::optional<int64_t> hiddenWidth;
    std::optional<bool> probabilities;  // append the TSM's class probabilities to its features
};

struct TrainConfig {
    std::filesystem::path source;      // the YAML file (paths in it are relative to its folder)
    std::string preset = "scratch";    // "scratch" | "paper" | "refit_connector" | "custom": the default stages
    uint64_t seed = 0;
    // CPU threads; 0: as the program set them (the CLI: --threads, else one per core).
    // Small models train fastest on one: their many tiny operations gain nothing from
    // more threads, and OpenMP's waiting threads spin on a loaded machine.
    int threads = 0;

    ModelSpec model;
    std::filesystem::path tsm;         // a TSM manifest / plug-in; required when a stage uses EP or RDA
    std::vector<std::filesystem::path> datasets;
    int64_t maxTrainSamples = 0;       // per dataset; 0: all (to size quick runs)
    std::vector<InstructionVariant> trainVariants{InstructionVariant::Complete};

    std::vector<StageSpec> stages;
    RdaDirection rdaDirection = RdaDirection::Forward;
    double rdaTau = 1.0;
    bool crtDetachNegative = false;
    LoraSpec lora;
    ExemplarOptions exemplar;

    int64_t batchSize = 32;
    int64_t gradientAccumulation = 1;
    double weightDecay = 0.01;
    double warmupRatio = 0.05;         // of each stage's steps; cosine decay after it
    double maxGradNorm = 1.0;
    int64_t logEvery = 10;             // steps between metrics.jsonl training records
    int64_t checkpointEvery = 0;       // steps; 0: at the end of every stage only
    int keepLastCheckpoints = 2;
    // bf16 autocast of the training passes (matrix products in bfloat16, weights, master
    // gradients and optimiser state in float32), as `torch.autocast` does; on CPU too,
    // where it mostly saves memory. Evaluation stays in the weights' precision.
    bool bf16 = false;
    // Training across processes (torchrun, srun, `vitask train --nproc`): how long a
    // process waits for the others (joining, every exchange) before it stops with an error.
    int64_t distributedTimeoutSeconds = 1800;

    // Reads and checks a YAML file; relative paths resolve against its folder.
    static TrainConfig load(const std::filesystem::path& path);
    static TrainConfig parse(const std::string& yaml, const std::filesystem::path& source);
    // The resolved configuration (presets expanded, paths absolute) as YAML; parse()
    // of it gives the same configuration: the run directory's config.yaml.
    std::string toYaml() const;

    bool usesExemplar() const;
    bool usesLora() const;
};

// The stages of a preset: "scratch" (warm-up of all VLM parameters, then the two VITask
// stages on the language model), "paper" (LoRA; the two VITask stages) or
// "refit_connector" (L_ep on the EP connector alone: a trained VITask model as the base,
// another TSM plugged in). alpha and beta are not published; ours are documented in
// docs/training.md.
std::vector<StageSpec> presetStages(const std::string& preset, const std::string& subject);

}  // namespace vitask::recipe
