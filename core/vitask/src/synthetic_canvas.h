#pragma once
// SyntheticCanvas: the drawing surface of the synthetic modalities. Values are floats
// (0 black, 1 white) in an image of size x size pixels with 1 or 3 channels; shapes are
// given in unit coordinates (0..1 across the image), so that a modality draws the same
// scene at 28 and at 64 pixels. Edges are soft (about a pixel wide): small lesions stay
// visible as partial intensity instead of vanishing between pixel centres.

#include "vitask/vitask/synthetic_random.h"

#include <array>
#include <cstdint>
#include <vector>

namespace vitask::recipe::synthetic {

using Colour = std::array<double, 3>;  // grey canvases use the first value

// An ellipse whose radius varies with the angle: r(t) = 1 + sum_k amp_k cos(k t + phase_k)
// in units of the semi-axes. Without harmonics it is a plain ellipse; with them a border
// gets as irregular as a melanoma's.
struct Blob {
    double cx = 0.5, cy = 0.5;   // centre
    double rx = 0.1, ry = 0.1;   // semi-axes
    double angle = 0;            // rotation in radians
    std::vector<std::array<double, 3>> harmonics;  // {k, amplitude, phase}

    // Signed distance-like value at (x, y): > 0 inside, < 0 outside, in units of the
    // smaller semi-axis (the border at 0).
    double inside(double x, double y) const;
    // The largest distance of the border from the centre, to limit the pixels visited.
    double reach() const;
    // Adds `count` random harmonics (k = 2, 3, ...) of amplitude up to `irregularity`.
    void roughen(SyntheticRandom& rng, double irregularity, int count = 4);
};

class SyntheticCanvas {
public:
    SyntheticCanvas(int size, int channels);

    int size() const { return size_; }
    int channels() const { return channels_; }
    double pixel() const { return 1.0 / size_; }          // one pixel in unit coordinates
    double coord(int i) const { return (i + 0.5) / size_; }  // centre of column/row i
    float& at(int x, int y, int c = 0) { return values_[(static_cast<size_t>(y) * size_ + x) * channels_ + c]; }

    void fill(const Colour& colour);
    // Blends `colour` in with opacity alpha x coverage, coverage a soft step across the
    // blob's border `softness` pixels wide.
    void paint(const Blob& blob, const Colour& colour, double alpha = 1.0, double softness = 1.0);
    // Adds amount x coverage (X-ray densities add up; values may leave 0..1 until toBytes).
    void add(const Blob& blob, const Colour& amount, double softness = 1.0);
    // Adds amount x exp(-d^2 / 2 sigma^2) around (cx, cy).
    void addGaussian(double cx, double cy, double sigma, const Colour& amount);
    // A thin line from (x0, y0) to (x1, y1), blended in with a soft profile.
    void line(double x0, double y0, double x1, double y1, double width, const Colour& colour, double alpha);
    void addNoise(SyntheticRandom& rng, double sd);       // independent per pixel and channel
    void multiplyNoise(SyntheticRandom& rng, double sd);  // speckle: value x (1 + sd x N(0, 1))
    void blur();                                          // 3x3 binomial (1 2 1) smoothing

    // Rounded and clamped to 0..255, row-major size x size x channels.
    std::vector<uint8_t> toBytes() const;

private:
    // Visits the pixels within `reach` of (cx, cy) (all of them for reach <= 0).
    template <typename Visit>
    void forEachNear(double cx, double cy, double reach, const Visit& visit);
    template <typename Weight>
    void blend(double cx, double cy, double reach, const Weight& weight, const Colour& colour, double alpha);

    int size_;
    int channels_;
    std::vector<float> values_;
};

}  // namespace vitask::recipe::synthetic
