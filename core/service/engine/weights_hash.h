#pragma once
// The content hash that names a model's or a TSM's weights (ModelInfo::weightsHash).

#include <filesystem>
#include <string>
#include <vector>

namespace vitask::service::detail {

// "sha256:<hex>" of `files` (see ModelInfo); empty for no file. Throws vitask::Error
// naming a file that cannot be read.
std::string weightsHash(std::vector<std::filesystem::path> files);

// A model folder's weights: its *.safetensors files (the checkpoint or its shards, and a
// VITask model's exemplar connector).
std::vector<std::filesystem::path> modelWeightFiles(const std::filesystem::path& folder);

// A TSM's weights: the ONNX file or checkpoint its manifest names ("onnx", or "weights"
// for a built-in TSM), or the plug-in library itself.
std::vector<std::filesystem::path> tsmWeightFiles(const std::filesystem::path& source);

}  // namespace vitask::service::detail
