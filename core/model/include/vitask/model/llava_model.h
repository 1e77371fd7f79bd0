#pragma once
// LLaVA-1.5 (transformers' LlavaForConditionalGeneration): CLIP vision tower ->
// multi-modal projector -> Llama with an output head. Image tokens in the prompt are
// replaced by projected image features; further placeholder tokens (the VITask exemplar
// prompt) can be replaced by caller-provided embeddings the same way.

#include "vitask/model/clip_vision.h"
#include "vitask/model/kv_cache.h"
#include "vitask/model/llama.h"
#include "vitask/model/llava_config.h"
#include "vitask/model/mlp_projector.h"

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace vitask::model {

// Rows of embeddings that replace, in order, every occurrence of a placeholder token id.
struct EmbeddingSubstitution {
    int64_t tokenId;
    torch::Tensor rows;  // [count, D] or [N, k, D] (flattened to N*k rows)
};

class LlavaModelImpl : public torch::nn::Module {
public:
    explicit LlavaModelImpl(const LlavaConfig& config);

    // CLIP hidden state at vision_feature_layer, CLS dropped for the "default" strategy:
    // [N, imageTokens, visionWidth].
    torch::Tensor imageFeatures(const torch::Tensor& pixels);
    // imageFeatures through the projector: [N, imageTokens, textWidth].
    torch::Tensor encodeImages(const torch::Tensor& pixels);

    // Token embeddings of ids [B, T] with every substitution applied. Throws
    // vitask::Error when the number of placeholders differs from the rows given.
    torch::Tensor embedInputs(const torch::Tensor& ids,
                              const std::vector<EmbeddingSubstitution>& substitutions);

    // One pass of the language model (see LlamaModel::forward); returns hidden states.
    torch::Tensor decode(const torch::Tensor& embeddings, const torch::Tensor& positions,
                         const torch::Tensor& keyMask, KvCache* cache);
    // The hidden states at `index` [B, W] only, without cache (LlamaModel::forwardAt).
    torch::Tensor decodeAt(const torch::Tensor& embeddings, const torch::Tensor& positions,
                           const torch::Tensor& keyMask, const torch::Tensor& index);
    // Output head: lm_head, or the token embedding matrix when the config ties them.
    torch::Tensor logits(const torch::Tensor& hidden);

    // The whole model without cache, as transformers' forward: ids [B, T], pixels
    // [N, C, H, W] for the N image-token groups in order (undefined for text only),
    // attention mask [B, T] (undefined: all ones). Returns logits [B, T, vocab].
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& pixels,
                          const torch::Tensor& attentionMask = {});

    const LlavaConfig& config() const { return config_; }

    ClipVisionTower vision_tower{nullptr};
    MlpProjector multi_modal_projector{nullptr};
    LlamaModel language_model{nullptr};
    torch::nn::Linear lm_head{nullptr};  // null when tied to the token embeddings

private:
    LlavaConfig config_;
};
TORCH_MODULE(LlavaModel);

// Positions for left-padded rows: position = index among the row's real tokens
// (transformers' cumsum(mask) - 1), padding at 1. mask [B, T] -> [B, T] long.
torch::Tensor positionsFromMask(const torch::Tensor& attentionMask);

}  // namespace vitask::model
