#pragma once
// The CLIP vision transformer of LLaVA (transformers' CLIPVisionTransformer): patch and
// class embeddings, learned position embeddings, pre-LayerNorm encoder layers.
// Parameter names follow transformers (embeddings.patch_embedding.weight, ...), so
// checkpoints load by name.

#include "vitask/model/activation.h"
#include "vitask/model/llava_config.h"

#include <torch/torch.h>

namespace vitask::model {

class ClipAttentionImpl : public torch::nn::Module {
public:
    explicit ClipAttentionImpl(const VisionConfig& config);
    torch::Tensor forward(const torch::Tensor& x);  // [B, T, D] -> [B, T, D]

private:
    int64_t numHeads_, headDim_;
    torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};
};
TORCH_MODULE(ClipAttention);

class ClipEncoderLayerImpl : public torch::nn::Module {
public:
    explicit ClipEncoderLayerImpl(const VisionConfig& config);
    torch::Tensor forward(const torch::Tensor& x);

private:
    Activation activation_;
    torch::nn::LayerNorm layer_norm1{nullptr}, layer_norm2{nullptr};
    ClipAttention self_attn{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

class ClipVisionTowerImpl : public torch::nn::Module {
public:
    explicit ClipVisionTowerImpl(const VisionConfig& config);

    // Hidden states as transformers numbers them: 0 is the embedding output (after the
    // pre-LayerNorm), k the output of layer k; negative k counts from the end (-1 is the
    // last layer). Layers above the requested one are not run. pixels: [B, C, H, W],
    // normalized; a size other than the configured one interpolates the position
    // embeddings bicubically. Returns [B, 1 + patches, D] (CLS first).
    torch::Tensor hiddenState(const torch::Tensor& pixels, int64_t layer);

    // The pooled output: post-LayerNorm of the last layer's CLS token, [B, D].
    torch::Tensor pooled(const torch::Tensor& pixels);

    const VisionConfig& config() const { return config_; }

private:
    torch::Tensor embed(const torch::Tensor& pixels);
    torch::Tensor positionEmbeddings(int64_t gridHeight, int64_t gridWidth);

    VisionConfig config_;
    // Children of the "embeddings" submodule (transformers names).
    torch::nn::Conv2d patch_embedding{nullptr};
    torch::nn::Embedding position_embedding{nullptr};
    torch::Tensor class_embedding;
    torch::nn::LayerNorm pre_layrnorm{nullptr}, post_layernorm{nullptr};  // sic: transformers' name
    torch::nn::ModuleList layers;
};
TORCH_MODULE(ClipVisionTower);

}  // namespace vitask::model
