#pragma once
// One slice of a Volume through a window to 8-bit pixels, fast enough to redraw on every
// scroll or window drag (a 512 x 512 CT slice in well under a millisecond or two).

#include "vitask/imaging/volume.h"
#include "vitask/imaging/window.h"

#include <QImage>
#include <cstdint>
#include <vector>

namespace vitask::ui {

class SliceRenderer {
public:
    // Slice z at time point t after `window` (MONOCHROME1 inverted): Format_Grayscale8 for
    // grey volumes, Format_RGB888 for colour ones (the window applied to each component).
    // Every pixel equals round(255 * window.apply(voxel, monochrome1)).
    QImage render(const imaging::Volume& volume, std::size_t z, std::size_t t,
                  const imaging::Window& window);

    // Forget the statistics of the last slice (call when the volume changes: a new volume
    // may reuse the old one's address).
    void reset() { statsValid_ = false; }

private:
    // Whether every value of the slice is an integer, and its range: integral slices (CT,
    // MR, 8-bit photos: nearly everything after an integer modality LUT) go through a table
    // with one entry per value, so Window::apply runs per distinct value, not per pixel.
    void updateStats(const float* data, std::size_t count);

    const imaging::Volume* volume_ = nullptr;
    std::size_t z_ = 0, t_ = 0;
    bool statsValid_ = false;
    bool integral_ = false;
    float min_ = 0.0f, max_ = 0.0f;
    std::vector<std::uint8_t> table_;
};

}  // namespace vitask::ui
