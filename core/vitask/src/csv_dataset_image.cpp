#include "csv_dataset_image.h"

#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/preprocessor.h"

#include <algorithm>
#include <cmath>

namespace vitask::recipe {

ManifestImage readManifestImage(const std::filesystem::path& file, int size, int channels) {
    const imaging::Volume volume = imaging::ImageLoader::load(file);
    imaging::PreprocessOptions options;  // middle slice, the file's window (else min/max), [0, 1]
    options.outputWidth = size;
    options.outputHeight = size;
    options.fit = imaging::PreprocessOptions::Fit::Pad;
    options.interpolation = imaging::PreprocessOptions::Interpolation::Area;  // shrinking: average, no aliasing
    options.channels = channels;
    const imaging::PreprocessedImage image = imaging::Preprocessor(options).run(volume);

    // CHW floats in [0, 1] -> HWC bytes, as MedMNIST stores them.
    ManifestImage out;
    out.colour = volume.isColour();
    const size_t plane = static_cast<size_t>(size) * size;
    out.pixels.resize(plane * channels);
    for (size_t p = 0; p < plane; ++p)
        for (int c = 0; c < channels; ++c) {
            const float v = std::min(1.0f, std::max(0.0f, image.values[c * plane + p]));
            out.pixels[p * channels + c] = static_cast<uint8_t>(std::lround(v * 255.0f));
        }
    return out;
}

}  // namespace vitask::recipe
