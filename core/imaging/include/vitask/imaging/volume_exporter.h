#pragma once
// `vitask image convert`: picks the output format by the file name, as dcm2niix users
// expect: .nii.gz / .nii (NIfTI-1), .npy (NumPy float32), .png (8-bit after windowing).

#include "vitask/imaging/volume.h"
#include "vitask/imaging/window.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace vitask::imaging {

class VolumeExporter {
public:
    enum class Format { Nifti, Npy, Png };

    // Throws vitask::Error naming the file for any other extension.
    static Format formatOf(const std::filesystem::path& file);

    // Checks before any (possibly long) reading that `file` can be written: known format,
    // existing and writable folder. Throws vitask::Error otherwise.
    static void checkTarget(const std::filesystem::path& file);

    // Writes the volume; `window` only matters for PNG (default: the file's first window,
    // else the full 8-bit range for colour, else min/max). Returns the files written.
    static std::vector<std::filesystem::path> write(const Volume& volume,
                                                    const std::filesystem::path& file,
                                                    const std::optional<Window>& window = {});
};

}  // namespace vitask::imaging
