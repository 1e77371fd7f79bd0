#include "vitask/imaging/png_writer.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "photo_codec.h"


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

// One slice as 8-bit grey or RGB pixels, row by row.
std::vector<std::uint8_t> windowedSlice(const Volume& volume, std::size_t sliceIndex, const Window& window) {
    const std::size_t values = volume.sliceSize();
    const float* in = volume.voxels.data() + sliceIndex * values;
    const bool invert = volume.isMonochrome1();
    std::vector<std::uint8_t> pixels(values);
    for (std::size_t i = 0; i < values; ++i)
        pixels[i] = static_cast<std::uint8_t>(std::lround(window.apply(in[i], invert) * 255.0));
    return pixels;
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
        const auto encoded = detail::photoCodec().encodePng(windowedSlice(volume, s, shown), static_cast<int>(volume.dims[1]),
                                                            static_cast<int>(volume.dims[0]),
                                                            static_cast<int>(volume.components));
        vitask::AtomicFile out(target);
        out.write(encoded.data(), encoded.size());
        out.commit();
        written.push_back(target);
    }
    return written;
}

}  // namespace vitask::imaging
