#include "linear_product.h"

namespace vitask::model {

torch::Tensor linearForDecode(const torch::Tensor& x, const torch::Tensor& weight,
                              const torch::Tensor& bias) {
    const bool oneRow = x.dim() >= 1 && x.numel() == x.size(-1);
    if (!oneRow || !x.is_cpu() || x.scalar_type() != torch::kFloat32 ||
        weight.scalar_type() != torch::kFloat32)
        return torch::nn::functional::linear(x, weight, bias);
    auto out = at::mv(weight, x.reshape({-1}));
    if (bias.defined()) out = out + bias;
    auto sizes = x.sizes().vec();
    sizes.back() = weight.size(0);
    return out.view(sizes);
}

}  // namespace vitask::model
