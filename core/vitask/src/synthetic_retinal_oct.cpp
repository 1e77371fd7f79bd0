// Synthetic retinal OCT B-scan: the retina as a band of layers (bright nerve fibre layer
// on top, dark nuclear layers, the bright RPE at the bottom) with the foveal pit in the
// middle, under heavy speckle. Drusen lift the RPE in bumps, fluid is a dark pocket in
// the outer retina, thinning makes the whole band narrower.
#include "synthetic_modalities.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace vitask::recipe::synthetic {
namespace {

// Reflectivity at relative depth d (0 = inner surface, 1 = RPE bottom), linear between
// the layer boundaries so that thin layers blur instead of aliasing.
double layerProfile(double d) {
    static const double depth[] = {0.0, 0.1, 0.14, 0.34, 0.38, 0.46, 0.52, 0.78, 0.82, 0.86, 0.88, 1.0};
    static const double value[] = {0.75, 0.7, 0.45, 0.42, 0.22, 0.22, 0.5, 0.18, 0.2, 0.75, 0.9, 0.9};
    if (d <= 0) return 0;
    for (size_t i = 1; i < std::size(depth); ++i)
        if (d <= depth[i]) return value[i - 1] + (value[i] - value[i - 1]) * (d - depth[i - 1]) / (depth[i] - depth[i - 1]);
    return 0;
}

struct Bump {
    double x, width, height;
};

}  // namespace

void drawRetinalOct(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    const double severity = rng.uniform();
    const double top = rng.uniform(0.22, 0.32);
    const double curvature = rng.uniform(-0.1, 0.25);
    const double tilt = rng.normal(0, 0.08);
    const double pitX = 0.5 + rng.normal(0, 0.05), pitDepth = rng.uniform(0.04, 0.08);
    double thickness = rng.uniform(0.34, 0.40);
    if (label == 3) thickness *= 1.0 - (0.18 + 0.33 * severity);

    std::vector<Bump> drusen;
    if (label == 1) {
        const int count = 1 + static_cast<int>(rng.below(3));
        for (int k = 0; k < count; ++k)
            drusen.push_back({rng.uniform(0.2, 0.8), rng.uniform(0.03, 0.06), (0.045 + 0.08 * severity)});
    }
    const double background = rng.uniform(0.04, 0.08);
    for (int y = 0; y < canvas.size(); ++y)
        for (int x = 0; x < canvas.size(); ++x) {
            const double u = canvas.coord(x), v = canvas.coord(y);
            const double pit = pitDepth * std::exp(-(u - pitX) * (u - pitX) / (2 * 0.07 * 0.07));
            const double surface = top + curvature * (u - 0.5) * (u - 0.5) + tilt * (u - 0.5) + pit;
            double lift = 0;
            for (const auto& b : drusen) lift += b.height * std::exp(-(u - b.x) * (u - b.x) / (2 * b.width * b.width));
            const double bottom = surface + thickness - pit - lift;  // the pit thins the inner retina only
            double value = background;
            if (v >= surface && v <= bottom) {
                value = layerProfile((v - surface) / (bottom - surface));
            } else if (v > bottom && v <= bottom + lift) {
                value = 0.3;  // druse material under the lifted RPE, less reflective than the RPE
            } else if (v > bottom + lift) {
                value = std::max(background, 0.4 * std::exp(-(v - bottom - lift) / 0.06));  // choroid
            }
            canvas.at(x, y) = static_cast<float>(value);
        }
    if (label == 2) {  // a dark fluid pocket in the outer retina
        const double u = rng.uniform(0.3, 0.7);
        const double surface = top + curvature * (u - 0.5) * (u - 0.5) + tilt * (u - 0.5);
        const double rx = 0.06 + 0.1 * severity, ry = 0.04 + 0.05 * severity;
        canvas.paint({u, surface + thickness * 0.62, rx, ry, rng.normal(0, 0.1), {}}, {0.04, 0, 0},
                     0.6 + 0.4 * severity, 1.5);
    }
    canvas.blur();
    canvas.multiplyNoise(rng, 0.25);
    canvas.addNoise(rng, 0.03);
}

}  // namespace vitask::recipe::synthetic
