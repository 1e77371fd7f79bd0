// keyImagePng: stb_image_write, so that core encodes PNGs without imaging's OpenCV.
#include "vitask/report/document_report.h"

// STB_IMAGE_WRITE_STATIC keeps every stb function local to this file: another library in
// the process may carry its own copy of stb_image_write (a different version) without a
// symbol clash. This is the only file of vitask_report that implements it.
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace vitask::report {

std::vector<uint8_t> keyImagePng(const KeyImage& image) {
    std::vector<uint8_t> png;
    if (image.empty()) return png;
    auto append = [](void* context, void* data, int size) {
        auto* out = static_cast<std::vector<uint8_t>*>(context);
        const auto* bytes = static_cast<const uint8_t*>(data);
        out->insert(out->end(), bytes, bytes + size);
    };
    if (!stbi_write_png_to_func(append, &png, image.width, image.height, 3, image.rgb.data(), image.width * 3))
        png.clear();  // stb fails only when out of memory
    return png;
}

}  // namespace vitask::report
