#include "vitask/ui/viewer/colour_map.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace vitask::ui {
namespace {

// Anton Mikhailov's polynomial fit of Turbo (Google AI blog, 2019, Apache 2.0): close to
// the published 256-entry table without carrying it.
QRgb turboPolynomial(double x) {
    const double x2 = x * x, x3 = x2 * x, x4 = x3 * x, x5 = x4 * x;
    const double r = 0.13572138 + 4.61539260 * x - 42.66032258 * x2 + 132.13108234 * x3 -
                     152.94239396 * x4 + 59.28637943 * x5;
    const double g = 0.09140261 + 2.19418839 * x + 4.84296658 * x2 - 14.18503333 * x3 +
                     4.27729857 * x4 + 2.82956604 * x5;
    const double b = 0.10667330 + 12.64194608 * x - 60.58204836 * x2 + 110.36276771 * x3 -
                     89.90310912 * x4 + 27.34824973 * x5;
    auto byte = [](double v) { return int(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
    return qRgb(byte(r), byte(g), byte(b));
}

// 256 entries: heatmaps are redrawn on every opacity change, so no polynomials per pixel.
const std::array<QRgb, 256>& table() {
    static const std::array<QRgb, 256> colours = [] {
        std::array<QRgb, 256> t{};
        for (int i = 0; i < 256; ++i) t[std::size_t(i)] = turboPolynomial(i / 255.0);
        return t;
    }();
    return colours;
}

}  // namespace

QRgb turboColour(double value) {
    if (!(value > 0.0)) value = 0.0;  // also NaN
    if (value > 1.0) value = 1.0;
    return table()[std::size_t(std::lround(value * 255.0))];
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
