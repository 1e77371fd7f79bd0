#include "vitask/imaging/preprocessor.h"

#include "vitask/common/error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vitask::imaging {
namespace {

using Options = PreprocessOptions;

int cvInterpolation(Options::Interpolation interpolation) {
    switch (interpolation) {
        case Options::Interpolation::Area: return cv::INTER_AREA;
        case Options::Interpolation::Cubic: return cv::INTER_CUBIC;
        case Options::Interpolation::Nearest: return cv::INTER_NEAREST_EXACT;
        case Options::Interpolation::Linear: break;
    }
    return cv::INTER_LINEAR;
}

Window sliceAutoWindow(const float* values, std::size_t pixels, std::size_t components) {
    float low = std::numeric_limits<float>::max();
    float high = std::numeric_limits<float>::lowest();
    for (std::size_t i = 0; i < pixels * components; i += components) {
        low = std::min(low, values[i]);
        high = std::max(high, values[i]);
    }
    // As autoWindow(): min maps to 0 and max to 1 with the DICOM linear function.
    return {(double(low) + double(high) + 1.0) / 2.0, double(high) - double(low) + 1.0,
            "auto (min/max of the slice)"};
}

Window chooseWindow(const Options& o, const Volume& volume, std::size_t sliceIndex, const float* slice) {
    const std::size_t pixels = volume.dims[0] * volume.dims[1];
    switch (o.windowMode) {
        case Options::WindowMode::File:
            if (o.fileWindow < 0 || static_cast<std::size_t>(o.fileWindow) >= volume.windows.size()) {
                throw Error("the image has no window number " + std::to_string(o.fileWindow) + " (it has " +
                                std::to_string(volume.windows.size()) + ")",
                            volume.source, "Choose another window mode (preset, auto or explicit).");
            }
            return volume.windows[static_cast<std::size_t>(o.fileWindow)];
        case Options::WindowMode::Preset: return windowPreset(o.preset);
        case Options::WindowMode::Auto: return sliceAutoWindow(slice, pixels, volume.components);
        case Options::WindowMode::Explicit: return {o.center, o.width, "explicit"};
        case Options::WindowMode::Default: break;
    }
    // The file's own window (its frame's first; a VOI LUT when there is one). Without one,
    // the auto window here is the slice's own, not the volume's.
    if (!volume.windows.empty() || volume.isColour()) return defaultWindow(volume, sliceIndex);
    return sliceAutoWindow(slice, pixels, volume.components);
}

}  // namespace

Preprocessor::Preprocessor(PreprocessOptions options) : options_(std::move(options)) {
    const Options& o = options_;
    if (o.outputWidth < 1 || o.outputHeight < 1) {
        throw Error("the output size must be at least 1 x 1", "preprocessing: output size",
                    "Set a positive width and height (e.g. 224 x 224).");
    }
    if (o.channels != 1 && o.channels != 3) {
        throw Error("channels must be 1 or 3, not " + std::to_string(o.channels), "preprocessing: channels",
                    "Use 3 for RGB models, 1 for grey ones.");
    }
    for (const auto* values : {&o.mean, &o.std}) {
        if (values->size() != 1 && values->size() != static_cast<std::size_t>(o.channels)) {
            throw Error("mean and std need 1 or " + std::to_string(o.channels) + " values",
                        "preprocessing: normalisation", "Give one value per channel, or one for all.");
        }
    }
    for (const float s : o.std) {
        if (!(std::abs(s) > 0.0f)) {
            throw Error("a normalisation std of 0", "preprocessing: normalisation", "Use a non-zero std.");
        }
    }
    if (o.windowMode == Options::WindowMode::Explicit && !(o.width >= 1.0)) {
        throw Error("a window width below 1", "preprocessing: window", "Use a width of at least 1.");
    }
    if (o.windowMode == Options::WindowMode::Preset) windowPreset(o.preset);  // fail early
}

PreprocessedImage Preprocessor::run(const Volume& volume) const {
    const Options& o = options_;
    if (volume.voxels.empty() || volume.voxels.size() != volume.voxelCount() * volume.components) {
        throw Error("the volume holds no voxels", volume.source, "Open an image with pixel data.");
    }
    PreprocessedImage out;
    out.slice = o.slice < 0 ? volume.dims[2] / 2 : static_cast<std::size_t>(o.slice);
    out.timePoint = static_cast<std::size_t>(std::max(0, o.timePoint));
    if (out.slice >= volume.dims[2] || o.timePoint < 0 || out.timePoint >= volume.dims[3]) {
        throw Error("slice " + std::to_string(o.slice) + ", time point " + std::to_string(o.timePoint) +
                        " is outside the image (" + std::to_string(volume.dims[2]) + " slices, " +
                        std::to_string(volume.dims[3]) + " time points)",
                    volume.source, "Choose a slice and time point inside the image.");
    }
    const float* slice =
        volume.voxels.data() + (out.timePoint * volume.dims[2] + out.slice) * volume.sliceSize();
    out.window = chooseWindow(o, volume, out.slice, slice);

    // 1. Window to [0, 1] (MONOCHROME1 inverted: high is always bright).
    const int rows = static_cast<int>(volume.dims[1]);
    const int columns = static_cast<int>(volume.dims[0]);
    const int components = static_cast<int>(volume.components);
    cv::Mat image(rows, columns, CV_32FC(components));
    const bool invert = volume.isMonochrome1();
    for (int y = 0; y < rows; ++y) {
        float* row = image.ptr<float>(y);
        const float* in = slice + static_cast<std::size_t>(y) * columns * components;
        for (int i = 0; i < columns * components; ++i) {
            row[i] = static_cast<float>(out.window.apply(in[i], invert));
        }
    }

    // 2. Channels.
    if (components == 1 && o.channels == 3) cv::cvtColor(image, image, cv::COLOR_GRAY2RGB);
    if (components == 3 && o.channels == 1) cv::cvtColor(image, image, cv::COLOR_RGB2GRAY);

    // 3. Size, in physical units when the pixels are not square.
    double unitX = 1.0, unitY = 1.0;
    if (o.usePixelSpacing && volume.spacing[0] > 0 && volume.spacing[1] > 0) {
        const double finer = std::min(volume.spacing[0], volume.spacing[1]);
        unitX = volume.spacing[0] / finer;
        unitY = volume.spacing[1] / finer;
    }
    const double width = columns * unitX, height = rows * unitY;
    const int W = o.outputWidth, H = o.outputHeight;
    int newW = W, newH = H;
    if (o.fit != Options::Fit::Stretch) {
        const double scale = o.fit == Options::Fit::Pad ? std::min(W / width, H / height)
                                                        : std::max(W / width, H / height);
        newW = static_cast<int>(std::lround(width * scale));
        newH = static_cast<int>(std::lround(height * scale));
        // Rounding must not leave a gap (crop) or overflow (pad) of one pixel.
        if (o.fit == Options::Fit::Pad) {
            newW = std::clamp(newW, 1, W);
            newH = std::clamp(newH, 1, H);
        } else {
            newW = std::max(newW, W);
            newH = std::max(newH, H);
        }
    }
    cv::Mat resized = image;
    if (newW != columns || newH != rows) {
        cv::resize(image, resized, cv::Size(newW, newH), 0, 0, cvInterpolation(o.interpolation));
        if (o.interpolation == Options::Interpolation::Cubic) {
            // Cubic overshoots at edges; keep the windowed range.
            cv::min(cv::max(resized, 0.0), 1.0, resized);
        }
    }
    cv::Mat canvas;
    if (o.fit == Options::Fit::CenterCrop) {
        const int x = (newW - W) / 2, y = (newH - H) / 2;
        canvas = resized(cv::Rect(x, y, W, H));
        out.placement = {-x, -y, newW, newH};
    } else {
        const int x = (W - newW) / 2, y = (H - newH) / 2;
        canvas = cv::Mat(H, W, resized.type(), cv::Scalar::all(o.padValue));
        resized.copyTo(canvas(cv::Rect(x, y, newW, newH)));
        out.placement = {x, y, newW, newH};
    }

    // 4. Normalise into CHW.
    const int channels = o.channels;
    out.shape = {static_cast<std::size_t>(channels), static_cast<std::size_t>(H), static_cast<std::size_t>(W)};
    out.values.resize(static_cast<std::size_t>(channels) * H * W);
    for (int c = 0; c < channels; ++c) {
        const float mean = o.mean.size() == 1 ? o.mean[0] : o.mean[c];
        const float deviation = o.std.size() == 1 ? o.std[0] : o.std[c];
        float* plane = out.values.data() + static_cast<std::size_t>(c) * H * W;
        for (int y = 0; y < H; ++y) {
            const float* row = canvas.ptr<float>(y);
            for (int x = 0; x < W; ++x) plane[y * W + x] = (row[x * channels + c] - mean) / deviation;
        }
    }
    return out;
}

}  // namespace vitask::imaging
