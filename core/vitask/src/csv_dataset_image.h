#pragma once
// One image of a CSV manifest, decoded by core/imaging and brought to the dataset's size
// (imaging builds only: compiled with VITASK_RECIPE_WITH_IMAGING).

#include <cstdint>
#include <filesystem>
#include <vector>

namespace vitask::recipe {

struct ManifestImage {
    std::vector<uint8_t> pixels;  // size x size x channels, interleaved
    bool colour = false;          // the file holds colour (RGB) data
};

// channels 1 or 3; grey files are repeated to RGB, colour ones converted to grey (BT.601).
// Throws vitask::Error naming the file when it cannot be decoded.
ManifestImage readManifestImage(const std::filesystem::path& file, int size, int channels);

}  // namespace vitask::recipe
