#include "synthetic_canvas.h"

#include <algorithm>
#include <cmath>

namespace vitask::recipe::synthetic {
namespace {

double clamp01(double v) { return std::min(1.0, std::max(0.0, v)); }

}  // namespace

double Blob::inside(double x, double y) const {
    const double c = std::cos(angle), s = std::sin(angle);
    const double u = ((x - cx) * c + (y - cy) * s) / rx;
    const double v = (-(x - cx) * s + (y - cy) * c) / ry;
    const double r = std::sqrt(u * u + v * v);
    double border = 1.0;
    if (!harmonics.empty()) {
        const double t = std::atan2(v, u);
        for (const auto& [k, amplitude, phase] : harmonics) border += amplitude * std::cos(k * t + phase);
    }
    return (border - r) * std::max(rx, ry) / std::min(rx, ry);
}

double Blob::reach() const {
    double border = 1.0;
    for (const auto& h : harmonics) border += std::abs(h[1]);
    return border * std::max(rx, ry);
}

void Blob::roughen(SyntheticRandom& rng, double irregularity, int count) {
    for (int k = 2; k < 2 + count; ++k)
        harmonics.push_back({static_cast<double>(k), irregularity * rng.uniform(0.3, 1.0) / std::sqrt(k - 1.0),
                             rng.uniform(0, 2 * M_PI)});
}

SyntheticCanvas::SyntheticCanvas(int size, int channels)
    : size_(size), channels_(channels), values_(static_cast<size_t>(size) * size * channels, 0.0f) {}

void SyntheticCanvas::fill(const Colour& colour) {
    for (size_t i = 0; i < values_.size(); ++i) values_[i] = static_cast<float>(colour[i % channels_]);
}

template <typename Visit>
void SyntheticCanvas::forEachNear(double cx, double cy, double reach, const Visit& visit) {
    int x0 = 0, y0 = 0, x1 = size_ - 1, y1 = size_ - 1;
    if (reach > 0) {
        x0 = std::max(x0, static_cast<int>(std::floor((cx - reach) * size_)));
        y0 = std::max(y0, static_cast<int>(std::floor((cy - reach) * size_)));
        x1 = std::min(x1, static_cast<int>(std::ceil((cx + reach) * size_)));
        y1 = std::min(y1, static_cast<int>(std::ceil((cy + reach) * size_)));
    }
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) visit(x, y);
}

template <typename Weight>
void SyntheticCanvas::blend(double cx, double cy, double reach, const Weight& weight, const Colour& colour,
                            double alpha) {
    forEachNear(cx, cy, reach, [&](int x, int y) {
        const double w = alpha * weight(coord(x), coord(y));
        if (w <= 0) return;
        for (int c = 0; c < channels_; ++c) at(x, y, c) = static_cast<float>(at(x, y, c) * (1 - w) + colour[c] * w);
    });
}

void SyntheticCanvas::paint(const Blob& blob, const Colour& colour, double alpha, double softness) {
    // The border ramp spans `softness` pixels, measured in units of the smaller semi-axis.
    const double ramp = softness * pixel() / std::min(blob.rx, blob.ry);
    blend(blob.cx, blob.cy, blob.reach() + softness * pixel(),
          [&](double x, double y) { return clamp01(0.5 + blob.inside(x, y) / ramp); }, colour, alpha);
}

void SyntheticCanvas::add(const Blob& blob, const Colour& amount, double softness) {
    const double ramp = softness * pixel() / std::min(blob.rx, blob.ry);
    forEachNear(blob.cx, blob.cy, blob.reach() + softness * pixel(), [&](int x, int y) {
        const double w = clamp01(0.5 + blob.inside(coord(x), coord(y)) / ramp);
        if (w <= 0) return;
        for (int c = 0; c < channels_; ++c) at(x, y, c) += static_cast<float>(amount[c] * w);
    });
}

void SyntheticCanvas::addGaussian(double cx, double cy, double sigma, const Colour& amount) {
    for (int y = 0; y < size_; ++y)
        for (int x = 0; x < size_; ++x) {
            const double dx = coord(x) - cx, dy = coord(y) - cy;
            const double w = std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
            for (int c = 0; c < channels_; ++c) at(x, y, c) += static_cast<float>(amount[c] * w);
        }
}

void SyntheticCanvas::line(double x0, double y0, double x1, double y1, double width, const Colour& colour,
                           double alpha) {
    const double dx = x1 - x0, dy = y1 - y0;
    const double length2 = std::max(dx * dx + dy * dy, 1e-12);
    blend(
        (x0 + x1) / 2, (y0 + y1) / 2, std::sqrt(length2) / 2 + width + pixel(),
        [&](double x, double y) {
            const double t = std::min(1.0, std::max(0.0, ((x - x0) * dx + (y - y0) * dy) / length2));
            const double d = std::hypot(x - (x0 + t * dx), y - (y0 + t * dy));
            return clamp01(0.5 + (width / 2 - d) / pixel());
        },
        colour, alpha);
}

void SyntheticCanvas::addNoise(SyntheticRandom& rng, double sd) {
    for (auto& v : values_) v += static_cast<float>(sd * rng.normal());
}

void SyntheticCanvas::multiplyNoise(SyntheticRandom& rng, double sd) {
    for (auto& v : values_) v *= static_cast<float>(1.0 + sd * rng.normal());
}

void SyntheticCanvas::blur() {
    const std::vector<float> source = values_;
    const auto get = [&](int x, int y, int c) {
        x = std::min(size_ - 1, std::max(0, x));
        y = std::min(size_ - 1, std::max(0, y));
        return source[(static_cast<size_t>(y) * size_ + x) * channels_ + c];
    };
    for (int y = 0; y < size_; ++y)
        for (int x = 0; x < size_; ++x)
            for (int c = 0; c < channels_; ++c) {
                float sum = 0;
                for (int j = -1; j <= 1; ++j)
                    for (int i = -1; i <= 1; ++i) sum += get(x + i, y + j, c) * (i ? 1.0f : 2.0f) * (j ? 1.0f : 2.0f);
                at(x, y, c) = sum / 16.0f;
            }
}

std::vector<uint8_t> SyntheticCanvas::toBytes() const {
    std::vector<uint8_t> bytes(values_.size());
    for (size_t i = 0; i < values_.size(); ++i)
        bytes[i] = static_cast<uint8_t>(std::lround(clamp01(values_[i]) * 255.0));
    return bytes;
}

}  // namespace vitask::recipe::synthetic
