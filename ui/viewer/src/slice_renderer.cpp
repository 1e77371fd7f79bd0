#include "slice_renderer.h"

#include <algorithm>
#include <cmath>

namespace vitask::ui {
namespace {

// Largest value range that goes through a table (4 MiB at most; 16-bit data needs 64 KiB).
constexpr double kMaxTableSpan = double(1 << 22);

std::uint8_t toByte(double unit) {
    if (!(unit == unit)) return 0;  // NaN voxels show black rather than garbage
    return std::uint8_t(std::lround(std::clamp(unit, 0.0, 1.0) * 255.0));
}

}  // namespace

void SliceRenderer::updateStats(const float* data, std::size_t count) {
    bool integral = true;
    float low = 0.0f, high = 0.0f;
    if (count > 0) low = high = data[0];
    for (std::size_t i = 0; i < count; ++i) {
        const float v = data[i];
        // One test covers fractions, NaN and infinities (nearbyint(NaN) != NaN).
        if (integral && std::nearbyint(v) != v) integral = false;
        low = std::min(low, v);
        high = std::max(high, v);
    }
    integral_ = integral && double(high) - double(low) <= kMaxTableSpan;
    min_ = low;
    max_ = high;
}

QImage SliceRenderer::render(const imaging::Volume& volume, std::size_t z, std::size_t t,
                             const imaging::Window& window) {
    const int width = int(volume.dims[0]);
    const int height = int(volume.dims[1]);
    const std::size_t comps = volume.components;
    const std::size_t count = volume.sliceSize();
    const std::size_t offset = (t * volume.dims[2] + z) * count;
    if (width <= 0 || height <= 0 || offset + count > volume.voxels.size()) return {};
    const float* data = volume.voxels.data() + offset;

    if (!statsValid_ || volume_ != &volume || z_ != z || t_ != t) {
        updateStats(data, count);
        volume_ = &volume;
        z_ = z;
        t_ = t;
        statsValid_ = true;
    }
    const bool mono1 = volume.isMonochrome1();
    QImage image(width, height, comps == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    const std::size_t rowValues = std::size_t(width) * comps;

    if (integral_) {
        const long low = long(min_);
        const std::size_t span = std::size_t(long(max_) - low) + 1;
        table_.resize(span);
        for (std::size_t i = 0; i < span; ++i) {
            table_[i] = toByte(window.apply(double(low + long(i)), mono1));
        }
        const std::uint8_t* table = table_.data();
        for (int y = 0; y < height; ++y) {
            std::uint8_t* out = image.scanLine(y);
            const float* in = data + std::size_t(y) * rowValues;
            for (std::size_t i = 0; i < rowValues; ++i) out[i] = table[long(in[i]) - low];
        }
        return image;
    }

    const bool linear = !window.lut && window.function == imaging::VoiFunction::Linear &&
                        window.width > 1.0;
    if (linear) {
        // Window::apply's DICOM linear function inlined with the same arithmetic, so the
        // bytes agree with it exactly while the loop stays free of calls.
        const double low = window.center - 0.5 - (window.width - 1.0) / 2.0;
        const double high = window.center - 0.5 + (window.width - 1.0) / 2.0;
        const double base = window.center - 0.5;
        const double scale = window.width - 1.0;
        for (int y = 0; y < height; ++y) {
            std::uint8_t* out = image.scanLine(y);
            const float* in = data + std::size_t(y) * rowValues;
            for (std::size_t i = 0; i < rowValues; ++i) {
                const double v = in[i];
                double unit;
                if (v <= low) {
                    unit = 0.0;
                } else if (v > high) {
                    unit = 1.0;
                } else {
                    unit = (v - base) / scale + 0.5;  // NaN falls through to here
                }
                if (mono1) unit = 1.0 - unit;
                out[i] = toByte(unit);
            }
        }
        return image;
    }

    // VOI LUTs, sigmoid and exact-linear windows on non-integral data: rare, still cheap.
    for (int y = 0; y < height; ++y) {
        std::uint8_t* out = image.scanLine(y);
        const float* in = data + std::size_t(y) * rowValues;
        for (std::size_t i = 0; i < rowValues; ++i) out[i] = toByte(window.apply(in[i], mono1));
    }
    return image;
}

}  // namespace vitask::ui
