#pragma once
// BatchPrefetcher: the trainer's background data loading. While one batch trains, the
// next is made on a worker thread (prompts tokenized, images preprocessed when the corpus
// does not cache them, CRT's negatives drawn). A batch is a pure function of its samples
// and step (vitask_step.h), so making it early changes nothing in the run: a run with
// prefetching is bitwise the run without.

#include "vitask/vitask/vitask_step.h"

#include <functional>
#include <future>
#include <vector>

namespace vitask::recipe {

class BatchPrefetcher {
public:
    using MakeBatch = std::function<StepBatch(const std::vector<int64_t>& samples, int64_t step)>;

    explicit BatchPrefetcher(MakeBatch make) : make_(std::move(make)) {}
    // Waits for a batch still being made (its result, or error, is dropped).
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    // The batch of (samples, step): the one made ahead when it is that batch, else made
    // now. An error while making it is thrown here.
    StepBatch take(const std::vector<int64_t>& samples, int64_t step);
    // Starts making (samples, step) on the worker thread.
    void prefetch(std::vector<int64_t> samples, int64_t step);

private:
    MakeBatch make_;
    std::vector<int64_t> pendingSamples_;
    int64_t pendingStep_ = -1;
    std::future<StepBatch> pending_;
};

}  // namespace vitask::recipe
