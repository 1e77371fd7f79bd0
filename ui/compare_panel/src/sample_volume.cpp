#include "vitask/ui/compare_panel/sample_volume.h"

namespace vitask::ui {

std::shared_ptr<const imaging::Volume> sampleVolume(const service::ModelImage& image) {
    imaging::Volume v;
    v.dims = {std::size_t(image.width), std::size_t(image.height), 1, 1};
    v.components = image.channels == 3 ? 3 : 1;
    v.photometric = v.components == 3 ? "RGB" : "MONOCHROME2";
    v.source = "dataset sample";
    const std::size_t plane = std::size_t(image.width) * std::size_t(image.height);
    v.voxels.resize(plane * v.components);
    for (std::size_t i = 0; i < plane; ++i)
        for (std::size_t c = 0; c < v.components; ++c) v.voxels[i * v.components + c] = image.values[c * plane + i] * 255.0f;
    v.windows.emplace_back(127.5, 256.0, "8-bit");
    v.valueRange = std::array<float, 2>{0.0f, 255.0f};  // the viewer's default window needs no pass over the voxels
    return std::make_shared<const imaging::Volume>(std::move(v));
}

}  // namespace vitask::ui
