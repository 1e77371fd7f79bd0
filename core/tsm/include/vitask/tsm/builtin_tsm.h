#pragma once
// A built-in TSM: a LibTorch ResNet or ViT (builtin_network.h) with its labels and input
// spec, stored as a checkpoint folder: <name>.safetensors (weights and BatchNorm
// statistics) plus the manifest <name>.tsm.json with "kind": "builtin" (architecture,
// labels, input, label groups; docs/architecture.md). The registry lists such manifests like
// ONNX ones.
//
// Label groups: a TSM trained on several datasets has one head over all their classes;
// each dataset's classes form a group, and probabilities are a softmax within each group
// (a sigmoid per label for a multi-label group), as the masked-softmax training sees them.
// With one group (the usual case) that is the plain softmax over all classes.

#include "vitask/tsm/builtin_architecture.h"
#include "vitask/tsm/builtin_network.h"
#include "vitask/tsm/tsm.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace vitask::tsm {

struct LabelGroup {
    std::string dataset;   // e.g. "bloodmnist"
    int64_t offset = 0;    // first logit of the group
    int64_t count = 0;     // logits in the group
    bool multiLabel = false;
};

struct BuiltinTsmSpec {
    std::string name;
    std::string version = "1.0";
    std::string description;
    BuiltinArchitecture architecture;
    InputSpec input;                  // size, channels and normalisation the network was trained with
    std::vector<std::string> labels;  // in logit order, unique
    std::vector<LabelGroup> groups;   // cover the labels in order; empty: one group over all
};

class BuiltinTsm final : public Tsm {
public:
    static constexpr const char* kKind = "builtin";

    // A freshly initialised network (seed it with torch::manual_seed for reproducibility).
    // Throws vitask::Error for an inconsistent spec (groups that do not cover the labels, ...).
    static std::unique_ptr<BuiltinTsm> create(BuiltinTsmSpec spec, torch::Device device = torch::kCPU);
    // Reads the manifest and its weights; throws vitask::Error naming the file and field
    // (or tensor) at fault.
    static std::unique_ptr<BuiltinTsm> load(const std::filesystem::path& manifest, torch::Device device = torch::kCPU);
    // Writes <folder>/<name>.safetensors, then <folder>/<name>.tsm.json, each atomically
    // (the manifest last, so a listed manifest always has its weights). Returns the manifest.
    std::filesystem::path save(const std::filesystem::path& folder) const;

    const TsmInfo& info() const override { return info_; }
    torch::Device device() const override { return device_; }
    // Evaluation mode (BatchNorm statistics), no gradients.
    TsmOutput predict(const torch::Tensor& images) override;
    // Grad-CAM on the last conv block for the ResNet; occlusion for the ViT.
    torch::Tensor saliency(const torch::Tensor& image, int64_t classIndex) override;
    const char* saliencyMethod() const override;

    const BuiltinTsmSpec& spec() const { return spec_; }
    // The group holding `dataset`'s classes, or nullptr.
    const LabelGroup* group(const std::string& dataset) const;
    // Logits -> probabilities group by group (softmax, or sigmoid for multi-label groups).
    torch::Tensor activate(const torch::Tensor& logits) const;
    // For training: the network itself (train()/eval() mode is the caller's).
    BuiltinNetwork& network() { return *network_; }

private:
    BuiltinTsm(BuiltinTsmSpec spec, torch::Device device);
    void probe();

    BuiltinTsmSpec spec_;
    TsmInfo info_;
    torch::Device device_;
    std::shared_ptr<BuiltinNetwork> network_;
};

}  // namespace vitask::tsm
