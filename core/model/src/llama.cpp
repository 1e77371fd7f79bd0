#include "vitask/model/llama.h"

#include "attention.h"

namespace vitask::model {
namespace nn = torch::nn;

RmsNormImpl::RmsNormImpl(int64_t width, double eps) : eps_(eps) {
    weight = register_parameter("weight", torch::ones({width}));
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x) {
    const auto x32 = x.to(torch::kFloat32);
    const auto normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, true) + eps_);
    return weight * normed.to(x.scalar_type());
}

RotaryEmbedding::RotaryEmbedding(int64_t headDim, double theta) {
    const auto exponents = torch::arange(0, headDim, 2, torch::kInt64).to(torch::kFloat32) / headDim;
    inverseFrequencies_ = 1.0 / torch::pow(theta, exponents);
}

std::pair<torch::Tensor, torch::Tensor> RotaryEmbedding::tables(const torch::Tensor& positions,
                                                                torch::ScalarType dtype) const {
    const auto inv = inverseFrequencies_.to(positions.device());
    const auto freqs = positions.to(torch::kFloat32).unsqueeze(-1) * inv;  // [B, T, hd/2]
    const auto angles = torch::cat({freqs, freqs}, -1).unsqueeze(1);       // [B, 1, T, hd]
    return {angles.cos().to(dtype), angles.sin().to(dtype)};
}

namespace {

// x [B, ..., T, ...] with positions along `dim` -> the same at index [B, W] (positions
// per batch row): [B, ..., W, ...].
torch::Tensor atPositions(const torch::Tensor& x, const torch::Tensor& index, int64_t dim) {
    std::vector<int64_t> view(static_cast<size_t>(x.dim()), 1);
    view[0] = index.size(0);
    view[static_cast<size_t>(dim)] = index.size(1);
    auto sizes = x.sizes().vec();
    sizes[static_cast<size_t>(dim)] = index.size(1);
    return x.gather(dim, index.view(view).expand(sizes));
}

torch::Tensor rotateHalf(const torch::Tensor& x) {
    const int64_t half = x.size(-1) / 2;
    return torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, -1);
}

// [B, kvH, S, d] -> [B, kvH * groups, S, d]: query head h uses key/value head h / groups.
torch::Tensor repeatKv(const torch::Tensor& x, int64_t groups) {
    if (groups == 1) return x;
    const auto s = x.sizes();
    return x.unsqueeze(2).expand({s[0], s[1], groups, s[2], s[3]}).reshape({s[0], s[1] * groups, s[2], s[3]});
}

}  // namespace

LlamaAttentionImpl::LlamaAttentionImpl(const TextConfig& config)
    : numHeads_(config.numHeads), numKvHeads_(config.numKeyValueHeads), headDim_(config.headDim) {
    const int64_t d = config.hiddenSize;
    auto linear = [&](int64_t in, int64_t out) { return LoraLinear(in, out, config.attentionBias); };
    q_proj = register_module("q_proj", linear(d, numHeads_ * headDim_));
    k_proj = register_module("k_proj", linear(d, numKvHeads_ * headDim_));
    v_proj = register_module("v_proj", linear(d, numKvHeads_ * headDim_));
    o_proj = register_module("o_proj", linear(numHeads_ * headDim_, d));
}

torch::Tensor LlamaAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& cos,
                                          const torch::Tensor& sin, const torch::Tensor& mask,
                                          KvCache* cache, size_t layer) {
    return attend(x, cos, sin, x, cos, sin, mask, cache, layer);
}

torch::Tensor LlamaAttentionImpl::forwardQueries(const torch::Tensor& xq, const torch::Tensor& cosq,
                                                 const torch::Tensor& sinq, const torch::Tensor& x,
                                                 const torch::Tensor& cos, const torch::Tensor& sin,
                                                 const torch::Tensor& mask) {
    return attend(xq, cosq, sinq, x, cos, sin, mask, nullptr, 0);
}

torch::Tensor LlamaAttentionImpl::attend(const torch::Tensor& xq, const torch::Tensor& cosq,
                                         const torch::Tensor& sinq, const torch::Tensor& x,
                                         const torch::Tensor& cos, const torch::Tensor& sin,
                                         const torch::Tensor& mask, KvCache* cache, size_t layer) {
    const int64_t b = x.size(0), t = x.size(1), w = xq.size(1);
    auto q = q_proj(xq).view({b, w, numHeads_, headDim_}).transpose(1, 2);
    auto k = k_proj(x).view({b, t, numKvHeads_, headDim_}).transpose(1, 2);
    auto v = v_proj(x).view({b, t, numKvHeads_, headDim_}).transpose(1, 2);
    q = q * cosq + rotateHalf(q) * sinq;
    k = k * cos + rotateHalf(k) * sin;
    if (cache) std::tie(k, v) = cache->append(layer, k, v);
    const int64_t groups = numHeads_ / numKvHeads_;
    torch::Tensor out;
    if (groups > 1 && w == 1) {
        // Decoding one token: the `groups` query heads that share a key/value head become
        // the rows of one product with that head's keys and values ([B, kvH, groups, d]),
        // instead of copying the whole cached keys and values `groups` times per layer
        // and step (repeatKv). The mask [B, 1, 1, S] broadcasts over those rows.
        out = scaledDotProductAttention(q.reshape({b, numKvHeads_, groups, headDim_}), k, v, mask)
                  .reshape({b, numHeads_, 1, headDim_});
    } else {
        out = scaledDotProductAttention(q, repeatKv(k, groups), repeatKv(v, groups), mask);
    }
    return o_proj(out.transpose(1, 2).reshape({b, w, numHeads_ * headDim_}));
}

LlamaMlpImpl::LlamaMlpImpl(const TextConfig& config)
    : activation_(parseActivation(config.hiddenAct, "text_config.hidden_act")) {
    const int64_t d = config.hiddenSize, m = config.intermediateSize;
    auto linear = [&](int64_t in, int64_t out) { return LoraLinear(in, out, config.mlpBias); };
    gate_proj = register_module("gate_proj", linear(d, m));
    up_proj = register_module("up_proj", linear(d, m));
    down_proj = register_module("down_proj", linear(m, d));
}

torch::Tensor LlamaMlpImpl::forward(const torch::Tensor& x) {
    return down_proj(applyActivation(activation_, gate_proj(x)) * up_proj(x));
}

LlamaDecoderLayerImpl::LlamaDecoderLayerImpl(const TextConfig& config) {
    input_layernorm = register_module("input_layernorm", RmsNorm(config.hiddenSize, config.rmsNormEps));
    self_attn = register_module("self_attn", LlamaAttention(config));
    post_attention_layernorm =
        register_module("post_attention_layernorm", RmsNorm(config.hiddenSize, config.rmsNormEps));
    mlp = register_module("mlp", LlamaMlp(config));
}

torch::Tensor LlamaDecoderLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& cos,
                                             const torch::Tensor& sin, const torch::Tensor& mask,
                                             KvCache* cache, size_t layer) {
    const auto h = x + self_attn(input_layernorm(x), cos, sin, mask, cache, layer);
    return h + mlp(post_attention_layernorm(h));
}

torch::Tensor LlamaDecoderLayerImpl::forwardAt(const torch::Tensor& x, const torch::Tensor& index,
                                               const torch::Tensor& cos, const torch::Tensor& sin,
                                               const torch::Tensor& mask) {
    const auto normed = input_layernorm(x);
    const auto h = atPositions(x, index, 1) +
                   self_attn->forwardQueries(atPositions(normed, index, 1), atPositions(cos, index, 2),
                                             atPositions(sin, index, 2), normed, cos, sin, atPositions(mask, index, 2));
    return h + mlp(post_attention_layernorm(h));
}

LlamaModelImpl::LlamaModelImpl(const TextConfig& config)
    : config_(config), rotary_(config.headDim, config.ropeTheta) {
    embed_tokens = register_module("embed_tokens", nn::Embedding(config.vocabSize, config.hiddenSize));
    layers = register_module("layers", nn::ModuleList());
    for (int64_t i = 0; i < config.numLayers; ++i) layers->push_back(LlamaDecoderLayer(config));
    norm = register_module("norm", RmsNorm(config.hiddenSize, config.rmsNormEps));
}

torch::Tensor LlamaModelImpl::forward(const torch::Tensor& embeddings, const torch::Tensor& positions,
                                      const torch::Tensor& keyMask, KvCache* cache) {
    const int64_t tokens = embeddings.size(1);
    const int64_t past = cache ? cache->length() : 0;
    const auto dtype = embeddings.scalar_type();
    const auto mask = causalMask(keyMask, past, tokens, dtype);
    const auto [cos, sin] = rotary_.tables(positions, dtype);
    auto h = embeddings;
    for (size_t i = 0; i < layers->size(); ++i)
        h = layers->ptr<LlamaDecoderLayerImpl>(i)->forward(h, cos, sin, mask, cache, i);
    if (cache) cache->advance(tokens);
    return norm(h);
}

torch::Tensor LlamaModelImpl::forwardAt(const torch::Tensor& embeddings, const torch::Tensor& positions,
                                        const torch::Tensor& keyMask, const torch::Tensor& index) {
    const int64_t tokens = embeddings.size(1);
    const auto dtype = embeddings.scalar_type();
    if (layers->size() == 0) return norm(atPositions(embeddings, index, 1));
    const auto mask = causalMask(keyMask, 0, tokens, dtype);
    const auto [cos, sin] = rotary_.tables(positions, dtype);
    auto h = embeddings;
    const size_t last = layers->size() - 1;
    for (size_t i = 0; i < last; ++i) h = layers->ptr<LlamaDecoderLayerImpl>(i)->forward(h, cos, sin, mask, nullptr, i);
    return norm(layers->ptr<LlamaDecoderLayerImpl>(last)->forwardAt(h, index, cos, sin, mask));
}

KvCache LlamaModelImpl::makeCache(int64_t batch, int64_t capacity, torch::TensorOptions options) const {
    return KvCache(config_.numLayers, batch, config_.numKeyValueHeads, capacity, config_.headDim, options);
}

}  // namespace vitask::model
