#pragma once
// Writes a Volume as NIfTI-1 (.nii or .nii.gz by the name), the LPS geometry turned into
// the RAS qform/sform NIfTI readers expect, as dcm2niix output is. Grey volumes go through
// our own writer (large sequential writes; .nii.gz compressed on every core with
// libdeflate), colour ones through ITK.

#include "vitask/imaging/stored_series.h"
#include "vitask/imaging/volume.h"

#include <filesystem>

namespace vitask::imaging {

class NiftiWriter {
public:
    // Integer-valued grey volumes within the int16 range (CT and most MR after the
    // modality LUT) are stored as int16 like dcm2niix does, everything else as float32;
    // colour volumes whose values are all 0..255 integers as RGB24. 4D volumes keep time
    // as the 4th axis. Written atomically. Throws vitask::Error naming the file on failure.
    static void write(const Volume& volume, const std::filesystem::path& file);

    // A series as its stored integers (int16 or uint16) with the modality rescale in
    // scl_slope/scl_inter, as dcm2niix writes it: the files are read block by block into
    // the output, never as a whole volume. Same geometry as the Volume written above.
    static void write(const StoredSeries& series, const std::filesystem::path& file);
};

}  // namespace vitask::imaging
