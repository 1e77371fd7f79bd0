#pragma once
// One VITask training step's work on a batch, shared by the trainer and the training
// benchmark (bench/recipe), so that what is timed is what trains:
//   makeStepBatch   the batch of a step: one instruction variant per sample, prompts
//                   with and without the exemplar tokens, answers, pixels, the TSM's output
//                   and CRT's negative images (VITASK_METHOD.md "Recipe");
//   stepLosses      the stage's forward passes (plain, exemplar, negative) and losses;
//   makeStageOptimizer / optimizerStep   AdamW over the stage's trainable groups, and
//                   clipping + step + zero_grad.
// Every random choice is a function of (seed, step, sample), as trainer.h promises.

#include "vitask/vitask/task_corpus.h"
#include "vitask/vitask/train_config.h"
#include "vitask/vitask/vitask_model.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace vitask::recipe {

// A 64-bit mix of the run's seed and positions (splitmix64), so every random choice is a
// pure function of where it happens: resuming needs no generator state.
uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c = 0);

struct StepBatch {
    std::vector<std::vector<int64_t>> plainPrompts;     // <image> instruction
    std::vector<std::vector<int64_t>> exemplarPrompts;  // <image><exemplar> instruction; empty without EP
    std::vector<std::vector<int64_t>> responses;        // answer ids, EOS last
    torch::Tensor pixels;                               // [B, 3, S, S] (CPU)
    ExemplarInput exemplar;                             // the TSM's output; undefined without EP
    torch::Tensor negativePixels;                       // [B, 3, S, S]; undefined without CRT
    std::vector<uint8_t> negativeKept;                  // per row: 1 when it has a negative (CRT)
};

// The batch of `samples` (corpus indices) at global optimiser step `step`.
StepBatch makeStepBatch(const VitaskModel& model, const TaskCorpus& corpus, const StageSpec& stage,
                        const TrainConfig& config, const std::vector<int64_t>& samples, int64_t step);

struct LossTerms {
    torch::Tensor total;                    // the stage's weighted sum, with its graph
    double van = 0, ep = 0, rda = 0, crt = 0;  // the terms, unweighted
};

// Data-parallel training: the multipliers of one process's weighted terms in `total`, so
// that the gradients averaged over the processes are those of the whole batch. The
// losses are means over answer tokens and the processes' shards hold different numbers
// of them: response = processes x this shard's answer tokens / the whole batch's, crt
// the same over the tokens that have a CRT negative. One process: 1 and 1.
struct LossScale {
    double response = 1, crt = 1;
};
struct AnswerTokens {
    int64_t all = 0;           // every answer token of the batch (L_van, L_ep, L_rda)
    int64_t withNegative = 0;  // those of rows with a CRT negative (L_crt)
};
AnswerTokens answerTokens(const StepBatch& batch);

// The stage's loss on `batch`: L_van always (logged even at weight 0), L_ep and L_rda when
// the stage uses the exemplar, L_crt when its weight is positive (rows without a negative
// contribute none). RDA and CRT options come from `config`; with `config.bf16` the passes
// run under bfloat16 autocast and the losses in float32. The logged terms are unscaled.
LossTerms stepLosses(VitaskModel& model, const StageSpec& stage, const TrainConfig& config, const StepBatch& batch,
                     const LossScale& scale = {});

// Freezes every parameter, then unfreezes the stage's groups.
void setTrainable(VitaskModel& model, const StageSpec& stage);
// AdamW over the trainable parameters: weight decay on matrices only, not on norms and
// biases (the usual practice); the EP connector in groups of its own when the stage gives
// it another learning rate.
struct StageOptimizer {
    std::unique_ptr<torch::optim::AdamW> adamw;
    std::vector<double> lrScale;  // per parameter group: its peak lr over the stage's
    // Sets every group's lr to the stage's scheduled `lr`, scaled per group.
    void setLearningRate(double lr);
};
// Throws vitask::Error when the stage trains nothing.
StageOptimizer makeStageOptimizer(VitaskModel& model, const StageSpec& stage, const TrainConfig& config);
// Clips the gradients to `maxGradNorm` (total 2-norm), steps and zeroes them; returns
// the norm before clipping.
double optimizerStep(torch::optim::Optimizer& optimizer, double maxGradNorm);

// One whole optimiser step without gradient accumulation: stepLosses, a check that the
// loss is finite (vitask::Error otherwise), backward, optimizerStep. The trainer's loop
// does the same with accumulation; the benchmarks call this.
LossTerms trainOneStep(VitaskModel& model, const StageSpec& stage, const TrainConfig& config, const StepBatch& batch,
                       torch::optim::Optimizer& optimizer);

}  // namespace vitask::recipe
