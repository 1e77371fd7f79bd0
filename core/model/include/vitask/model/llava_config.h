#pragma once
// Architecture of a LLaVA-1.5 style model (CLIP vision tower, MLP projector, Llama
// language model), read from a Hugging Face `config.json`.
//
// Accepts both layouts found in the wild: published llava-hf checkpoints (transformers 4,
// `text_config.rope_theta`, many keys omitted) and transformers 5 (`text_config.
// rope_parameters.rope_theta`). Omitted keys take the defaults of transformers'
// LlavaConfig / CLIPVisionConfig / LlamaConfig, so a published config loads as
// transformers would load it.

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace vitask::model {

struct VisionConfig {                 // CLIPVisionConfig defaults
    int64_t hiddenSize = 768;
    int64_t intermediateSize = 3072;
    int64_t numLayers = 12;           // num_hidden_layers
    int64_t numHeads = 12;            // num_attention_heads
    int64_t numChannels = 3;
    int64_t imageSize = 224;
    int64_t patchSize = 32;
    double layerNormEps = 1e-5;
    std::string hiddenAct = "quick_gelu";   // "quick_gelu" | "gelu" | "gelu_pytorch_tanh"

    int64_t numPatches() const { return (imageSize / patchSize) * (imageSize / patchSize); }
    int64_t headDim() const { return hiddenSize / numHeads; }
};

struct TextConfig {                   // LlamaConfig defaults
    int64_t vocabSize = 32000;
    int64_t hiddenSize = 4096;
    int64_t intermediateSize = 11008;
    int64_t numLayers = 32;           // num_hidden_layers
    int64_t numHeads = 32;            // num_attention_heads
    int64_t numKeyValueHeads = 32;    // num_key_value_heads (defaults to numHeads)
    int64_t headDim = 128;            // head_dim (defaults to hiddenSize / numHeads)
    int64_t maxPositionEmbeddings = 2048;
    double rmsNormEps = 1e-6;
    double ropeTheta = 10000.0;
    std::string hiddenAct = "silu";
    bool attentionBias = false;
    bool mlpBias = false;
    bool tieWordEmbeddings = false;
    int64_t bosTokenId = 1;
    int64_t eosTokenId = 2;
    std::optional<int64_t> padTokenId;
};

struct LlavaConfig {                  // LlavaConfig defaults
    VisionConfig vision;
    TextConfig text;
    int64_t imageTokenId = 32000;             // image_token_index (or image_token_id)
    int64_t imageSeqLength = 576;             // image_seq_length
    int64_t visionFeatureLayer = -2;          // index into the CLIP hidden states
    std::string visionFeatureSelectStrategy = "default";  // "default" drops CLS, or "full"
    std::string projectorHiddenAct = "gelu";
    bool projectorBias = true;                // multimodal_projector_bias
    bool tieWordEmbeddings = false;

    // Parses a config.json object. `source` names the file in error messages.
    // Throws vitask::Error naming the key for a wrong type, an unsupported
    // value (e.g. a rope_scaling type, an activation) or an inconsistent shape
    // (hidden size not divisible by the heads, ...).
    static LlavaConfig fromJson(const nlohmann::json& json, const std::string& source);
    static LlavaConfig load(const std::filesystem::path& configJson);

    // The transformers 5 layout; fromJson(toJson()) reproduces this config exactly.
    nlohmann::json toJson() const;
};

}  // namespace vitask::model
