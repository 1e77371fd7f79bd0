#include "vitask/imaging/window.h"

#include "vitask/common/error.h"
#include "vitask/imaging/volume.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace vitask::imaging {

std::uint16_t VoiLut::lookup(double value) const {
    if (data.empty()) return 0;
    const double offset = value - double(firstMapped);
    const std::size_t last = std::min(entries, data.size()) - 1;
    // !(offset > 0) also sends NaN to the first entry.
    if (!(offset > 0)) return data.front();
    return offset >= double(last) ? data[last] : data[static_cast<std::size_t>(offset)];
}

const char* voiFunctionName(VoiFunction function) {
    switch (function) {
        case VoiFunction::LinearExact: return "LINEAR_EXACT";
        case VoiFunction::Sigmoid: return "SIGMOID";
        case VoiFunction::Linear: break;
    }
    return "LINEAR";
}

double Window::apply(double value, bool monochrome1) const {
    double out;
    if (lut) {
        const double top = double((1u << lut->bits) - 1u);
        out = std::min(1.0, double(lut->lookup(value)) / top);
    } else if (function == VoiFunction::Sigmoid) {
        // PS3.3 C.11.2.1.3.1; exp overflows to inf far below the centre, giving 0.
        out = 1.0 / (1.0 + std::exp(-4.0 * (value - center) / width));
    } else if (function == VoiFunction::LinearExact) {
        // PS3.3 C.11.2.1.3.2.
        if (value <= center - width / 2.0) {
            out = 0.0;
        } else if (value > center + width / 2.0) {
            out = 1.0;
        } else {
            out = (value - center) / width + 0.5;
        }
    } else if (width <= 1.0) {
        // PS3.3 C.11.2.1.2: a width of 1 is a threshold at the centre.
        out = value < center - 0.5 ? 0.0 : 1.0;
    } else {
        const double low = center - 0.5 - (width - 1.0) / 2.0;
        const double high = center - 0.5 + (width - 1.0) / 2.0;
        if (value <= low) {
            out = 0.0;
        } else if (value > high) {
            out = 1.0;
        } else {
            out = (value - (center - 0.5)) / (width - 1.0) + 0.5;
        }
    }
    return monochrome1 ? 1.0 - out : out;
}

std::vector<Window> standardCtWindows() {
    // Radiopaedia "Windowing (CT)" values, the defaults most departments start from.
    return {
        {40, 80, "CT brain"},
        {75, 215, "CT subdural"},
        {-600, 1500, "CT lung"},
        {50, 350, "CT mediastinum"},
        {50, 400, "CT abdomen"},
        {30, 150, "CT liver"},
        {40, 350, "CT soft tissue"},
        {400, 1800, "CT bone"},
    };
}

Window windowPreset(const std::string& name) {
    auto lower = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return text;
    };
    const std::string wanted = lower(name);
    std::string names;
    for (const Window& w : standardCtWindows()) {
        const std::string full = lower(w.explanation);  // "ct lung"
        if (wanted == full || wanted == full.substr(3)) return w;
        names += (names.empty() ? "" : ", ") + full.substr(3);
    }
    throw Error("unknown window preset '" + name + "'", "--preset",
                "Use one of: " + names + " (or give --window CENTER,WIDTH).");
}

std::array<float, 2> valueRange(const Volume& volume) {
    if (volume.valueRange) return *volume.valueRange;
    if (volume.voxels.empty()) {
        throw Error("the volume holds no voxels", volume.source,
                    "Open a file or series that contains image data.");
    }
    float low = std::numeric_limits<float>::max();
    float high = std::numeric_limits<float>::lowest();
    const float* values = volume.voxels.data();
    const std::size_t count = volume.voxels.size(), stride = volume.components;
    // The comparison form (not std::min) lets the compiler vectorise the common grey case.
    for (std::size_t i = 0; i < count; i += stride) {
        low = values[i] < low ? values[i] : low;
        high = values[i] > high ? values[i] : high;
    }
    return {low, high};
}

Window autoWindow(const Volume& volume) {
    const auto [low, high] = valueRange(volume);
    // +1: with the DICOM linear function a width of (max - min + 1) maps min to 0 and
    // max to 1.
    return {(double(low) + double(high) + 1.0) / 2.0, double(high) - double(low) + 1.0,
            "auto (min/max)"};
}

Window defaultWindow(const Volume& volume) {
    if (!volume.windows.empty()) return volume.windows.front();
    if (volume.isColour()) return fullRange8Bit();
    return autoWindow(volume);
}

Window defaultWindow(const Volume& volume, std::size_t slice) {
    if (slice < volume.sliceWindows.size() && !volume.sliceWindows[slice].empty()) {
        return volume.sliceWindows[slice].front();
    }
    return defaultWindow(volume);
}

Window fullRange8Bit() {
    // low edge c - 0.5 - (w - 1) / 2 = 0 and (v - 127.5) / 255 + 0.5 = v / 255.
    return {128.0, 256.0, "full range (8-bit)"};
}

}  // namespace vitask::imaging
