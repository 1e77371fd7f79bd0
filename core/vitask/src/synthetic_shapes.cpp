// The generic image-text tasks of the synthetic benchmark: coloured shapes on a grey
// ground, asked about what any vision-language model should see (how many, which
// colour, where, which shape). They are what a small generalist VLM is pretrained on
// beside the medical modalities (docs/results.md, "A generalist first"): skills that
// carry over to the held-out diagnosis tasks, none of their labels.
#include "synthetic_modalities.h"

#include <cmath>

namespace vitask::recipe::synthetic {
namespace {

enum class Kind { Circle, Triangle, Square, Star };
constexpr int kKinds = 4;

// A shape as a blob whose border harmonic gives it corners (rounded at 28 pixels).
Blob shape(Kind kind, double cx, double cy, double radius, SyntheticRandom& rng) {
    Blob blob{cx, cy, radius, radius, 0, {}};
    const double phase = rng.uniform(0, 2 * M_PI);
    switch (kind) {
    case Kind::Circle: break;
    case Kind::Triangle: blob.harmonics.push_back({3, 0.22, phase}); break;
    case Kind::Square: blob.harmonics.push_back({4, 0.16, phase}); break;
    case Kind::Star: blob.harmonics.push_back({5, 0.38, phase}); break;
    }
    return blob;
}

// Red, green, blue, yellow: each a little off its ideal, never grey.
Colour colour(int index, SyntheticRandom& rng) {
    static const Colour ideal[4] = {{0.85, 0.15, 0.15}, {0.15, 0.70, 0.20}, {0.15, 0.25, 0.85}, {0.90, 0.85, 0.15}};
    Colour c = ideal[index];
    for (double& v : c) v = std::min(1.0, std::max(0.0, v + rng.normal(0, 0.05)));
    return c;
}

Kind anyKind(SyntheticRandom& rng) { return static_cast<Kind>(rng.below(kKinds)); }

// A grey ground of random brightness, dark enough for every colour to stand out.
void ground(SyntheticRandom& rng, SyntheticCanvas& canvas) {
    const double grey = rng.uniform(0.05, 0.35);
    canvas.fill({grey, grey, grey});
    canvas.addGaussian(rng.uniform(), rng.uniform(), rng.uniform(0.2, 0.4), {0.05, 0.05, 0.05});
}

void finish(SyntheticRandom& rng, SyntheticCanvas& canvas) {
    canvas.addNoise(rng, 0.03);
}

}  // namespace

void drawShapeCount(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    ground(rng, canvas);
    const int count = label + 1;
    std::vector<std::array<double, 3>> placed;  // x, y, radius
    for (int attempt = 0; static_cast<int>(placed.size()) < count && attempt < 1000; ++attempt) {
        const double r = rng.uniform(0.07, 0.1);
        const double x = rng.uniform(r + 0.04, 1 - r - 0.04), y = rng.uniform(r + 0.04, 1 - r - 0.04);
        bool apart = true;
        for (const auto& [px, py, pr] : placed) apart = apart && std::hypot(x - px, y - py) > r + pr + 0.05;
        if (apart) placed.push_back({x, y, r});
    }
    for (const auto& [x, y, r] : placed)
        canvas.paint(shape(anyKind(rng), x, y, r, rng), colour(static_cast<int>(rng.below(4)), rng));
    finish(rng, canvas);
}

void drawShapeColour(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    ground(rng, canvas);
    const double r = rng.uniform(0.1, 0.2);
    canvas.paint(shape(anyKind(rng), rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7), r, rng), colour(label, rng));
    finish(rng, canvas);
}

void drawShapePosition(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    ground(rng, canvas);
    const double r = rng.uniform(0.08, 0.12);
    const bool right = label % 2 == 1, lower = label >= 2;
    const double x = right ? rng.uniform(0.58, 0.86) : rng.uniform(0.14, 0.42);
    const double y = lower ? rng.uniform(0.58, 0.86) : rng.uniform(0.14, 0.42);
    canvas.paint(shape(anyKind(rng), x, y, r, rng), colour(static_cast<int>(rng.below(4)), rng));
    finish(rng, canvas);
}

void drawShapeKind(int label, SyntheticRandom& rng, SyntheticCanvas& canvas) {
    ground(rng, canvas);
    const double r = rng.uniform(0.2, 0.3);
    canvas.paint(shape(static_cast<Kind>(label), rng.uniform(0.38, 0.62), rng.uniform(0.38, 0.62), r, rng),
                 colour(static_cast<int>(rng.below(4)), rng), 1.0, 1.5);
    finish(rng, canvas);
}

}  // namespace vitask::recipe::synthetic
