#pragma once
// LoRA adapters on a model's LoraLinear layers, saved and loaded in peft's layout
// (`adapter_config.json` + `adapter_model.safetensors` with keys
// `base_model.model.<module>.lora_A.weight`), so adapters move between this tool and
// Python (peft / transformers) in both directions.

#include "vitask/model/lora_linear.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace vitask::model {

struct LoraConfig {
    LoraShape shape;
    // peft's target_modules as a list: a layer matches when its module name equals an
    // entry or ends with "." + entry. Default: every projection of the language model.
    std::vector<std::string> targetModules{"q_proj", "k_proj", "v_proj", "o_proj",
                                           "gate_proj", "up_proj", "down_proj"};
    // peft's target_modules as a string: a regular expression the whole module name
    // (published checkpoint naming) must match. Used instead of the list when set.
    std::string targetRegex;
    std::string baseModel;  // base_model_name_or_path, informational

    nlohmann::json toPeftJson() const;
    // Throws vitask::Error naming the key for options we do not implement (DoRA,
    // fan_in_fan_out, bias training, modules_to_save, per-layer rank patterns).
    static LoraConfig fromPeftJson(const nlohmann::json& json, const std::string& source);
};

// Adds an adapter to every matching LoraLinear in `model` and returns how many; throws
// vitask::Error when nothing matches.
size_t addLoraAdapters(torch::nn::Module& model, const LoraConfig& config);
void mergeLoraAdapters(torch::nn::Module& model);
void unmergeLoraAdapters(torch::nn::Module& model);
// The trainable adapter parameters (A and B of every adapter).
std::vector<torch::Tensor> loraParameters(torch::nn::Module& model);

// Writes adapter_config.json and adapter_model.safetensors into `directory` (created).
void saveLoraAdapter(torch::nn::Module& model, const LoraConfig& config, const std::filesystem::path& directory);
// Adds the adapters described in `directory` to `model` and loads their weights.
// Throws vitask::Error naming the key for a missing, unexpected or mis-shaped tensor.
LoraConfig loadLoraAdapter(torch::nn::Module& model, const std::filesystem::path& directory);

}  // namespace vitask::model
