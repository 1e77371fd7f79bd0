#include "vitask/model/mlp_projector.h"

namespace vitask::model {

MlpProjectorImpl::MlpProjectorImpl(int64_t inputWidth, int64_t outputWidth, Activation activation, bool bias,
                                   int64_t hiddenWidth)
    : activation_(activation) {
    using torch::nn::Linear;
    using torch::nn::LinearOptions;
    const int64_t hidden = hiddenWidth > 0 ? hiddenWidth : outputWidth;
    linear_1 = register_module("linear_1", Linear(LinearOptions(inputWidth, hidden).bias(bias)));
    linear_2 = register_module("linear_2", Linear(LinearOptions(hidden, outputWidth).bias(bias)));
}

torch::Tensor MlpProjectorImpl::forward(const torch::Tensor& x) {
    return linear_2(applyActivation(activation_, linear_1(x)));
}

}  // namespace vitask::model
