#include "vitask/ui/viewer/colour_map.h"

#include "vitask/common/turbo_colour_map.h"

#include <algorithm>
#include <cmath>

namespace vitask::ui {

QRgb turboColour(double value) {
    const auto rgb = vitask::turboColour(value);
    return qRgb(rgb[0], rgb[1], rgb[2]);
}

QImage heatmapImage(int width, int height, const std::vector<float>& values) {
    if (width <= 0 || height <= 0 || values.size() != std::size_t(width) * std::size_t(height)) {
        return {};
    }
    // Low saliency leaves the anatomy untouched: transparent below kHeatmapFloor, fading in
    // up to kHeatmapOpaqueFrom, so a map that is low almost everywhere does not tint the
    // whole image (a radiologist must still read the film under it).
    constexpr double kHeatmapFloor = 0.2, kHeatmapOpaqueFrom = 0.5;
    QImage image(width, height, QImage::Format_ARGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* in = values.data() + std::size_t(y) * std::size_t(width);
        for (int x = 0; x < width; ++x) {
            const double v = std::isfinite(in[x]) ? double(in[x]) : 0.0;
            const double alpha = std::clamp((v - kHeatmapFloor) / (kHeatmapOpaqueFrom - kHeatmapFloor), 0.0, 1.0);
            const QRgb colour = turboColour(v);
            line[x] = qRgba(qRed(colour), qGreen(colour), qBlue(colour), int(std::lround(alpha * 255.0)));
        }
    }
    return image;
}

}  // namespace vitask::ui
