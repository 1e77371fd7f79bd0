#include "vitask/model/llava_weights.h"
#include "vitask/common/json_file.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <map>
#include <set>

namespace vitask::model {
namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

std::string replacePrefix(const std::string& s, const std::string& from, const std::string& to) {
    return startsWith(s, from) ? to + s.substr(from.size()) : s;
}

std::string shapeText(c10::IntArrayRef shape) { return c10::str(shape); }

// Where the weights were read from, for messages: the file, or the folder of the shards.
std::string checkpointFiles(const SafetensorsReader& checkpoint) {
    std::set<std::filesystem::path> files;
    for (const auto& name : checkpoint.names()) files.insert(checkpoint.entry(name).file);
    if (files.empty()) return "model weights";
    if (files.size() == 1) return files.begin()->string();
    return files.begin()->parent_path().string() + " (" + std::to_string(files.size()) + " safetensors shards)";
}

}  // namespace

std::string parameterNameFor(const std::string& checkpointName) {
    std::string name = checkpointName;
    for (const char* part : {"vision_tower.", "multi_modal_projector.", "language_model.", "lm_head."})
        if (startsWith(name, std::string("model.") + part)) name = name.substr(6);
    name = replacePrefix(name, "vision_tower.vision_model.", "vision_tower.");
    name = replacePrefix(name, "language_model.model.", "language_model.");
    name = replacePrefix(name, "language_model.lm_head.", "lm_head.");
    if (name.find("position_ids") != std::string::npos) return "";  // a buffer, not a weight
    return name;
}

void loadLlavaWeights(LlavaModelImpl& model, const SafetensorsReader& checkpoint) {
    std::map<std::string, std::string> sourceOf;  // our name -> checkpoint name
    for (const auto& name : checkpoint.names()) {
        const auto ours = parameterNameFor(name);
        if (!ours.empty()) sourceOf[ours] = name;
    }

    torch::NoGradGuard noGrad;
    size_t loaded = 0;
    for (auto& item : model.named_parameters(/*recurse=*/true)) {
        if (item.key().find(".lora_") != std::string::npos) continue;  // adapters load apart (lora.h)
        const auto found = sourceOf.find(item.key());
        if (found == sourceOf.end())
            throw Error("tensor '" + checkpointNameFor(item.key()) + "' (shape " + shapeText(item.value().sizes()) +
                            ") is missing from the checkpoint",
                        checkpointFiles(checkpoint),
                        "Check that config.json matches the weights (same model size and layout).");
        const auto tensor = checkpoint.tensor(found->second);
        if (tensor.sizes() != item.value().sizes())
            throw Error("tensor has shape " + shapeText(tensor.sizes()) + ", expected " +
                            shapeText(item.value().sizes()) + " from config.json",
                        checkpoint.entry(found->second).file.string() + ": " + found->second,
                        "Check that config.json belongs to these weights.");
        item.value().copy_(tensor);
        sourceOf.erase(found);
        ++loaded;
    }
    for (const auto& [ours, name] : sourceOf) spdlog::debug("checkpoint tensor not used: {}", name);
    spdlog::info("loaded {} weight tensors", loaded);
}

std::string checkpointNameFor(const std::string& parameterName) {
    std::string name = replacePrefix(parameterName, "vision_tower.", "vision_tower.vision_model.");
    name = replacePrefix(name, "language_model.", "language_model.model.");
    return replacePrefix(name, "lm_head.", "language_model.lm_head.");
}

std::vector<std::pair<std::string, torch::Tensor>> llavaWeightsForSaving(LlavaModelImpl& model) {
    std::vector<std::pair<std::string, torch::Tensor>> weights;
    for (const auto& item : model.named_parameters(/*recurse=*/true))
        if (item.key().find(".lora_") == std::string::npos)  // adapters are saved apart (lora.h)
            weights.emplace_back(checkpointNameFor(item.key()), item.value().detach());
    return weights;
}

void saveLlava(LlavaModelImpl& model, const std::filesystem::path& directory) {
    std::filesystem::create_directories(directory);
    writeSafetensors(directory / "model.safetensors", llavaWeightsForSaving(model), {{"format", "pt"}});
    writeTextFileAtomically(directory / "config.json", jsonText(model.config().toJson(), 2) + "\n");
}

LlavaModel loadLlava(const std::filesystem::path& directory, torch::Device device, torch::ScalarType dtype) {
    const auto config = LlavaConfig::load(directory / "config.json");
    LlavaModel model(config);
    model->to(dtype);
    loadLlavaWeights(*model, SafetensorsReader::open(directory));
    model->to(device);
    model->eval();
    return model;
}

}  // namespace vitask::model
