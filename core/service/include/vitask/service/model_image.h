#pragma once
// The picture a model is asked about, in plain types: float [channels, height, width] in
// [0, 1] at the image's own resolution. The vision tower's and the TSM's own
// preprocessing (resize, normalisation) happen later, inside the engine.

#include <cstddef>
#include <filesystem>
#include <vector>

namespace vitask::imaging {
struct Volume;
}

namespace vitask::service {

struct ModelImage {
    int channels = 0, height = 0, width = 0;
    std::vector<float> values;  // CHW, row-major

    bool empty() const { return values.empty(); }
};

// An image file as `vitask infer` and `vitask chat` read it: with imaging built in,
// anything core/imaging opens (DICOM, NIfTI, PNG, JPEG: the middle slice, the file's
// window); without it (GPU-server builds) PNG, JPEG and BMP. Throws vitask::Error naming
// the file.
ModelImage modelImageFromFile(const std::filesystem::path& file);

// One slice (z) and time point of a decoded volume, windowed with the slice's default
// window (defaultWindow(volume, slice)): what the studio shows before the user changes
// the window, so the model sees what a file read sees. Imaging builds only. Throws
// vitask::Error for a slice or time point out of range.
ModelImage modelImageFromVolume(const imaging::Volume& volume, std::size_t slice, std::size_t timePoint = 0);

}  // namespace vitask::service
