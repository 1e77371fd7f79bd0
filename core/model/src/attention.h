#pragma once
// Kernels shared by the language model: scaled dot-product attention (LibTorch's fused
// kernel, flash / memory-efficient on CUDA, from 2.0 on; the explicit formula on 1.13),
// the causal mask, and linear() for the one-row products of decoding.

#include <torch/torch.h>

namespace vitask::model {

// q [B, H, T, d], k/v [B, H, S, d]; mask: additive float [B or 1, 1, T, S] (0 to attend,
// a large negative value not to). Softmax runs in float32 whatever the input dtype.
torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k,
                                        const torch::Tensor& v, const torch::Tensor& mask);

// Additive mask [B, 1, T, S] for T new tokens after `past` cached ones: a query at new
// position i sees key j when j <= past + i and keyMask[b, j] is true (keyMask [B, S] bool:
// false for left padding). Masked entries get the dtype's lowest finite value rather than
// -inf, so that a row with nothing to attend to (a padding query) yields finite values.
torch::Tensor causalMask(const torch::Tensor& keyMask, int64_t past, int64_t tokens,
                         torch::ScalarType dtype);

}  // namespace vitask::model
