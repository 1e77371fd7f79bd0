#include "vitask/common/turbo_colour_map.h"

#include <algorithm>
#include <cmath>

namespace vitask {
namespace {

std::array<uint8_t, 3> turboPolynomial(double x) {
    const double x2 = x * x, x3 = x2 * x, x4 = x3 * x, x5 = x4 * x;
    const double r = 0.13572138 + 4.61539260 * x - 42.66032258 * x2 + 132.13108234 * x3 -
                     152.94239396 * x4 + 59.28637943 * x5;
    const double g = 0.09140261 + 2.19418839 * x + 4.84296658 * x2 - 14.18503333 * x3 +
                     4.27729857 * x4 + 2.82956604 * x5;
    const double b = 0.10667330 + 12.64194608 * x - 60.58204836 * x2 + 110.36276771 * x3 -
                     89.90310912 * x4 + 27.34824973 * x5;
    auto byte = [](double v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
    return {byte(r), byte(g), byte(b)};
}

// 256 entries: heatmaps are redrawn on every opacity change, so no polynomials per pixel.
const std::array<std::array<uint8_t, 3>, 256>& table() {
    static const auto colours = [] {
        std::array<std::array<uint8_t, 3>, 256> t{};
        for (int i = 0; i < 256; ++i) t[std::size_t(i)] = turboPolynomial(i / 255.0);
        return t;
    }();
    return colours;
}

}  // namespace

std::array<uint8_t, 3> turboColour(double value) {
    if (!(value > 0.0)) value = 0.0;  // also NaN
    if (value > 1.0) value = 1.0;
    return table()[std::size_t(std::lround(value * 255.0))];
}

}  // namespace vitask
