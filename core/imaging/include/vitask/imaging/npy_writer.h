#pragma once
// Writes a Volume as a NumPy .npy file (format version 1.0): little-endian float32 values
// after the modality LUT, C order, slice-major: shape (z, y, x), (t, z, y, x) for 4D, with
// a trailing 3 for colour. np.load() reads it without any other file.

#include "vitask/imaging/volume.h"

#include <filesystem>

namespace vitask::imaging {

class NpyWriter {
public:
    // Written atomically. Throws vitask::Error naming the file on failure.
    static void write(const Volume& volume, const std::filesystem::path& file);
};

}  // namespace vitask::imaging
