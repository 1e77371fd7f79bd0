#pragma once
// The manifest of a built-in TSM (<name>.tsm.json with "kind": "builtin"; docs/architecture.md):
// BuiltinTsmSpec to JSON and back, every field checked with errors naming file and field.

#include "vitask/tsm/builtin_tsm.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace vitask::tsm {

// The "kind" of a TSM manifest: "builtin", or "onnx" when the field is absent. Never throws
// (an unreadable file is "onnx", whose reader then reports what is wrong).
std::string manifestKind(const std::filesystem::path& manifest);

nlohmann::json builtinManifestJson(const BuiltinTsmSpec& spec, const std::string& weightsFile);

struct BuiltinManifest {
    BuiltinTsmSpec spec;
    std::filesystem::path weights;  // resolved against the manifest's folder
};
BuiltinManifest readBuiltinManifest(const std::filesystem::path& manifest);

}  // namespace vitask::tsm
