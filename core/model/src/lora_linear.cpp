#include "vitask/model/lora_linear.h"

#include "linear_product.h"

#include "vitask/common/error.h"

#include <cmath>

namespace vitask::model {

double LoraShape::scaling() const {
    return rsLora ? alpha / std::sqrt(static_cast<double>(rank)) : alpha / static_cast<double>(rank);
}

LoraLinearImpl::LoraLinearImpl(int64_t inFeatures, int64_t outFeatures, bool bias) {
    // The same initialisation as nn::Linear, so fresh models train the same way.
    weight = register_parameter("weight", torch::empty({outFeatures, inFeatures}));
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    if (bias) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(inFeatures));
        this->bias = register_parameter("bias", torch::empty({outFeatures}).uniform_(-bound, bound));
    }
}

void LoraLinearImpl::addAdapter(const LoraShape& shape) {
    if (hasAdapter()) throw Error("the layer already has a LoRA adapter", "LoRA", "Remove it before adding another.");
    if (shape.rank <= 0) throw Error("LoRA rank must be positive, not " + std::to_string(shape.rank), "lora.rank");
    shape_ = shape;
    const auto options = weight.options();
    lora_A = register_module("lora_A", torch::nn::Linear(torch::nn::LinearOptions(weight.size(1), shape.rank).bias(false)));
    lora_B = register_module("lora_B", torch::nn::Linear(torch::nn::LinearOptions(shape.rank, weight.size(0)).bias(false)));
    lora_A->to(options.device(), options.dtype().toScalarType());
    lora_B->to(options.device(), options.dtype().toScalarType());
    torch::NoGradGuard noGrad;
    torch::nn::init::kaiming_uniform_(lora_A->weight, std::sqrt(5.0));
    lora_B->weight.zero_();
}

torch::Tensor LoraLinearImpl::delta() const {
    return torch::matmul(lora_B->weight, lora_A->weight) * shape_.scaling();
}

void LoraLinearImpl::merge() {
    if (!hasAdapter() || merged_) throw Error(merged_ ? "the adapter is already merged" : "the layer has no adapter", "LoRA merge");
    torch::NoGradGuard noGrad;
    weight.add_(delta().to(weight.scalar_type()));
    merged_ = true;
}

void LoraLinearImpl::unmerge() {
    if (!merged_) throw Error("the adapter is not merged", "LoRA unmerge");
    torch::NoGradGuard noGrad;
    weight.sub_(delta().to(weight.scalar_type()));
    merged_ = false;
}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor& x) {
    auto y = linearForDecode(x, weight, bias);  // matrix-vector when decoding one token
    if (!hasAdapter() || merged_) return y;
    const auto dropped = (is_training() && shape_.dropout > 0)
                             ? torch::dropout(x, shape_.dropout, /*train=*/true)
                             : x;
    return y + lora_B(lora_A(dropped.to(lora_A->weight.scalar_type()))).to(y.scalar_type()) * shape_.scaling();
}

}  // namespace vitask::model
