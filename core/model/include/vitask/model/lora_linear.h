#pragma once
// A linear layer that can carry a LoRA adapter (Hu et al., 2021), as peft implements it:
// y = x W^T + b + scaling * dropout(x) A^T B^T, with A [r, in], B [out, r] and
// scaling = alpha / r (alpha / sqrt(r) with rsLoRA). Parameter names match nn::Linear
// ("weight", "bias") and peft ("lora_A.weight", "lora_B.weight"), so base checkpoints
// and adapters load by name.

#include <torch/torch.h>

namespace vitask::model {

struct LoraShape {
    int64_t rank = 16;
    double alpha = 32;
    double dropout = 0.05;
    bool rsLora = false;

    double scaling() const;
};

class LoraLinearImpl : public torch::nn::Module {
public:
    LoraLinearImpl(int64_t inFeatures, int64_t outFeatures, bool bias);
    torch::Tensor forward(const torch::Tensor& x);

    // Adds an adapter initialised as peft does (A Kaiming-uniform, B zero: the layer's
    // output is unchanged until training moves B). Throws if one is already present.
    void addAdapter(const LoraShape& shape);
    bool hasAdapter() const { return static_cast<bool>(lora_A); }
    const LoraShape& adapterShape() const { return shape_; }

    // Folds scaling * B A into the weight (faster inference), and back. Merging twice
    // or unmerging an unmerged layer is an error.
    void merge();
    void unmerge();
    bool merged() const { return merged_; }

    torch::Tensor weight, bias;
    torch::nn::Linear lora_A{nullptr}, lora_B{nullptr};

private:
    torch::Tensor delta() const;
    LoraShape shape_;
    bool merged_ = false;
};
TORCH_MODULE(LoraLinear);

}  // namespace vitask::model
