#include "vitask/vitask/batch_prefetcher.h"

namespace vitask::recipe {

BatchPrefetcher::~BatchPrefetcher() {
    if (pending_.valid()) pending_.wait();
}

StepBatch BatchPrefetcher::take(const std::vector<int64_t>& samples, int64_t step) {
    if (pending_.valid()) {
        auto ready = std::move(pending_);
        if (pendingStep_ == step && pendingSamples_ == samples) return ready.get();
        ready.wait();  // another batch (the loop moved on): drop it
    }
    return make_(samples, step);
}

void BatchPrefetcher::prefetch(std::vector<int64_t> samples, int64_t step) {
    if (pending_.valid()) pending_.wait();
    pendingSamples_ = samples;
    pendingStep_ = step;
    pending_ = std::async(std::launch::async, [this, samples = std::move(samples), step] { return make_(samples, step); });
}

}  // namespace vitask::recipe
