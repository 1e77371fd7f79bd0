#include "vitask/model/llava_config.h"

#include "vitask/common/input_file.h"

#include "vitask/common/error.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <initializer_list>

namespace vitask::model {
namespace {

using json = nlohmann::json;

constexpr std::initializer_list<const char*> kVisionActivations = {"quick_gelu", "gelu",
                                                                   "gelu_pytorch_tanh"};
constexpr std::initializer_list<const char*> kTextActivations = {"silu"};
constexpr std::initializer_list<const char*> kProjectorActivations = {
    "gelu", "gelu_pytorch_tanh", "relu"};
constexpr const char* kFixConfig = "Fix the value in config.json.";

std::string joined(std::initializer_list<const char*> values) {
    std::string text;
    for (const char* value : values) text += (text.empty() ? "" : ", ") + std::string(value);
    return text;
}

// Reads the keys of one JSON object (the top level, text_config or vision_config) and
// names each key with its full path ("text_config.hidden_size") in errors. A key that is
// absent or null keeps the caller's default, as transformers treats None.
class Section {
public:
    Section(const json& object, std::string prefix, std::string source)
        : object_(object), prefix_(std::move(prefix)), source_(std::move(source)) {}

    std::string subject(const std::string& key) const {
        const std::string path = prefix_.empty() ? key : prefix_ + "." + key;
        return source_.empty() ? path : source_ + ": " + path;
    }

    [[noreturn]] void fail(const std::string& key, const std::string& problem,
                           const std::string& remedy = kFixConfig) const {
        throw Error(problem, subject(key), remedy);
    }

    const json* find(const std::string& key) const {
        const auto found = object_.find(key);
        return found == object_.end() || found->is_null() ? nullptr : &*found;
    }
    bool has(const std::string& key) const { return find(key) != nullptr; }

    void read(const std::string& key, int64_t& out) const {
        if (const json* value = find(key)) {
            if (!value->is_number_integer()) fail(key, "must be an integer, got " + value->dump());
            out = value->get<int64_t>();
        }
    }
    void read(const std::string& key, double& out) const {
        if (const json* value = find(key)) {
            if (!value->is_number()) fail(key, "must be a number, got " + value->dump());
            out = value->get<double>();
        }
    }
    void read(const std::string& key, bool& out) const {
        if (const json* value = find(key)) {
            if (!value->is_boolean()) fail(key, "must be true or false, got " + value->dump());
            out = value->get<bool>();
        }
    }
    void read(const std::string& key, std::string& out) const {
        if (const json* value = find(key)) {
            if (!value->is_string()) fail(key, "must be a string, got " + value->dump());
            out = value->get<std::string>();
        }
    }
    void read(const std::string& key, std::optional<int64_t>& out) const {
        if (has(key)) {
            int64_t id = 0;
            read(key, id);
            out = id;
        }
    }

    // A special token id that our generation needs as one integer: null or a list
    // (Llama 3 style multiple ids) would silently change behaviour, so they are refused.
    void readTokenId(const std::string& key, int64_t& out) const {
        const auto found = object_.find(key);
        if (found != object_.end() && !found->is_number_integer())
            fail(key, "must be a single integer token id, got " + found->dump());
        read(key, out);
    }

    // The section of a nested object, e.g. text_config.rope_parameters.
    Section child(const json& object, const std::string& key) const {
        return Section(object, prefix_.empty() ? key : prefix_ + "." + key, source_);
    }

    // A sub-object such as text_config; nullptr when absent or null.
    const json* object(const std::string& key) const {
        const json* value = find(key);
        if (value && !value->is_object()) fail(key, "must be a JSON object, got " + value->dump());
        return value;
    }

    void requirePositive(const std::string& key, int64_t value) const {
        if (value <= 0) fail(key, "must be positive, got " + std::to_string(value));
    }

    void requireOneOf(const std::string& key, const std::string& value,
                      std::initializer_list<const char*> allowed) const {
        for (const char* candidate : allowed)
            if (value == candidate) return;
        fail(key, "\"" + value + "\" is not supported",
             "Supported values: " + joined(allowed) + ".");
    }

    void requireModelType(const char* supported) const {
        std::string modelType = supported;
        read("model_type", modelType);
        if (modelType != supported)
            fail("model_type", "model type \"" + modelType + "\" is not supported",
                 std::string("Only \"") + supported +
                     "\" is supported (LLaVA-1.5: CLIP vision tower, MLP projector, Llama).");
    }

private:
    const json& object_;
    std::string prefix_;
    std::string source_;
};

// LlavaConfig(vision_config=None) builds CLIP ViT-L/14 at 336 px, not CLIPVisionConfig's
// own defaults (ViT-B/32 at 224 px).
VisionConfig llavaDefaultVision() {
    VisionConfig vision;
    vision.hiddenSize = 1024;
    vision.intermediateSize = 4096;
    vision.numLayers = 24;
    vision.numHeads = 16;
    vision.imageSize = 336;
    vision.patchSize = 14;
    return vision;
}

VisionConfig parseVision(const Section& section) {
    section.requireModelType("clip_vision_model");
    VisionConfig vision;  // CLIPVisionConfig defaults
    section.read("hidden_size", vision.hiddenSize);
    section.read("intermediate_size", vision.intermediateSize);
    section.read("num_hidden_layers", vision.numLayers);
    section.read("num_attention_heads", vision.numHeads);
    section.read("num_channels", vision.numChannels);
    section.read("image_size", vision.imageSize);
    section.read("patch_size", vision.patchSize);
    section.read("layer_norm_eps", vision.layerNormEps);
    section.read("hidden_act", vision.hiddenAct);
    return vision;
}

void validateVision(const VisionConfig& vision, const Section& section) {
    section.requirePositive("hidden_size", vision.hiddenSize);
    section.requirePositive("intermediate_size", vision.intermediateSize);
    section.requirePositive("num_hidden_layers", vision.numLayers);
    section.requirePositive("num_attention_heads", vision.numHeads);
    section.requirePositive("num_channels", vision.numChannels);
    section.requirePositive("image_size", vision.imageSize);
    section.requirePositive("patch_size", vision.patchSize);
    if (vision.hiddenSize % vision.numHeads != 0)
        section.fail("num_attention_heads",
                     "hidden_size " + std::to_string(vision.hiddenSize) +
                         " is not divisible by num_attention_heads " +
                         std::to_string(vision.numHeads));
    if (vision.imageSize % vision.patchSize != 0)
        section.fail("patch_size", "image_size " + std::to_string(vision.imageSize) +
                                       " is not divisible by patch_size " +
                                       std::to_string(vision.patchSize));
    section.requireOneOf("hidden_act", vision.hiddenAct, kVisionActivations);
}

// RoPE base frequency: transformers 5 nests it in rope_parameters, transformers 4 has
// rope_theta (often omitted) and rope_scaling. Only unscaled ("default") RoPE is built.
void readRope(const Section& section, TextConfig& text) {
    section.read("rope_theta", text.ropeTheta);
    for (const char* key : {"rope_parameters", "rope_scaling"}) {
        const json* rope = section.object(key);
        if (!rope) continue;
        const Section inner = section.child(*rope, key);
        std::string type = "default";
        inner.read("type", type);
        inner.read("rope_type", type);
        if (type != "default")
            section.fail(key, "RoPE type \"" + type + "\" is not supported",
                         "Only unscaled RoPE (\"default\") is supported; use a checkpoint "
                         "without rope scaling.");
        inner.read("rope_theta", text.ropeTheta);
    }
}

TextConfig parseText(const Section& section) {
    section.requireModelType("llama");
    TextConfig text;  // LlamaConfig defaults
    section.read("vocab_size", text.vocabSize);
    section.read("hidden_size", text.hiddenSize);
    section.read("intermediate_size", text.intermediateSize);
    section.read("num_hidden_layers", text.numLayers);
    section.read("num_attention_heads", text.numHeads);
    // Derived defaults, as in LlamaConfig.__post_init__.
    text.numKeyValueHeads = text.numHeads;
    section.read("num_key_value_heads", text.numKeyValueHeads);
    section.requirePositive("num_attention_heads", text.numHeads);
    text.headDim = text.hiddenSize / text.numHeads;
    section.read("head_dim", text.headDim);
    section.read("max_position_embeddings", text.maxPositionEmbeddings);
    section.read("rms_norm_eps", text.rmsNormEps);
    readRope(section, text);
    section.read("hidden_act", text.hiddenAct);
    section.read("attention_bias", text.attentionBias);
    section.read("mlp_bias", text.mlpBias);
    section.read("tie_word_embeddings", text.tieWordEmbeddings);
    section.readTokenId("bos_token_id", text.bosTokenId);
    section.readTokenId("eos_token_id", text.eosTokenId);
    section.read("pad_token_id", text.padTokenId);
    return text;
}

void validateText(const TextConfig& text, const Section& section) {
    section.requirePositive("vocab_size", text.vocabSize);
    section.requirePositive("hidden_size", text.hiddenSize);
    section.requirePositive("intermediate_size", text.intermediateSize);
    section.requirePositive("num_hidden_layers", text.numLayers);
    section.requirePositive("num_attention_heads", text.numHeads);
    section.requirePositive("num_key_value_heads", text.numKeyValueHeads);
    section.requirePositive("head_dim", text.headDim);
    section.requirePositive("max_position_embeddings", text.maxPositionEmbeddings);
    if (text.ropeTheta <= 0) section.fail("rope_theta", "must be positive");
    if (text.hiddenSize % text.numHeads != 0)
        section.fail("num_attention_heads", "hidden_size " + std::to_string(text.hiddenSize) +
                                                " is not divisible by num_attention_heads " +
                                                std::to_string(text.numHeads));
    if (text.numHeads % text.numKeyValueHeads != 0)
        section.fail("num_key_value_heads",
                     "num_attention_heads " + std::to_string(text.numHeads) +
                         " is not divisible by num_key_value_heads " +
                         std::to_string(text.numKeyValueHeads));
    section.requireOneOf("hidden_act", text.hiddenAct, kTextActivations);
    for (const auto& [key, id] : {std::pair{"bos_token_id", text.bosTokenId},
                                  std::pair{"eos_token_id", text.eosTokenId}})
        if (id < 0 || id >= text.vocabSize)
            section.fail(key, "token id " + std::to_string(id) + " is outside the vocabulary of " +
                                  std::to_string(text.vocabSize));
}

void readVisionFeatureLayer(const Section& section, LlavaConfig& config) {
    const json* layer = section.find("vision_feature_layer");
    if (layer && layer->is_array())
        section.fail("vision_feature_layer",
                     "features from several vision layers are not supported yet",
                     "Use a checkpoint that takes features from a single layer.");
    section.read("vision_feature_layer", config.visionFeatureLayer);
}

void validateLlava(const LlavaConfig& config, const Section& section) {
    const int64_t states = config.vision.numLayers + 1;  // embeddings + one per layer
    if (config.visionFeatureLayer < -states || config.visionFeatureLayer >= states)
        section.fail("vision_feature_layer",
                     "layer " + std::to_string(config.visionFeatureLayer) +
                         " does not exist in a vision tower with " +
                         std::to_string(config.vision.numLayers) + " layers");
    section.requireOneOf("vision_feature_select_strategy", config.visionFeatureSelectStrategy,
                         {"default", "full"});
    section.requireOneOf("projector_hidden_act", config.projectorHiddenAct,
                         kProjectorActivations);
    // No upper bound: transformers' own defaults put <image> (32000) just past the
    // 32000-token vocabulary; its embedding is never looked up, image features replace it.
    if (config.imageTokenId < 0)
        section.fail("image_token_index",
                     "token id " + std::to_string(config.imageTokenId) + " is negative");
}

// The number of <image> tokens is fixed by the vision tower: one per patch, plus the CLS
// token when the "full" strategy keeps it. A stated image_seq_length must agree.
int64_t resolveImageSeqLength(const LlavaConfig& config, const Section& section) {
    const int64_t derived = config.vision.numPatches() +
                            (config.visionFeatureSelectStrategy == "full" ? 1 : 0);
    int64_t stated = derived;
    section.read("image_seq_length", stated);
    if (stated != derived)
        section.fail("image_seq_length",
                     std::to_string(stated) + " disagrees with the " + std::to_string(derived) +
                         " image features the vision tower produces");
    return derived;
}

}  // namespace

LlavaConfig LlavaConfig::fromJson(const nlohmann::json& json, const std::string& source) {
    if (!json.is_object()) throw Error("config is not a JSON object", source, kFixConfig);
    const Section top(json, "", source);
    top.requireModelType("llava");

    LlavaConfig config;
    const nlohmann::json* visionJson = top.object("vision_config");
    const nlohmann::json empty = nlohmann::json::object();
    const Section vision = top.child(visionJson ? *visionJson : empty, "vision_config");
    config.vision = visionJson ? parseVision(vision) : llavaDefaultVision();
    validateVision(config.vision, vision);

    const nlohmann::json* textJson = top.object("text_config");
    const Section text = top.child(textJson ? *textJson : empty, "text_config");
    if (textJson) config.text = parseText(text);
    validateText(config.text, text);

    // image_token_id is the attribute name transformers maps onto image_token_index.
    top.read("image_token_id", config.imageTokenId);
    top.read("image_token_index", config.imageTokenId);
    readVisionFeatureLayer(top, config);
    top.read("vision_feature_select_strategy", config.visionFeatureSelectStrategy);
    top.read("projector_hidden_act", config.projectorHiddenAct);
    top.read("multimodal_projector_bias", config.projectorBias);
    top.read("tie_word_embeddings", config.tieWordEmbeddings);
    // As LlavaConfig does: older checkpoints record tying only in text_config.
    config.tieWordEmbeddings = config.tieWordEmbeddings || config.text.tieWordEmbeddings;
    validateLlava(config, top);
    config.imageSeqLength = resolveImageSeqLength(config, top);
    return config;
}

LlavaConfig LlavaConfig::load(const std::filesystem::path& configJson) {
    const std::string file = configJson.string();
    std::ifstream stream = openInputFile(configJson, "the model config");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(stream);
    } catch (const nlohmann::json::exception& e) {  // syntax, and numbers like 1e805 (out_of_range)
        throw Error(std::string("config is not valid JSON (") + e.what() + ")", file, kFixConfig);
    }
    return fromJson(json, file);
}

nlohmann::json LlavaConfig::toJson() const {
    nlohmann::json visionJson = {
        {"model_type", "clip_vision_model"},
        {"hidden_size", vision.hiddenSize},
        {"intermediate_size", vision.intermediateSize},
        {"num_hidden_layers", vision.numLayers},
        {"num_attention_heads", vision.numHeads},
        {"num_channels", vision.numChannels},
        {"image_size", vision.imageSize},
        {"patch_size", vision.patchSize},
        {"layer_norm_eps", vision.layerNormEps},
        {"hidden_act", vision.hiddenAct},
    };
    nlohmann::json textJson = {
        {"model_type", "llama"},
        {"vocab_size", text.vocabSize},
        {"hidden_size", text.hiddenSize},
        {"intermediate_size", text.intermediateSize},
        {"num_hidden_layers", text.numLayers},
        {"num_attention_heads", text.numHeads},
        {"num_key_value_heads", text.numKeyValueHeads},
        {"head_dim", text.headDim},
        {"max_position_embeddings", text.maxPositionEmbeddings},
        {"rms_norm_eps", text.rmsNormEps},
        {"rope_parameters", {{"rope_type", "default"}, {"rope_theta", text.ropeTheta}}},
        {"hidden_act", text.hiddenAct},
        {"attention_bias", text.attentionBias},
        {"mlp_bias", text.mlpBias},
        {"tie_word_embeddings", text.tieWordEmbeddings},
        {"bos_token_id", text.bosTokenId},
        {"eos_token_id", text.eosTokenId},
        {"pad_token_id", text.padTokenId ? nlohmann::json(*text.padTokenId) : nlohmann::json()},
    };
    return {
        {"architectures", nlohmann::json::array({"LlavaForConditionalGeneration"})},
        {"model_type", "llava"},
        {"image_token_index", imageTokenId},
        {"image_seq_length", imageSeqLength},
        {"vision_feature_layer", visionFeatureLayer},
        {"vision_feature_select_strategy", visionFeatureSelectStrategy},
        {"projector_hidden_act", projectorHiddenAct},
        {"multimodal_projector_bias", projectorBias},
        {"tie_word_embeddings", tieWordEmbeddings},
        {"vision_config", visionJson},
        {"text_config", textJson},
    };
}

}  // namespace vitask::model
