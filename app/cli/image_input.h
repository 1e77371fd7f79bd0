#pragma once
// An image file given on the command line as model pixels: float [C, H, W] in [0, 1] at
// the file's own resolution, read as the studio reads it (service::modelImageFromFile).

#include <torch/torch.h>

#include <filesystem>

namespace vitask::cli {

torch::Tensor readImageForModel(const std::filesystem::path& path);

}  // namespace vitask::cli
