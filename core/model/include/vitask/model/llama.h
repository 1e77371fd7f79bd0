#pragma once
// The Llama decoder (transformers' LlamaModel): token embeddings, pre-RMSNorm layers
// with rotary position embeddings, grouped-query attention and a SwiGLU MLP, and the
// final norm. Parameter names follow transformers (embed_tokens, layers.N.self_attn.
// q_proj, ...).

#include "vitask/model/activation.h"
#include "vitask/model/kv_cache.h"
#include "vitask/model/llava_config.h"
#include "vitask/model/lora_linear.h"

#include <torch/torch.h>

namespace vitask::model {

class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(int64_t width, double eps);
    torch::Tensor forward(const torch::Tensor& x);  // normalizes in float32, as transformers does

    torch::Tensor weight;

private:
    double eps_;
};
TORCH_MODULE(RmsNorm);

// cos/sin tables of the rotary embedding for given positions.
class RotaryEmbedding {
public:
    RotaryEmbedding(int64_t headDim, double theta);
    // positions [B, T] -> cos, sin [B, 1, T, headDim] in `dtype` on positions' device.
    std::pair<torch::Tensor, torch::Tensor> tables(const torch::Tensor& positions,
                                                   torch::ScalarType dtype) const;

private:
    torch::Tensor inverseFrequencies_;  // [headDim / 2], float32, CPU
};

class LlamaAttentionImpl : public torch::nn::Module {
public:
    explicit LlamaAttentionImpl(const TextConfig& config);
    // x [B, T, D]; cos/sin from RotaryEmbedding; mask [B, 1, T, S] additive.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& mask, KvCache* cache, size_t layer);
    // Without a cache, for some query positions only: queries from xq [B, W, D] (rotated
    // by cosq/sinq [B, 1, W, hd]) against the keys and values of every position of x
    // [B, T, D] (cos/sin); mask [B, 1, W, T]. Returns [B, W, D].
    torch::Tensor forwardQueries(const torch::Tensor& xq, const torch::Tensor& cosq, const torch::Tensor& sinq,
                                 const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                                 const torch::Tensor& mask);

    LoraLinear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};

private:
    torch::Tensor attend(const torch::Tensor& xq, const torch::Tensor& cosq, const torch::Tensor& sinq,
                         const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                         const torch::Tensor& mask, KvCache* cache, size_t layer);

    int64_t numHeads_, numKvHeads_, headDim_;
};
TORCH_MODULE(LlamaAttention);

class LlamaMlpImpl : public torch::nn::Module {
public:
    explicit LlamaMlpImpl(const TextConfig& config);
    torch::Tensor forward(const torch::Tensor& x);  // down(act(gate(x)) * up(x))

    LoraLinear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};

private:
    Activation activation_;
};
TORCH_MODULE(LlamaMlp);

class LlamaDecoderLayerImpl : public torch::nn::Module {
public:
    explicit LlamaDecoderLayerImpl(const TextConfig& config);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& mask, KvCache* cache, size_t layer);
    // Without a cache, the outputs at `index` [B, W] (positions in T) only: [B, W, D].
    torch::Tensor forwardAt(const torch::Tensor& x, const torch::Tensor& index, const torch::Tensor& cos,
                            const torch::Tensor& sin, const torch::Tensor& mask);

    RmsNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
    LlamaAttention self_attn{nullptr};
    LlamaMlp mlp{nullptr};
};
TORCH_MODULE(LlamaDecoderLayer);

class LlamaModelImpl : public torch::nn::Module {
public:
    explicit LlamaModelImpl(const TextConfig& config);

    // embeddings [B, T, D] of the new tokens; positions [B, T] (long); keyMask [B, S] bool
    // over cached + new tokens (false for padding); cache: nullptr for a single pass
    // without cache (then S == T). Returns the final-normed hidden states [B, T, D] and,
    // with a cache, leaves the new keys/values in it.
    torch::Tensor forward(const torch::Tensor& embeddings, const torch::Tensor& positions,
                          const torch::Tensor& keyMask, KvCache* cache);

    // One pass without cache that returns the final-normed hidden states at `index` [B, W]
    // (positions in T) only, [B, W, D]: as forward(...).gather at those positions, but the
    // last layer computes its queries, attention output and MLP for those positions alone
    // (earlier layers need every position: they are its keys and values). Training and
    // scoring need outputs at a few response positions, so this skips most of a layer.
    torch::Tensor forwardAt(const torch::Tensor& embeddings, const torch::Tensor& positions,
                            const torch::Tensor& keyMask, const torch::Tensor& index);

    KvCache makeCache(int64_t batch, int64_t capacity, torch::TensorOptions options) const;
    const TextConfig& config() const { return config_; }

    torch::nn::Embedding embed_tokens{nullptr};
    torch::nn::ModuleList layers;
    RmsNorm norm{nullptr};

private:
    TextConfig config_;
    RotaryEmbedding rotary_;
};
TORCH_MODULE(LlamaModel);

}  // namespace vitask::model
