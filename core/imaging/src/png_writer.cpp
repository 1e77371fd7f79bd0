#include "vitask/imaging/png_writer.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <cstdio>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

fs::path numbered(const fs::path& file, std::size_t index) {
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, "_%04zu.png", index);
    return file.parent_path() / (file.stem().string() + suffix);
}

// One slice as an 8-bit image in OpenCV's channel order (BGR for colour).
cv::Mat windowedSlice(const Volume& volume, std::size_t sliceIndex, const Window& window) {
    const int columns = static_cast<int>(volume.dims[0]);
    const int rows = static_cast<int>(volume.dims[1]);
    const std::size_t components = volume.components;
    const float* in = volume.voxels.data() + sliceIndex * volume.sliceSize();
    const bool invert = volume.isMonochrome1();
    cv::Mat image(rows, columns, components == 3 ? CV_8UC3 : CV_8UC1);
    for (int y = 0; y < rows; ++y) {
        std::uint8_t* row = image.ptr<std::uint8_t>(y);
        for (int x = 0; x < columns; ++x) {
            for (std::size_t c = 0; c < components; ++c) {
                const float value = in[(static_cast<std::size_t>(y) * columns + x) * components + c];
                const double shown = window.apply(value, invert);
                // RGB in the volume, BGR for OpenCV.
                const std::size_t target = components == 3 ? 2 - c : c;
                row[static_cast<std::size_t>(x) * components + target] =
                    static_cast<std::uint8_t>(std::lround(shown * 255.0));
            }
        }
    }
    return image;
}

}  // namespace

std::vector<fs::path> PngWriter::write(const Volume& volume, const fs::path& file,
                                       const std::optional<Window>& window) {
    if (volume.voxels.size() != volume.voxelCount() * volume.components || volume.voxels.empty()) {
        throw Error("the volume holds no voxels or fewer than its size says", file.string(),
                    "Read the image again; nothing was written.");
    }
    vitask::AtomicFile::checkWritableFolder(file.parent_path());
    const std::size_t slices = volume.dims[2] * volume.dims[3];
    // Computed once: without file windows it is the volume's min/max window.
    const Window volumeWindow = window ? *window : defaultWindow(volume);
    std::vector<fs::path> written;
    for (std::size_t s = 0; s < slices; ++s) {
        const std::size_t z = s % volume.dims[2];
        const bool ownWindow = !window && z < volume.sliceWindows.size() && !volume.sliceWindows[z].empty();
        const Window& shown = ownWindow ? volume.sliceWindows[z].front() : volumeWindow;
        const fs::path target = slices == 1 ? file : numbered(file, s + 1);
        std::vector<std::uint8_t> encoded;
        if (!cv::imencode(".png", windowedSlice(volume, s, shown), encoded)) {
            throw Error("the PNG encoder failed", target.string(), "Report this as a bug.");
        }
        vitask::AtomicFile out(target);
        out.write(encoded.data(), encoded.size());
        out.commit();
        written.push_back(target);
    }
    return written;
}

}  // namespace vitask::imaging
