// Synthetic dermoscopy: a pigmented lesion on skin, seen from above. A benign nevus is
// round, even and symmetric; a melanoma grows asymmetric, with an irregular border and
// several colours (the ABC of dermoscopy); a seborrheic keratosis is sharply bordered
// and carries bright milia-like cysts and dark comedo-like openings.
#include "synthetic_modalities.h"

#include <cmath>

namespace vitask::recipe::synthetic {
namespace {

Colour scaled(const Colour& c, double f) { return {c[0] * f, c[1] * f, c[2] * f}; }

// A random point inside `blob`, at most `reach` of the way from its centre to its border.
std::array<double, 2> pointIn(const Blob& blob, SyntheticRandom& rng, double reach) {
    const double a = rng.uniform(0, 2 * M_PI), r = std::sqrt(rng.uniform()) * reach;
    return {blob.cx + r * blob.rx * std::cos(a), blob.cy + r * blob.ry * std::sin(a)};
}

}  // namespace

void drawDermoscopy(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    const double severity = rng.uniform();
    const double tone = rng.uniform(0.8, 1.1);
    const Colour skin = {0.86 * tone + rng.normal(0, 0.02), 0.66 * tone + rng.normal(0, 0.02),
                         0.56 * tone + rng.normal(0, 0.02)};
    canvas.fill(skin);

    Blob lesion{0.5 + rng.normal(0, 0.04), 0.5 + rng.normal(0, 0.04), 0, 0, rng.uniform(0, M_PI), {}};
    const double radius = rng.uniform(0.17, 0.27);
    const double aspect = rng.uniform(0.85, 1.15);
    lesion.rx = radius * aspect;
    lesion.ry = radius / aspect;
    lesion.roughen(rng, 0.04, 3);  // no mole is a perfect ellipse
    const Colour brown = scaled({0.50, 0.32, 0.22}, rng.uniform(0.75, 1.15));

    if (label == 1) {
        // Asymmetry: a second lobe off-centre; border: strong harmonics.
        lesion.roughen(rng, 0.04 + 0.16 * severity, 4);
        canvas.paint(lesion, brown, 1.0, 1.5);
        const double a = rng.uniform(0, 2 * M_PI);
        Blob lobe{lesion.cx + 0.7 * radius * std::cos(a), lesion.cy + 0.7 * radius * std::sin(a),
                  radius * (0.25 + 0.35 * severity), radius * (0.2 + 0.3 * severity), a, {}};
        lobe.roughen(rng, 0.15, 3);
        canvas.paint(lobe, scaled(brown, rng.uniform(0.7, 1.0)), 0.3 + 0.6 * severity, 1.5);
        // Colour variegation: black, dark brown and blue-grey blotches.
        const int blotches = 1 + static_cast<int>(3 * severity);
        for (int k = 0; k < blotches; ++k) {
            const auto p = pointIn(lesion, rng, 0.6);
            const Colour colour = rng.chance(0.5) ? Colour{0.12, 0.08, 0.08} : Colour{0.38, 0.42, 0.52};
            Blob blotch{p[0], p[1], rng.uniform(0.04, 0.08), rng.uniform(0.03, 0.07), rng.uniform(0, M_PI), {}};
            blotch.roughen(rng, 0.2, 2);
            canvas.paint(blotch, colour, 0.2 + 0.55 * severity, 2);
        }
    } else {
        canvas.paint(lesion, brown, 1.0, label == 2 ? 0.7 : 1.5);
        // Both benign lesions darken evenly towards the centre.
        canvas.addGaussian(lesion.cx, lesion.cy, radius * 0.45, {-0.06, -0.05, -0.04});
        if (label == 2) {
            const int cysts = 3 + static_cast<int>(5 * severity);
            for (int k = 0; k < cysts; ++k) {
                const auto p = pointIn(lesion, rng, 0.75);
                const double r = rng.uniform(0.02, 0.035);
                canvas.paint({p[0], p[1], r, r, 0, {}}, {0.93, 0.88, 0.72}, 0.4 + 0.5 * severity);
            }
            const int pores = 1 + static_cast<int>(3 * severity);
            for (int k = 0; k < pores; ++k) {
                const auto p = pointIn(lesion, rng, 0.75);
                const double r = rng.uniform(0.02, 0.03);
                canvas.paint({p[0], p[1], r, r, 0, {}}, {0.2, 0.14, 0.1}, 0.3 + 0.5 * severity);
            }
        }
    }

    // Hairs cross some images; the dermoscope darkens the corners.
    const int hairs = static_cast<int>(rng.below(3));
    for (int k = 0; k < hairs; ++k)
        canvas.line(rng.uniform(), rng.uniform(-0.1, 0.2), rng.uniform(), rng.uniform(0.8, 1.1),
                    rng.uniform(0.012, 0.02), {0.15, 0.1, 0.08}, 0.7);
    for (const double cx : {0.0, 1.0})
        for (const double cy : {0.0, 1.0}) canvas.addGaussian(cx, cy, 0.18, {-0.2, -0.2, -0.2});
    canvas.addNoise(rng, 0.025);
}

}  // namespace vitask::recipe::synthetic
