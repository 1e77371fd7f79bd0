#include "vitask/model/clip_vision.h"

#include "vitask/common/error.h"

#include <cmath>

namespace vitask::model {
namespace nn = torch::nn;

ClipAttentionImpl::ClipAttentionImpl(const VisionConfig& config)
    : numHeads_(config.numHeads), headDim_(config.headDim()) {
    const int64_t d = config.hiddenSize;
    q_proj = register_module("q_proj", nn::Linear(d, d));
    k_proj = register_module("k_proj", nn::Linear(d, d));
    v_proj = register_module("v_proj", nn::Linear(d, d));
    out_proj = register_module("out_proj", nn::Linear(d, d));
}

torch::Tensor ClipAttentionImpl::forward(const torch::Tensor& x) {
    const int64_t b = x.size(0), t = x.size(1);
    auto heads = [&](const torch::Tensor& y) {
        return y.view({b, t, numHeads_, headDim_}).transpose(1, 2);  // [B, H, T, hd]
    };
    const auto q = heads(q_proj(x)), k = heads(k_proj(x)), v = heads(v_proj(x));
    const double scale = 1.0 / std::sqrt(static_cast<double>(headDim_));
    const auto weights = torch::softmax(torch::matmul(q, k.transpose(-1, -2)) * scale, -1,
                                        torch::kFloat32).to(q.scalar_type());
    const auto out = torch::matmul(weights, v).transpose(1, 2).reshape({b, t, -1});
    return out_proj(out);
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const VisionConfig& config)
    : activation_(parseActivation(config.hiddenAct, "vision_config.hidden_act")) {
    const int64_t d = config.hiddenSize;
    const auto norm = nn::LayerNormOptions({d}).eps(config.layerNormEps);
    layer_norm1 = register_module("layer_norm1", nn::LayerNorm(norm));
    self_attn = register_module("self_attn", ClipAttention(config));
    layer_norm2 = register_module("layer_norm2", nn::LayerNorm(norm));
    // transformers nests fc1/fc2 under "mlp"; a named child module keeps the names equal.
    auto mlp = register_module("mlp", std::make_shared<nn::Module>());
    fc1 = mlp->register_module("fc1", nn::Linear(d, config.intermediateSize));
    fc2 = mlp->register_module("fc2", nn::Linear(config.intermediateSize, d));
}

torch::Tensor ClipEncoderLayerImpl::forward(const torch::Tensor& x) {
    auto h = x + self_attn(layer_norm1(x));
    return h + fc2(applyActivation(activation_, fc1(layer_norm2(h))));
}

ClipVisionTowerImpl::ClipVisionTowerImpl(const VisionConfig& config) : config_(config) {
    const int64_t d = config.hiddenSize;
    auto embeddingsModule = register_module("embeddings", std::make_shared<nn::Module>());
    patch_embedding = embeddingsModule->register_module(
        "patch_embedding", nn::Conv2d(nn::Conv2dOptions(config.numChannels, d, config.patchSize)
                                          .stride(config.patchSize)
                                          .bias(false)));
    position_embedding = embeddingsModule->register_module(
        "position_embedding", nn::Embedding(config.numPatches() + 1, d));
    class_embedding = embeddingsModule->register_parameter("class_embedding", torch::randn({d}));

    const auto norm = nn::LayerNormOptions({d}).eps(config.layerNormEps);
    pre_layrnorm = register_module("pre_layrnorm", nn::LayerNorm(norm));
    auto encoder = register_module("encoder", std::make_shared<nn::Module>());
    layers = encoder->register_module("layers", nn::ModuleList());
    for (int64_t i = 0; i < config.numLayers; ++i) layers->push_back(ClipEncoderLayer(config));
    post_layernorm = register_module("post_layernorm", nn::LayerNorm(norm));
}

torch::Tensor ClipVisionTowerImpl::positionEmbeddings(int64_t gridHeight, int64_t gridWidth) {
    const auto& table = position_embedding->weight;  // [1 + n*n, D]
    const int64_t side = config_.imageSize / config_.patchSize;
    if (gridHeight == side && gridWidth == side) return table;
    // Another input size: resample the patch grid of position embeddings, as
    // transformers' interpolate_pos_encoding does; the CLS position is kept.
    const int64_t d = table.size(1);
    auto grid = table.slice(0, 1).reshape({1, side, side, d}).permute({0, 3, 1, 2});
    grid = nn::functional::interpolate(
        grid.to(torch::kFloat32),
        nn::functional::InterpolateFuncOptions()
            .size(std::vector<int64_t>{gridHeight, gridWidth})
            .mode(torch::kBicubic)
            .align_corners(false)).to(table.scalar_type());
    return torch::cat({table.slice(0, 0, 1), grid.permute({0, 2, 3, 1}).reshape({-1, d})});
}

torch::Tensor ClipVisionTowerImpl::embed(const torch::Tensor& pixels) {
    if (pixels.dim() != 4 || pixels.size(1) != config_.numChannels)
        throw Error("pixel tensor has shape " + c10::str(pixels.sizes()) + ", expected [batch, " +
                        std::to_string(config_.numChannels) + ", height, width]",
                    "vision tower input");
    if (pixels.size(2) % config_.patchSize || pixels.size(3) % config_.patchSize)
        throw Error("image size " + std::to_string(pixels.size(2)) + "x" + std::to_string(pixels.size(3)) +
                        " is not a multiple of the patch size " + std::to_string(config_.patchSize),
                    "vision tower input", "Resize the image to a multiple of the patch size.");
    const auto weight = patch_embedding->weight;
    auto patches = patch_embedding(pixels.to(weight.scalar_type()));  // [B, D, gh, gw]
    const int64_t gh = patches.size(2), gw = patches.size(3);
    patches = patches.flatten(2).transpose(1, 2);                     // [B, gh*gw, D]
    const auto cls = class_embedding.to(patches.scalar_type()).expand({patches.size(0), 1, -1});
    return torch::cat({cls, patches}, 1) + positionEmbeddings(gh, gw).unsqueeze(0);
}

torch::Tensor ClipVisionTowerImpl::hiddenState(const torch::Tensor& pixels, int64_t layer) {
    const int64_t count = static_cast<int64_t>(layers->size());
    const int64_t index = layer < 0 ? count + 1 + layer : layer;  // hidden states: count + 1
    if (index < 0 || index > count)
        throw Error("layer " + std::to_string(layer) + " does not exist in a vision tower with " +
                        std::to_string(count) + " layers",
                    "vision_feature_layer");
    auto h = pre_layrnorm(embed(pixels));
    for (int64_t i = 0; i < index; ++i) h = layers->ptr<ClipEncoderLayerImpl>(i)->forward(h);
    return h;
}

torch::Tensor ClipVisionTowerImpl::pooled(const torch::Tensor& pixels) {
    return post_layernorm(hiddenState(pixels, -1).select(1, 0));
}

}  // namespace vitask::model
