#pragma once
// LLaVA's multi-modal projector: linear_1 -> activation -> linear_2, from vision
// feature width to language-model width (hidden width = output width). Also serves as
// the VITask exemplar-prompt connector (TSM feature width -> hidden -> language-model
// width times the number of exemplar tokens).

#include "vitask/model/activation.h"

#include <torch/torch.h>

namespace vitask::model {

class MlpProjectorImpl : public torch::nn::Module {
public:
    // hiddenWidth 0: the output width (LLaVA's projector).
    MlpProjectorImpl(int64_t inputWidth, int64_t outputWidth, Activation activation, bool bias, int64_t hiddenWidth = 0);
    torch::Tensor forward(const torch::Tensor& x);

private:
    Activation activation_;
    torch::nn::Linear linear_1{nullptr}, linear_2{nullptr};
};
TORCH_MODULE(MlpProjector);

}  // namespace vitask::model
