#pragma once
// From MedMNIST splits to TSM input batches, and training-time augmentation.

#include "vitask/tsm/input_spec.h"
#include "vitask/vitask/medmnist_split.h"
#include "vitask/vitask/tsm_training.h"

#include <torch/torch.h>

#include <random>

namespace vitask::recipe {

// The split's pixels as a uint8 [N, H, W, C] tensor sharing the split's memory (the split
// must outlive it). Throws vitask::Error when the split was loaded without pixels.
torch::Tensor splitPixels(const MedMnistSplit& split);

// Samples `indices` of `pixels` as model input: float, channels adapted, resized and
// normalised to `spec` (tsm::prepareImages), on `device`.
torch::Tensor inputBatch(const torch::Tensor& pixels, const torch::Tensor& indices, const tsm::InputSpec& spec,
                         torch::Device device);

// One random flip/shift/rotation per image (a single affine resampling, borders
// replicated). Draws from `rng`, so a seed fixes it.
torch::Tensor augmentBatch(const torch::Tensor& batch, const AugmentationOptions& options, std::mt19937_64& rng);

}  // namespace vitask::recipe
