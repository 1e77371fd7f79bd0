#include "image_input.h"

#include "vitask/common/error.h"

#ifdef VITASK_WITH_IMAGING
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/preprocessor.h"
#else
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#include <stb/stb_image.h>
#endif

namespace vitask::cli {

#ifdef VITASK_WITH_IMAGING
torch::Tensor readImageForModel(const std::filesystem::path& path) {
    const auto volume = imaging::ImageLoader::load(path);
    imaging::PreprocessOptions options;  // window to [0, 1], no normalisation
    options.outputWidth = static_cast<int>(volume.dims[0]);
    options.outputHeight = static_cast<int>(volume.dims[1]);
    options.fit = imaging::PreprocessOptions::Fit::Stretch;
    options.usePixelSpacing = false;
    auto image = imaging::Preprocessor(options).run(volume);
    const auto& s = image.shape;
    return torch::from_blob(image.values.data(),
                            {static_cast<int64_t>(s[0]), static_cast<int64_t>(s[1]), static_cast<int64_t>(s[2])},
                            torch::kFloat32)
        .clone();
}
#else
torch::Tensor readImageForModel(const std::filesystem::path& path) {
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 3);
    if (!pixels)
        throw Error(std::string("cannot decode the image: ") + stbi_failure_reason(), path.string(),
                    "This build reads PNG, JPEG and BMP; build with VITASK_IMAGING=ON for DICOM and NIfTI.");
    const auto image = torch::from_blob(pixels, {height, width, 3}, torch::kUInt8)
                           .permute({2, 0, 1})
                           .to(torch::kFloat32)
                           .div(255.0);  // a new tensor: the stb buffer can go
    stbi_image_free(pixels);
    return image;
}
#endif

}  // namespace vitask::cli
