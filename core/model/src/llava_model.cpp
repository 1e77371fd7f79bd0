#include "vitask/model/llava_model.h"

#include "vitask/common/error.h"

#include "linear_product.h"

namespace vitask::model {

LlavaModelImpl::LlavaModelImpl(const LlavaConfig& config) : config_(config) {
    vision_tower = register_module("vision_tower", ClipVisionTower(config.vision));
    multi_modal_projector = register_module(
        "multi_modal_projector",
        MlpProjector(config.vision.hiddenSize, config.text.hiddenSize,
                     parseActivation(config.projectorHiddenAct, "projector_hidden_act"),
                     config.projectorBias));
    language_model = register_module("language_model", LlamaModel(config.text));
    if (!config.tieWordEmbeddings && !config.text.tieWordEmbeddings)
        lm_head = register_module("lm_head", torch::nn::Linear(torch::nn::LinearOptions(
                                                 config.text.hiddenSize, config.text.vocabSize).bias(false)));
}

torch::Tensor LlavaModelImpl::logits(const torch::Tensor& hidden) {
    // The output head is the largest product of a decoding step (vocab x width): one row
    // goes through a matrix-vector product (see linearForDecode).
    return linearForDecode(hidden, lm_head ? lm_head->weight : language_model->embed_tokens->weight);
}

torch::Tensor LlavaModelImpl::imageFeatures(const torch::Tensor& pixels) {
    auto features = vision_tower->hiddenState(pixels, config_.visionFeatureLayer);
    if (config_.visionFeatureSelectStrategy == "default") features = features.slice(1, 1);
    return features;
}

torch::Tensor LlavaModelImpl::encodeImages(const torch::Tensor& pixels) {
    return multi_modal_projector(imageFeatures(pixels));
}

torch::Tensor LlavaModelImpl::embedInputs(const torch::Tensor& ids,
                                          const std::vector<EmbeddingSubstitution>& substitutions) {
    auto safeIds = ids;
    for (const auto& s : substitutions) safeIds = safeIds.masked_fill(ids == s.tokenId, 0);
    auto embeddings = language_model->embed_tokens(safeIds);
    const int64_t width = embeddings.size(-1);
    for (const auto& s : substitutions) {
        const auto where = (ids == s.tokenId);
        const int64_t slots = where.sum().item<int64_t>();
        const auto rows = s.rows.reshape({-1, width});
        if (slots != rows.size(0))
            throw Error("the prompt has " + std::to_string(slots) + " placeholder tokens (id " +
                            std::to_string(s.tokenId) + ") but " + std::to_string(rows.size(0)) +
                            " embeddings were given",
                        "model input",
                        "Build the prompt with one placeholder per image/exemplar token "
                        "(image_seq_length tokens per image).");
        if (slots == 0) continue;
        embeddings = embeddings.masked_scatter(where.unsqueeze(-1).expand_as(embeddings),
                                               rows.to(embeddings.dtype()));
    }
    return embeddings;
}

torch::Tensor LlavaModelImpl::decode(const torch::Tensor& embeddings, const torch::Tensor& positions,
                                     const torch::Tensor& keyMask, KvCache* cache) {
    return language_model->forward(embeddings, positions, keyMask, cache);
}

torch::Tensor LlavaModelImpl::decodeAt(const torch::Tensor& embeddings, const torch::Tensor& positions,
                                       const torch::Tensor& keyMask, const torch::Tensor& index) {
    return language_model->forwardAt(embeddings, positions, keyMask, index);
}

torch::Tensor LlavaModelImpl::forward(const torch::Tensor& ids, const torch::Tensor& pixels,
                                      const torch::Tensor& attentionMask) {
    std::vector<EmbeddingSubstitution> substitutions;
    if (pixels.defined()) substitutions.push_back({config_.imageTokenId, encodeImages(pixels)});
    const auto embeddings = embedInputs(ids, substitutions);
    const auto mask = attentionMask.defined() ? attentionMask.to(torch::kBool)
                                              : torch::ones_like(ids, torch::kBool);
    return logits(decode(embeddings, positionsFromMask(mask), mask, nullptr));
}

torch::Tensor positionsFromMask(const torch::Tensor& attentionMask) {
    const auto mask = attentionMask.to(torch::kLong);
    return (mask.cumsum(1) - 1).masked_fill(mask == 0, 1);
}

}  // namespace vitask::model
