#pragma once
// Data parallelism's one exchange: after every rank's backward pass over its shard of
// the batch, each trainable parameter's gradient becomes the mean over the ranks.

#include "vitask/distributed/process_group.h"

#include <torch/torch.h>

#include <vector>

namespace vitask::distributed {

// Averages the gradients of `parameters` over `group`: flattened into buckets of about
// `bucketBytes` (one all-reduce each, as DDP does, so that a LoRA run's hundreds of
// small tensors cost a few messages), then divided by the group's size. A parameter
// with no gradient on this rank counts as zeros, so every rank sends the same buckets.
void averageGradients(ProcessGroup& group, const std::vector<torch::Tensor>& parameters,
                      int64_t bucketBytes = int64_t{25} << 20);

}  // namespace vitask::distributed
