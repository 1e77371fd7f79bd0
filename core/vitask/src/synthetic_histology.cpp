// Synthetic H&E histology patch: pink (eosin) tissue with purple (haematoxylin) nuclei.
// Every patch starts as stroma — wavy fibres, sparse spindle nuclei — and the tissue type
// replaces part of it: dense small round lymphocytes, large irregular tumour nuclei on a
// purplish cytoplasm, or the empty white vacuoles of fat cells. Stain strength differs
// from slide to slide.
#include "synthetic_modalities.h"

#include <cmath>

namespace vitask::recipe::synthetic {
namespace {

Colour mix(const Colour& a, const Colour& b, double t) {
    return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}

}  // namespace

void drawHistology(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    const double severity = rng.uniform();
    // Slide-to-slide stain variation: how strong eosin and haematoxylin took.
    const double eosin = rng.uniform(0.7, 1.2), haematoxylin = rng.uniform(0.75, 1.2);
    const Colour white = {0.96, 0.94, 0.96};
    const Colour pink = mix(white, {0.88, 0.5, 0.68}, 0.55 * eosin);
    const Colour fibre = mix(white, {0.82, 0.4, 0.6}, 0.8 * eosin);
    const Colour nucleus = mix(white, {0.3, 0.18, 0.5}, std::min(1.0, 0.85 * haematoxylin));
    canvas.fill(pink);

    // Stroma: fibres along a common direction, spindle nuclei along them.
    const double direction = rng.uniform(0, M_PI);
    const double cx = std::cos(direction), cy = std::sin(direction);
    for (int k = 0; k < 7; ++k) {
        const double x = rng.uniform(), y = rng.uniform();
        canvas.line(x - 0.6 * cx, y - 0.6 * cy, x + 0.6 * cx, y + 0.6 * cy, rng.uniform(0.015, 0.03), fibre, 0.6);
    }
    const int spindles = 4 + static_cast<int>(rng.below(9));
    for (int k = 0; k < spindles; ++k)
        canvas.paint({rng.uniform(), rng.uniform(), rng.uniform(0.03, 0.045), rng.uniform(0.01, 0.015), direction, {}},
                     nucleus, 0.8);

    // The share of the patch the tissue type takes grows with the severity.
    const double share = 0.2 + 0.8 * severity;
    if (label == 1) {  // lymphocytes: many small, round, dark nuclei
        const int count = static_cast<int>(36 * share);
        for (int k = 0; k < count; ++k) {
            const double r = rng.uniform(0.018, 0.026);
            canvas.paint({rng.uniform(), rng.uniform(), r, r, 0, {}}, mix(nucleus, {0.15, 0.08, 0.3}, 0.3), 0.9);
        }
    } else if (label == 2) {  // tumour: purplish cytoplasm, large pleomorphic nuclei with nucleoli
        canvas.addGaussian(rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7), 0.3 * share, {-0.08, -0.02, -0.0});
        const int count = static_cast<int>(12 * share);
        for (int k = 0; k < count; ++k) {
            Blob n{rng.uniform(), rng.uniform(), rng.uniform(0.04, 0.065), rng.uniform(0.035, 0.055),
                   rng.uniform(0, M_PI), {}};
            n.roughen(rng, 0.12, 3);
            canvas.paint(n, mix(nucleus, white, 0.2), 0.85);
            canvas.paint({n.cx, n.cy, 0.012, 0.012, 0, {}}, {0.2, 0.1, 0.3}, 0.8);
        }
    } else if (label == 3) {  // adipose: empty vacuoles separated by thin membranes
        const int count = static_cast<int>(7 * share);
        for (int k = 0; k < count; ++k) {
            Blob cell{rng.uniform(), rng.uniform(), rng.uniform(0.07, 0.12), rng.uniform(0.07, 0.12), rng.uniform(0, M_PI), {}};
            cell.roughen(rng, 0.06, 2);
            canvas.paint(cell, white, 0.85);
        }
    }
    canvas.addNoise(rng, 0.035);
}

}  // namespace vitask::recipe::synthetic
