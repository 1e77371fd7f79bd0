#pragma once
// What the registry knows about one TSM, in plain types: the studio lists TSMs, their
// labels and why a broken one cannot load without including LibTorch.

#include "vitask/tsm/input_spec.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::tsm {

enum class TsmStatus {
    Ready,   // loaded and answered a probe batch with the shapes its metadata promises
    Broken,  // could not be used; `error` says why and what to do
};

struct TsmInfo {
    std::string name;         // unique within a registry; how users select it
    std::string version;
    std::string description;
    std::string kind;         // backend: "onnx" (manifest), "builtin" (LibTorch checkpoint) or "plugin"
    std::vector<std::string> labels;  // class names, in logit order
    InputSpec input;
    int64_t featureWidth = 0;         // width of the pooled feature vector (0: unknown)
    bool multiLabel = false;          // sigmoid per class instead of a softmax over classes
    std::filesystem::path source;     // the manifest, or the plug-in library
    TsmStatus status = TsmStatus::Broken;
    std::string error;                // why it is Broken (empty when Ready)

    bool ready() const { return status == TsmStatus::Ready; }
};

}  // namespace vitask::tsm
