#pragma once
// One EngineService::evaluateDataset() call, in steps that run on the worker thread as
// separate jobs: prepare() reads the dataset and runs the TSM over the split (a
// TaskCorpus, as `vitask eval` builds it), answer() asks the VLM about one sample with
// every instruction, without and then with the exemplar, as recipe::evaluate asks it
// (same prompts, same seeds, same scoring or generation), and finish() books the figures.
// Between two steps the worker may run interactive work, even load another model: each
// step checks that the model it started with is still the one loaded.

#include "engine_core.h"
#include "evaluation_dataset_cache.h"
#include "evaluation_metrics.h"
#include "vitask/service/dataset_evaluation.h"
#include "vitask/service/vision_assistant.h"
#include "vitask/vitask/evaluator.h"
#include "vitask/vitask/task_corpus.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vitask::service::detail {

class EvaluationRun {
public:
    explicit EvaluationRun(DatasetEvaluationRequest request);

    // Throws vitask::Error for a request that cannot run (no model, a bad dataset, split,
    // method or instruction). False when `cancel` stopped it during the TSM's pass.
    bool prepare(VisionAssistant& assistant, DatasetCache& datasets, const std::atomic<bool>& cancel);
    int64_t samples() const { return corpus_ ? corpus_->size() : 0; }
    // After prepare(): the progress with nothing answered yet.
    DatasetEvaluationProgress prepared() const;

    // Sample i with each instruction in turn; `progress` after each. False when `cancel`
    // stopped it (within a generated token, or between two answers). Throws vitask::Error
    // when the model was replaced since prepare().
    bool answer(VisionAssistant& assistant, int64_t i, const std::atomic<bool>& cancel,
                const EvaluationProgress& progress);

    // The rows answered and, unless cancelled, the figures.
    DatasetEvaluation finish(bool cancelled);

private:
    struct Instruction {
        InstructionChoice choice;
        std::optional<recipe::InstructionVariant> variant;  // none: the choice's own text
        std::vector<recipe::SamplePrediction> plain, withExemplar;  // per sample answered
        std::vector<SampleRow> rows;
    };

    std::string instructionFor(const Instruction& instruction, int64_t i) const;
    // One answer to `prompt`; none when cancelled during generation.
    std::optional<recipe::SamplePrediction> ask(const std::vector<int64_t>& prompt, const torch::Tensor& images,
                                                const torch::Tensor& exemplars, const std::atomic<bool>& cancel);
    SampleAnswer vlmAnswer(const recipe::SamplePrediction& prediction) const;
    SampleRow row(int64_t i, const recipe::SamplePrediction& plain, const recipe::SamplePrediction* withExemplar) const;
    void checkModel(VisionAssistant& assistant) const;
    void prepareTsm(tsm::Tsm* tsm);

    DatasetEvaluationRequest request_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    recipe::VitaskModel* model_ = nullptr;
    ModelInfo modelInfo_;  // what was loaded at prepare(), to notice a model loaded since
    std::string tsmName_;
    std::shared_ptr<const recipe::MedMnistDataset> dataset_;
    std::unique_ptr<recipe::TaskCorpus> corpus_;
    TaskInfo task_;
    recipe::TaskDescription description_;
    std::vector<std::vector<int64_t>> answerIds_;  // single-label: each label's answer tokens
    bool generate_ = false;
    bool useExemplar_ = false;
    std::string exemplarSkipped_, tsmSkipped_;
    std::vector<std::vector<double>> tsmProbabilities_;  // per sample, the dataset's classes
    std::vector<Instruction> instructions_;
};

}  // namespace vitask::service::detail
