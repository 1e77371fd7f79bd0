#pragma once
// Loading and saving LLaVA weights under the names Hugging Face checkpoints use.
//
// Three naming schemes are in circulation and all load: published llava-hf checkpoints
// (`vision_tower.vision_model.*`, `language_model.model.*`, `language_model.lm_head.*`),
// transformers 5 (`model.vision_tower.*`, `model.language_model.*`, `lm_head.*`), and
// a flat variant (`vision_tower.embeddings.*`). We save the published scheme, which
// every transformers version reads.

#include "vitask/model/llava_model.h"
#include "vitask/model/safetensors.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace vitask::model {

// Our parameter name for a checkpoint tensor name ("" for tensors the model does not
// use, such as CLIP's position_ids buffer).
std::string parameterNameFor(const std::string& checkpointName);

// The published checkpoint name of one of our parameter (or module) names.
std::string checkpointNameFor(const std::string& parameterName);

// Copies every parameter from the checkpoint (converting dtype). Throws vitask::Error
// naming the tensor for a missing tensor or a shape mismatch (expected and found).
// Tensors the model does not use are logged at debug level.
void loadLlavaWeights(LlavaModelImpl& model, const SafetensorsReader& checkpoint);

// Parameters under the published checkpoint names.
std::vector<std::pair<std::string, torch::Tensor>> llavaWeightsForSaving(LlavaModelImpl& model);

// Writes config.json and model.safetensors (published names, the parameters' dtype)
// into `directory` (created), each atomically. LoRA adapters are not included: merge them
// first, or save them with saveLoraAdapter.
void saveLlava(LlavaModelImpl& model, const std::filesystem::path& directory);

// config.json + safetensors from a Hugging Face model folder, on `device` in `dtype`.
LlavaModel loadLlava(const std::filesystem::path& directory, torch::Device device = torch::kCPU,
                     torch::ScalarType dtype = torch::kFloat32);

}  // namespace vitask::model
