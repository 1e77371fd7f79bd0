#include "attention.h"

#include <torch/version.h>

#include <cmath>

namespace vitask::model {

torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k,
                                        const torch::Tensor& v, const torch::Tensor& mask) {
#if TORCH_VERSION_MAJOR >= 2
    return at::scaled_dot_product_attention(q, k, v, mask.to(q.scalar_type()));
#else
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    auto scores = torch::matmul(q, k.transpose(-1, -2)).to(torch::kFloat32) * scale + mask.to(torch::kFloat32);
    return torch::matmul(torch::softmax(scores, -1).to(q.scalar_type()), v);
#endif
}

torch::Tensor causalMask(const torch::Tensor& keyMask, int64_t past, int64_t tokens,
                         torch::ScalarType dtype) {
    const int64_t total = keyMask.size(1);
    const auto options = torch::TensorOptions().device(keyMask.device());
    const auto queryPos = torch::arange(past, past + tokens, options.dtype(torch::kLong)).unsqueeze(1);
    const auto keyPos = torch::arange(total, options.dtype(torch::kLong)).unsqueeze(0);
    const auto allowed = (keyPos <= queryPos).unsqueeze(0) & keyMask.to(torch::kBool).unsqueeze(1);  // [B,T,S]
    const double lowest = dtype == torch::kFloat32 ? -3.4028234663852886e38
                          : dtype == torch::kBFloat16 ? -3.3895313892515355e38
                          : dtype == torch::kHalf ? -65504.0 : -1e30;
    return torch::zeros(allowed.sizes(), options.dtype(dtype))
        .masked_fill(allowed.logical_not(), lowest)
        .unsqueeze(1);
}

}  // namespace vitask::model
