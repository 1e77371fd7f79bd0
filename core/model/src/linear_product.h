#pragma once
// The product behind every linear layer of the language model and its output head.

#include <torch/torch.h>

namespace vitask::model {

// x [..., in] times weight [out, in]^T (+ bias), as linear(). A single row of float32 on
// the CPU (decoding one token at batch 1) goes through a matrix-vector product instead:
// for a one-row input linear() calls sgemm with m = 1, which with LibTorch 1.13 and
// OpenBLAS 0.3.21 runs 2-5x slower than the sgemv that mv() calls (1408x512: 0.26 ms vs
// 0.05 ms; the 32000x512 output head: 13 ms vs 5.8 ms), and decoding is mostly these
// products. The sums run in another order, so results differ in the last bits.
torch::Tensor linearForDecode(const torch::Tensor& x, const torch::Tensor& weight,
                              const torch::Tensor& bias = {});

}  // namespace vitask::model
