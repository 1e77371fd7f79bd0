#pragma once
// The VITask trainer (VITASK_METHOD.md "Recipe"): runs the configured stages, each with
// its losses (L_van, L_ep, L_rda, L_crt) and trainable parameter groups, with AdamW,
// warm-up + cosine learning rate per stage, gradient clipping and accumulation, into a
// RunDirectory. Deterministic: the data order, the instruction variants, CRT's negatives
// and the dropout masks are all functions of (seed, step), so a run resumed from a
// checkpoint (model, optimiser, position) ends exactly as an uninterrupted one.
//
// Data parallelism is designed in, not built (no rank split, no all-reduce): a rank would
// take every world-th sample of each micro-batch (the sample stream is global), and
// gradients would be averaged between backward() and optimizerStep() (vitask_step.h).

#include "vitask/vitask/run_directory.h"
#include "vitask/vitask/train_config.h"
#include "vitask/vitask/vitask_losses.h"
#include "vitask/vitask/vitask_model.h"

#include <functional>
#include <string>

namespace vitask::recipe {

struct TrainProgress {
    std::string stage;
    int stageIndex = 0;
    int stageCount = 0;
    int64_t step = 0;          // optimiser steps done, over all stages
    int64_t totalSteps = 0;
    double epoch = 0;          // within the stage
    double loss = 0;
    double van = 0, ep = 0, rda = 0, crt = 0;  // the loss terms (unweighted)
    double learningRate = 0;
    double samplesPerSecond = 0;
    double etaSeconds = 0;
    std::string message;       // a phase change worth showing ("evaluating on val"), else empty
    int rank = 0;              // this process's rank in data-parallel training (0: the one to show)
};

enum class TrainOutcome { Finished, Cancelled };

// The LLaVA a run starts from: config.model.base loaded, or a model of the
// config.model.scratch shape with LibTorch's default initialisation (seed it first).
model::LlavaPipeline buildTrainingPipeline(const TrainConfig& config);

class Trainer {
public:
    // `config` is ignored on resume (the run directory's config.yaml is used).
    Trainer(TrainConfig config, std::filesystem::path runDirectory);

    // Trains from the start (the run directory must not hold a run) or, with `resume`,
    // from its latest checkpoint. onProgress is called after every logged step and at
    // phase changes; returning false cancels: a checkpoint is written and the run can be
    // resumed. Throws vitask::Error for bad configs or data; the run's status.json then
    // says "failed" with the message.
    TrainOutcome run(bool resume, const std::function<bool(const TrainProgress&)>& onProgress = {});

    const RunDirectory& runDirectory() const { return run_; }
    // This process's rank in data-parallel training (0 alone; rank 0 reports the run),
    // as run() found it.
    int rank() const { return rank_; }

private:
    TrainConfig config_;
    RunDirectory run_;
    int rank_ = 0;
};

}  // namespace vitask::recipe
