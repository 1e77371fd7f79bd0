#pragma once
// TaskCorpus: one split of one or more datasets made ready for the VLM: the frozen TSM's
// features and probabilities computed once (the TSM never trains in the VITask stages),
// each sample's answer tokenized, and the vision tower's input either preprocessed once
// (when it fits the pixel cache) or made per batch from the datasets' uint8 images (a
// 224 px MedMNIST+ set at 336 px would take over 100 GB as float pixels). Trainer and
// evaluator index into it; nothing is re-read from disk per epoch.
//
// The corpus refers to the datasets' images and the model's image processor: keep both
// alive while it is used. pixels() may be called from a background thread (the trainer
// prepares the next batch while the current one trains).

#include "vitask/tsm/tsm.h"
#include "vitask/vitask/medmnist_dataset.h"
#include "vitask/vitask/prompt_builder.h"
#include "vitask/vitask/vitask_model.h"
#include "vitask/vitask/work_sharding.h"

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

struct CorpusOptions {
    int64_t maxPerDataset = 0;  // > 0: the first that many samples of each dataset (quick runs)
    // The vision tower's inputs are preprocessed once when they take at most this many
    // bytes, and per batch otherwise.
    int64_t pixelCacheBytes = int64_t{1} << 30;
    // Reports the TSM pass (done, total), which dominates for large TSMs.
    std::function<void(int64_t, int64_t)> onProgress;
    // Data-parallel training: each process runs the TSM on its block of the split and
    // the features and probabilities are gathered.
    WorkSharding sharding;
};

class TaskCorpus {
public:
    // `tsm` may be null (no exemplar prompting).
    static TaskCorpus build(const std::vector<const MedMnistDataset*>& datasets, Split split, const VitaskModel& model,
                            tsm::Tsm* tsm, const CorpusOptions& options = {});

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
    bool pixelsCached() const { return pixels_.defined(); }
    // What exemplar prompting reads of the TSM for these samples; undefined without a TSM.
    ExemplarInput exemplarInput(const std::vector<int64_t>& indices) const;
    bool hasFeatures() const { return features_.defined(); }
    const torch::Tensor& tsmProbabilities() const { return tsmProbabilities_; }  // [N, K_tsm] or undefined

    // CRT's negative for sample i (VITASK_METHOD.md: same instruction, different label):
    // a sample of the same task whose answer differs, chosen uniformly by `draw`; -1 when
    // every sample of the task has the same answer.
    int64_t negativeFor(int64_t i, uint64_t draw) const;

private:
    ImageView sourceImage(int64_t i) const;  // sample i's uint8 image in its dataset

    std::vector<CorpusTask> tasks_;
    std::vector<int> taskOf_;
    std::vector<int64_t> sourceIndex_;
    std::vector<int64_t> labels_;
    std::vector<std::vector<uint8_t>> targets_;
    std::vector<std::string> responses_;
    std::vector<std::vector<int64_t>> responseIds_;
    const VitaskModel* model_ = nullptr;             // its image processor, for pixels made per batch
    std::vector<const MedMnistSplit*> parts_;        // per task, the split its images come from
    torch::Tensor pixels_;            // [N, 3, S, S] when cached
    torch::Tensor features_;          // [N, F]
    torch::Tensor tsmProbabilities_;  // [N, K]
    // Per task, its samples ordered by answer (each answer's samples contiguous); per
    // sample, where its answer's run starts in that order and how long it is.
    std::vector<std::vector<int64_t>> byAnswer_;
    std::vector<std::pair<int64_t, int64_t>> answerRun_;
};

}  // namespace vitask::recipe
