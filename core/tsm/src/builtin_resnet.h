#pragma once
// ResNet of BasicBlocks with torchvision's parameter names (conv1, bn1, layer1.0.conv1,
// layer2.0.downsample.0, fc), so torchvision checkpoints map one to one.

#include "vitask/tsm/builtin_network.h"

namespace vitask::tsm {

class BuiltinResNet final : public BuiltinNetwork {
public:
    BuiltinResNet(const BuiltinArchitecture& architecture, int channels, int classes);
    BuiltinNetworkOutput forward(const torch::Tensor& images) override;
    int64_t featureWidth() const override { return featureWidth_; }

private:
    bool smallInputStem_;
    int64_t featureWidth_;
    torch::nn::Conv2d conv1_{nullptr};
    torch::nn::BatchNorm2d bn1_{nullptr};
    std::vector<torch::nn::Sequential> stages_;
    torch::nn::Linear fc_{nullptr};
};

}  // namespace vitask::tsm
