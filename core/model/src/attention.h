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

// x [..., in] times weight [out, in]^T (+ bias), as linear(). A single row of float32 on
// the CPU (decoding one token at batch 1) goes through a matrix-vector product instead:
// for a one-row input linear() calls sgemm with m = 1, which with LibTorch 1.13 and
// OpenBLAS 0.3.21 runs 2-5x slower than the sgemv that mv() calls (1408x512: 0.26 ms vs
// 0.05 ms; the 32000x512 output head: 13 ms vs 5.8 ms), and decoding is mostly these
// products. The sums run in another order, so results differ in the last bits.
torch::Tensor linearForDecode(const torch::Tensor& x, const torch::Tensor& weight,
                              const torch::Tensor& bias = {});

}  // namespace vitask::model
