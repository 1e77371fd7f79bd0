#pragma once
// TaskCorpus: one split of one or more datasets made ready for the VLM: every image
// preprocessed for the vision tower once, the frozen TSM's features and probabilities
// computed once (the TSM never trains in the VITask stages), and each sample's answer
// tokenized. Trainer and evaluator index into it; nothing is re-read per epoch.

#include "vitask/tsm/tsm.h"
#include "vitask/vitask/medmnist_dataset.h"
#include "vitask/vitask/prompt_builder.h"
#include "vitask/vitask/vitask_model.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vitask::recipe {

struct CorpusTask {
    std::string name;             // the dataset's name
    TaskDescription description;  // modality and label set, for the instructions
    // The answer text and token ids of each class (single-label) for label-set scoring.
    std::vector<std::string> answers;
    std::vector<std::vector<int64_t>> answerIds;
};

class TaskCorpus {
public:
    // maxPerDataset > 0 keeps the first that many samples of each dataset (quick runs).
    // `tsm` may be null (no exemplar prompting). `onProgress(done, total)` reports the
    // TSM pass, which dominates for large TSMs.
    static TaskCorpus build(const std::vector<const MedMnistDataset*>& datasets, Split split, VitaskModel& model,
                            tsm::Tsm* tsm, int64_t maxPerDataset = 0,
                            const std::function<void(int64_t, int64_t)>& onProgress = {});

    int64_t size() const { return static_cast<int64_t>(taskOf_.size()); }
    const std::vector<CorpusTask>& tasks() const { return tasks_; }
    int taskOf(int64_t i) const { return taskOf_[static_cast<size_t>(i)]; }
    int64_t sourceIndex(int64_t i) const { return sourceIndex_[static_cast<size_t>(i)]; }
    // Class index (single-label) or -1 (multi-label).
    int64_t label(int64_t i) const { return labels_[static_cast<size_t>(i)]; }
    const std::vector<uint8_t>& targets(int64_t i) const { return targets_[static_cast<size_t>(i)]; }
    const std::vector<int64_t>& responseIds(int64_t i) const { return responseIds_[static_cast<size_t>(i)]; }
    const std::string& response(int64_t i) const { return responses_[static_cast<size_t>(i)]; }

    // Rows for a list of sample indices (CPU tensors).
    torch::Tensor pixels(const std::vector<int64_t>& indices) const;
    torch::Tensor features(const std::vector<int64_t>& indices) const;  // undefined without a TSM
    bool hasFeatures() const { return features_.defined(); }
    const torch::Tensor& tsmProbabilities() const { return tsmProbabilities_; }  // [N, K_tsm] or undefined

    // CRT's negative for sample i (VITASK_METHOD.md: same instruction, different label):
    // a sample of the same task whose answer differs, chosen uniformly by `draw`; -1 when
    // every sample of the task has the same answer.
    int64_t negativeFor(int64_t i, uint64_t draw) const;

private:
    std::vector<CorpusTask> tasks_;
    std::vector<int> taskOf_;
    std::vector<int64_t> sourceIndex_;
    std::vector<int64_t> labels_;
    std::vector<std::vector<uint8_t>> targets_;
    std::vector<std::string> responses_;
    std::vector<std::vector<int64_t>> responseIds_;
    torch::Tensor pixels_;            // [N, 3, S, S]
    torch::Tensor features_;          // [N, F]
    torch::Tensor tsmProbabilities_;  // [N, K]
    // Per task, its samples ordered by answer (each answer's samples contiguous); per
    // sample, where its answer's run starts in that order and how long it is.
    std::vector<std::vector<int64_t>> byAnswer_;
    std::vector<std::pair<int64_t, int64_t>> answerRun_;
};

}  // namespace vitask::recipe
