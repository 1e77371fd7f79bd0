#pragma once
// The networks behind built-in TSMs, as LibTorch modules. One forward pass gives
// everything the TSM interface and saliency need.

#include "vitask/tsm/builtin_architecture.h"

#include <torch/torch.h>

#include <memory>

namespace vitask::tsm {

struct BuiltinNetworkOutput {
    torch::Tensor logits;         // [N, K]
    torch::Tensor features;       // [N, F]: global-average-pooled map (ResNet) or CLS token (ViT)
    torch::Tensor patchFeatures;  // [N, P, F]: last conv map flattened (ResNet) or patch tokens (ViT)
    torch::Tensor featureMap;     // [N, F, h, w]: the last conv block's output (ResNet; Grad-CAM), else undefined
};

class BuiltinNetwork : public torch::nn::Module {
public:
    virtual BuiltinNetworkOutput forward(const torch::Tensor& images) = 0;
    virtual int64_t featureWidth() const = 0;
};

// A freshly initialised network for `channels`-channel images of height x width and
// `classes` outputs. Throws vitask::Error for hyper-parameters that cannot work (a ViT
// patch that does not divide the image, heads that do not divide the width, ...).
std::shared_ptr<BuiltinNetwork> makeBuiltinNetwork(const BuiltinArchitecture& architecture, int channels, int height,
                                                   int width, int classes);

}  // namespace vitask::tsm
