#pragma once
// Writes the slices of a Volume as 8-bit PNG images after windowing (OpenCV imgcodecs):
// what a viewer shows, for reports, slides and quick looks.

#include "vitask/imaging/volume.h"
#include "vitask/imaging/window.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace vitask::imaging {

class PngWriter {
public:
    // Grey values become round(255 * window.apply(value)) (MONOCHROME1 inverted); colour
    // values go through the same window per component. Without a window each slice takes
    // defaultWindow(volume, z): its frame's own window where frames carry one. One slice
    // is written to `file`; several (z, then t) to file's stem + "_0001.png",
    // "_0002.png", ... Each file is written atomically. Returns the files written. Throws vitask::Error on failure.
    static std::vector<std::filesystem::path> write(const Volume& volume,
                                                    const std::filesystem::path& file,
                                                    const std::optional<Window>& window);
};

}  // namespace vitask::imaging
