#pragma once
// Grad-CAM (Selvaraju et al. 2017): where a CNN looked for one class. The gradient of the
// class score with respect to a conv block's activations, averaged over space, weights
// the activation channels; the ReLU of the weighted sum, upsampled, is the map.

#include <torch/torch.h>

namespace vitask::tsm {

// activations: [1, C, h, w], part of the autograd graph that produced `score` (a scalar,
// usually the class logit). Returns float [height, width] on the CPU, scaled to [0, 1]
// (all zeros when nothing in the map raises the score).
torch::Tensor gradCam(const torch::Tensor& activations, const torch::Tensor& score, int64_t height, int64_t width);

}  // namespace vitask::tsm
