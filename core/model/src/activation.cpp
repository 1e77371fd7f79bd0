#include "vitask/model/activation.h"

#include "vitask/common/error.h"

namespace vitask::model {

Activation parseActivation(const std::string& name, const std::string& key) {
    if (name == "quick_gelu") return Activation::QuickGelu;
    if (name == "gelu") return Activation::Gelu;
    if (name == "gelu_pytorch_tanh" || name == "gelu_new") return Activation::GeluTanh;
    if (name == "silu" || name == "swish") return Activation::Silu;
    if (name == "relu") return Activation::Relu;
    throw Error("unsupported activation '" + name + "'", key,
                "Supported: quick_gelu, gelu, gelu_pytorch_tanh, gelu_new, silu, relu.");
}

torch::Tensor applyActivation(Activation activation, const torch::Tensor& x) {
    switch (activation) {
        case Activation::QuickGelu: return x * torch::sigmoid(1.702 * x);  // CLIP's approximation
        case Activation::Gelu: return torch::gelu(x);
        case Activation::GeluTanh: return torch::gelu(x, "tanh");
        case Activation::Silu: return torch::silu(x);
        case Activation::Relu: return torch::relu(x);
    }
    return x;
}

}  // namespace vitask::model
