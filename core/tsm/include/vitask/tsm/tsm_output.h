#pragma once
// What a TSM returns for a batch of N images.

#include <torch/torch.h>

namespace vitask::tsm {

struct TsmOutput {
    torch::Tensor logits;         // [N, K] raw class scores
    torch::Tensor probabilities;  // [N, K] softmax over K, or a sigmoid per class (multi-label)
    torch::Tensor features;       // [N, F] pooled / CLS feature: the exemplar for exemplar prompting
    torch::Tensor patchFeatures;  // [N, P, F] where the model exposes them, else undefined
};

}  // namespace vitask::tsm
