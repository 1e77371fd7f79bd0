#pragma once
// Turns an image file given on the command line into model pixels: float [C, H, W] in
// [0, 1] at the file's own resolution. With imaging built in, anything core/imaging
// opens (DICOM, NIfTI, PNG, JPEG; the middle slice, the file's window); without it
// (GPU-server builds), PNG/JPEG/BMP through stb_image.

#include <torch/torch.h>

#include <filesystem>

namespace vitask::cli {

torch::Tensor readImageForModel(const std::filesystem::path& path);

}  // namespace vitask::cli
