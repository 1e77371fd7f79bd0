#pragma once
// LLaVA's multi-modal projector: linear_1 -> activation -> linear_2, from vision
// feature width to language-model width. Also serves as the VITask exemplar-prompt
// connector (TSM feature width -> language-model width), which has the same shape.

#include "vitask/model/activation.h"

#include <torch/torch.h>

namespace vitask::model {

class MlpProjectorImpl : public torch::nn::Module {
public:
    MlpProjectorImpl(int64_t inputWidth, int64_t outputWidth, Activation activation, bool bias);
    torch::Tensor forward(const torch::Tensor& x);

private:
    Activation activation_;
    torch::nn::Linear linear_1{nullptr}, linear_2{nullptr};
};
TORCH_MODULE(MlpProjector);

}  // namespace vitask::model
