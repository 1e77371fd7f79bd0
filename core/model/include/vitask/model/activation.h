#pragma once
// Activation functions by their Hugging Face config name.

#include <torch/torch.h>

#include <string>

namespace vitask::model {

enum class Activation { QuickGelu, Gelu, GeluTanh, Silu, Relu };

// "quick_gelu", "gelu", "gelu_pytorch_tanh" / "gelu_new", "silu" / "swish", "relu".
// Throws vitask::Error naming `key` (the config key it came from) for anything else.
Activation parseActivation(const std::string& name, const std::string& key);

torch::Tensor applyActivation(Activation activation, const torch::Tensor& x);

}  // namespace vitask::model
