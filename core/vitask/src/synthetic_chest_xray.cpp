// Synthetic frontal chest X-ray: a thorax whose lungs are dark (air) and whose heart,
// spine and soft tissue are bright (dense), with the findings as added densities.
#include "synthetic_modalities.h"

#include <cmath>

namespace vitask::recipe::synthetic {

void drawChestXray(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    const double severity = rng.uniform();
    // Patient position and build vary: a shift, a scale and a slight rotation.
    const double dx = rng.normal(0, 0.02), dy = rng.normal(0, 0.02);
    const double scale = rng.uniform(0.92, 1.08);
    const double tilt = rng.normal(0, 0.04);
    const auto at = [&](double x, double y) { return std::array<double, 2>{0.5 + dx + (x - 0.5) * scale, 0.5 + dy + (y - 0.5) * scale}; };

    canvas.fill({rng.uniform(0.03, 0.08), 0, 0});
    const auto centre = at(0.5, 0.55);
    canvas.add({centre[0], centre[1], 0.42 * scale, 0.46 * scale, tilt, {}}, {rng.uniform(0.40, 0.48), 0, 0}, 3);

    // Lungs: darker fields either side of the mediastinum.
    Blob lungs[2];
    for (int side = 0; side < 2; ++side) {
        const auto c = at(side ? 0.67 : 0.33, 0.49);
        lungs[side] = {c[0], c[1], rng.uniform(0.12, 0.145) * scale, rng.uniform(0.27, 0.31) * scale,
                       tilt + (side ? -0.08 : 0.08), {}};
        lungs[side].roughen(rng, 0.02, 2);
        canvas.add(lungs[side], {-rng.uniform(0.22, 0.28), 0, 0}, 2);
    }
    // Spine and mediastinum.
    const auto spine = at(0.5, 0.5);
    canvas.add({spine[0], spine[1], 0.045 * scale, 0.42 * scale, tilt, {}}, {0.10, 0, 0}, 2);
    // Ribs: faint oblique arcs over the lungs.
    for (int side = 0; side < 2; ++side)
        for (int r = 0; r < 5; ++r) {
            const double y = lungs[side].cy - 0.22 * scale + r * 0.1 * scale;
            const double outer = side ? lungs[side].cx + lungs[side].rx : lungs[side].cx - lungs[side].rx;
            canvas.line(outer, y, lungs[side].cx + (side ? -0.08 : 0.08), y + 0.06, 0.02, {0.3, 0, 0}, 0.12);
        }
    // Heart: its width relative to the thorax is what cardiomegaly changes.
    double heartWidth = rng.uniform(0.14, 0.165);
    if (label == 3) heartWidth *= 1.0 + 0.2 + 0.5 * severity;
    const auto heart = at(0.54, 0.64);
    canvas.add({heart[0], heart[1], heartWidth * scale, 0.11 * scale, tilt - 0.15, {}}, {rng.uniform(0.34, 0.38), 0, 0}, 2);

    if (label == 1) {  // nodule: a small round density somewhere in either lung
        const Blob& lung = lungs[rng.below(2)];
        const double a = rng.uniform(0, 2 * M_PI), r = std::sqrt(rng.uniform()) * 0.7;
        const double radius = rng.uniform(0.045, 0.065);
        canvas.add({lung.cx + r * lung.rx * std::cos(a), lung.cy + r * lung.ry * std::sin(a), radius, radius, 0, {}},
                   {0.15 + 0.25 * severity, 0, 0}, 1.5);
    } else if (label == 2) {  // effusion: fluid fills one lung's base and blunts its angle
        const Blob& lung = lungs[rng.below(2)];
        const double height = (0.2 + 0.5 * severity) * lung.ry;
        canvas.add({lung.cx, lung.cy + lung.ry, lung.rx * 1.15, height, lung.angle, {}}, {0.16 + 0.12 * severity, 0, 0}, 3);
    }

    // Exposure varies; quantum noise is smoothed slightly, then film grain added.
    for (int k = 0; k < 3; ++k)
        canvas.addGaussian(rng.uniform(), rng.uniform(), rng.uniform(0.1, 0.25), {rng.normal(0, 0.03), 0, 0});
    canvas.addNoise(rng, 0.025);
    canvas.blur();
    canvas.addNoise(rng, 0.015);
}

}  // namespace vitask::recipe::synthetic
