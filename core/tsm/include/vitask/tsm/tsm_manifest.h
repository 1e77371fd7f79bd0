#pragma once
// The JSON manifest that describes an ONNX TSM, stored beside the model as
// `<name>.tsm.json` (format: docs/formats.md, "TSM manifests"). Reading checks every
// field's presence and type and reports the first problem as a vitask::Error naming the
// manifest file and the field; whether the model agrees with it is checked on loading.

#include "vitask/tsm/input_spec.h"

#include <filesystem>
#include <string>
#include <vector>

namespace vitask::tsm {

struct TsmManifest {
    static constexpr int kFormatVersion = 1;
    static constexpr const char* kSuffix = ".tsm.json";

    std::filesystem::path path;      // the manifest file itself
    int formatVersion = kFormatVersion;
    std::string name;
    std::string version;
    std::string description;
    std::filesystem::path onnx;      // resolved against the manifest's folder
    std::string inputName;           // input.name
    InputSpec input;                 // input.size [H, W], input.channels, input.mean, input.std
    std::string logitsOutput;        // outputs.logits
    std::string featuresOutput;      // outputs.features
    std::string patchFeaturesOutput; // outputs.patch_features (optional)
    std::vector<std::string> labels;
    bool multiLabel = false;         // activation: "softmax" (default) or "sigmoid"

    static TsmManifest read(const std::filesystem::path& path);

    // "<path>: <field>", the subject of errors about one field.
    std::string subject(const std::string& field) const;
};

}  // namespace vitask::tsm
