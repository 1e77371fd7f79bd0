#include "vitask/model/lora.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/common/json_file.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/safetensors.h"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>

namespace vitask::model {
namespace {

constexpr const char* kConfigFile = "adapter_config.json";
constexpr const char* kWeightsFile = "adapter_model.safetensors";
constexpr const char* kKeyPrefix = "base_model.model.";

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Every LoraLinear of the model by our module name.
std::vector<std::pair<std::string, LoraLinearImpl*>> loraLayers(torch::nn::Module& model) {
    std::vector<std::pair<std::string, LoraLinearImpl*>> layers;
    for (const auto& item : model.named_modules("", /*include_self=*/false))
        if (auto* layer = dynamic_cast<LoraLinearImpl*>(item.value().get())) layers.emplace_back(item.key(), layer);
    return layers;
}

// A module path in any naming scheme (llava_weights.h) -> the published scheme.
std::string publishedModuleName(const std::string& modulePath) {
    const std::string suffix = ".weight";
    const auto weight = checkpointNameFor(parameterNameFor(modulePath + suffix));
    return weight.substr(0, weight.size() - suffix.size());
}

bool matches(const LoraConfig& config, const std::string& publishedName) {
    if (!config.targetRegex.empty()) return std::regex_match(publishedName, std::regex(config.targetRegex));
    for (const auto& target : config.targetModules)
        if (publishedName == target || endsWith(publishedName, "." + target)) return true;
    return false;
}

}  // namespace

nlohmann::json LoraConfig::toPeftJson() const {
    nlohmann::json json = {{"peft_type", "LORA"},
                           {"task_type", "CAUSAL_LM"},
                           {"r", shape.rank},
                           {"lora_alpha", shape.alpha},
                           {"lora_dropout", shape.dropout},
                           {"use_rslora", shape.rsLora},
                           {"bias", "none"},
                           {"fan_in_fan_out", false},
                           {"inference_mode", true},
                           {"init_lora_weights", true},
                           {"modules_to_save", nullptr},
                           {"base_model_name_or_path", baseModel}};
    if (targetRegex.empty())
        json["target_modules"] = targetModules;
    else
        json["target_modules"] = targetRegex;
    return json;
}

LoraConfig LoraConfig::fromPeftJson(const nlohmann::json& json, const std::string& source) {
    auto fail = [&](const std::string& key, const std::string& problem, const std::string& remedy = {}) {
        return Error(problem, source + ": " + key, remedy);
    };
    if (json.value("peft_type", std::string("LORA")) != "LORA")
        throw fail("peft_type", "adapter type '" + json["peft_type"].get<std::string>() + "' is not supported",
                   "Only LoRA adapters are supported.");
    LoraConfig config;
    try {
        config.shape.rank = json.at("r").get<int64_t>();
        config.shape.alpha = json.value("lora_alpha", 8.0);  // peft's default alpha
        config.shape.dropout = json.value("lora_dropout", 0.0);
        config.shape.rsLora = json.value("use_rslora", false);
        config.baseModel = json.value("base_model_name_or_path", std::string());
        const auto& targets = json.at("target_modules");
        if (targets.is_string())
            config.targetRegex = targets.get<std::string>();
        else
            config.targetModules = targets.get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("invalid adapter configuration: ") + e.what(), source,
                    "Use an adapter_config.json written by peft.");
    }
    if (json.value("use_dora", false)) throw fail("use_dora", "DoRA adapters are not supported");
    if (json.value("fan_in_fan_out", false)) throw fail("fan_in_fan_out", "transposed (Conv1D) layers are not supported");
    if (json.value("bias", std::string("none")) != "none")
        throw fail("bias", "trained biases are not supported", "Save the adapter with bias='none'.");
    if (json.contains("modules_to_save") && !json["modules_to_save"].is_null() && !json["modules_to_save"].empty())
        throw fail("modules_to_save", "fully trained extra modules are not supported");
    for (const char* key : {"rank_pattern", "alpha_pattern"})
        if (json.contains(key) && !json[key].is_null() && !json[key].empty())
            throw fail(key, "per-layer ranks or alphas are not supported");
    if (config.shape.rank <= 0) throw fail("r", "the rank must be positive");
    return config;
}

size_t addLoraAdapters(torch::nn::Module& model, const LoraConfig& config) {
    size_t added = 0;
    for (auto& [name, layer] : loraLayers(model))
        if (matches(config, checkpointNameFor(name))) {
            layer->addAdapter(config.shape);
            ++added;
        }
    if (added == 0)
        throw Error("no layer matches the LoRA target modules", "target_modules",
                    "Name projections such as q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj.");
    return added;
}

void mergeLoraAdapters(torch::nn::Module& model) {
    for (auto& [name, layer] : loraLayers(model))
        if (layer->hasAdapter()) layer->merge();
}

void unmergeLoraAdapters(torch::nn::Module& model) {
    for (auto& [name, layer] : loraLayers(model))
        if (layer->hasAdapter()) layer->unmerge();
}

std::vector<torch::Tensor> loraParameters(torch::nn::Module& model) {
    std::vector<torch::Tensor> parameters;
    for (auto& [name, layer] : loraLayers(model))
        if (layer->hasAdapter()) {
            parameters.push_back(layer->lora_A->weight);
            parameters.push_back(layer->lora_B->weight);
        }
    return parameters;
}

void saveLoraAdapter(torch::nn::Module& model, const LoraConfig& config, const std::filesystem::path& directory) {
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (auto& [name, layer] : loraLayers(model)) {
        if (!layer->hasAdapter()) continue;
        const std::string key = kKeyPrefix + checkpointNameFor(name);
        tensors.emplace_back(key + ".lora_A.weight", layer->lora_A->weight.detach());
        tensors.emplace_back(key + ".lora_B.weight", layer->lora_B->weight.detach());
    }
    if (tensors.empty()) throw Error("the model has no LoRA adapter to save", directory.string());
    std::filesystem::create_directories(directory);
    writeSafetensors(directory / kWeightsFile, tensors, {{"format", "pt"}});
    writeTextFileAtomically(directory / kConfigFile, jsonText(config.toPeftJson(), 2) + "\n");
}

LoraConfig loadLoraAdapter(torch::nn::Module& model, const std::filesystem::path& directory) {
    const auto configPath = directory / kConfigFile;
    const auto json = readJsonFile(configPath, "the adapter configuration", "Point to a peft adapter folder.");
    const auto config = LoraConfig::fromPeftJson(json, configPath.string());
    addLoraAdapters(model, config);

    std::map<std::string, LoraLinearImpl*> byPublishedName;
    for (auto& [name, layer] : loraLayers(model))
        if (layer->hasAdapter()) byPublishedName[checkpointNameFor(name)] = layer;

    const auto weights = SafetensorsReader::open(directory / kWeightsFile);
    std::map<LoraLinearImpl*, int> filled;
    torch::NoGradGuard noGrad;
    for (const auto& key : weights.names()) {
        std::string name = key.rfind(kKeyPrefix, 0) == 0 ? key.substr(std::string(kKeyPrefix).size()) : key;
        name = std::regex_replace(name, std::regex(R"(\.default(\.weight)$)"), "$1");  // in-memory peft names
        const std::string suffixA = ".lora_A.weight", suffixB = ".lora_B.weight";
        const bool isA = endsWith(name, suffixA);
        if (!isA && !endsWith(name, suffixB))
            throw Error("unexpected tensor in a LoRA adapter", (directory / kWeightsFile).string() + ": " + key);
        const auto found = byPublishedName.find(publishedModuleName(name.substr(0, name.size() - suffixA.size())));
        if (found == byPublishedName.end())
            throw Error("the adapter has weights for a layer that target_modules does not select (or the model lacks)",
                        (directory / kWeightsFile).string() + ": " + key,
                        "Check that the adapter belongs to this base model.");
        auto& target = isA ? found->second->lora_A->weight : found->second->lora_B->weight;
        const auto tensor = weights.tensor(key);
        if (tensor.sizes() != target.sizes())
            throw Error("tensor has shape " + c10::str(tensor.sizes()) + ", expected " + c10::str(target.sizes()),
                        (directory / kWeightsFile).string() + ": " + key,
                        "Check the rank in adapter_config.json and the base model.");
        target.copy_(tensor);
        ++filled[found->second];
    }
    for (const auto& [published, layer] : byPublishedName)
        if (filled[layer] != 2)
            throw Error("the adapter lacks the A or B weights of layer " + published,
                        (directory / kWeightsFile).string());
    return config;
}

}  // namespace vitask::model
