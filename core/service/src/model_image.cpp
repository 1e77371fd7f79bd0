#include "vitask/service/model_image.h"

#include "vitask/common/error.h"

#ifdef VITASK_SERVICE_WITH_IMAGING
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/preprocessor.h"
#else
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#include <stb/stb_image.h>
#endif

namespace vitask::service {

#ifdef VITASK_SERVICE_WITH_IMAGING
ModelImage modelImageFromVolume(const imaging::Volume& volume, std::size_t slice, std::size_t timePoint) {
    if (slice >= volume.dims[2] || timePoint >= volume.dims[3])
        throw Error("slice " + std::to_string(slice) + " / time point " + std::to_string(timePoint) +
                        " is outside the image (" + std::to_string(volume.dims[2]) + " slices, " +
                        std::to_string(volume.dims[3]) + " time points)",
                    volume.source, "Choose a slice shown in the viewer.");
    imaging::PreprocessOptions options;  // the slice's default window to [0, 1], no normalisation
    options.slice = static_cast<int>(slice);
    options.timePoint = static_cast<int>(timePoint);
    options.outputWidth = static_cast<int>(volume.dims[0]);
    options.outputHeight = static_cast<int>(volume.dims[1]);
    options.fit = imaging::PreprocessOptions::Fit::Stretch;
    options.usePixelSpacing = false;
    auto image = imaging::Preprocessor(options).run(volume);
    return {static_cast<int>(image.shape[0]), static_cast<int>(image.shape[1]), static_cast<int>(image.shape[2]),
            std::move(image.values)};
}

ModelImage modelImageFromFile(const std::filesystem::path& file) {
    const auto volume = imaging::ImageLoader::load(file);
    return modelImageFromVolume(volume, volume.dims[2] / 2);
}
#else
ModelImage modelImageFromVolume(const imaging::Volume&, std::size_t, std::size_t) {
    throw Error("this build has no imaging module", "image", "Build with VITASK_IMAGING=ON to read DICOM and NIfTI.");
}

ModelImage modelImageFromFile(const std::filesystem::path& file) {
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(file.c_str(), &width, &height, &channels, 3);
    if (!pixels)
        throw Error(std::string("cannot decode the image: ") + stbi_failure_reason(), file.string(),
                    "This build reads PNG, JPEG and BMP; build with VITASK_IMAGING=ON for DICOM and NIfTI.");
    ModelImage image{3, height, width, std::vector<float>(static_cast<std::size_t>(3) * width * height)};
    const std::size_t plane = static_cast<std::size_t>(width) * height;
    for (std::size_t i = 0; i < plane; ++i)
        for (std::size_t c = 0; c < 3; ++c) image.values[c * plane + i] = pixels[i * 3 + c] / 255.0f;
    stbi_image_free(pixels);
    return image;
}
#endif

}  // namespace vitask::service
