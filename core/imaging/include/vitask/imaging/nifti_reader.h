#pragma once
// Reads NIfTI-1 and NIfTI-2 (.nii, .nii.gz, .hdr/.img), resolving qform/sform into LPS, the
// patient coordinates DICOM uses, so NIfTI and DICOM volumes share one coordinate system.
// NIfTI-2 (which Debian's ITK 5.2 cannot read) and single-file NIfTI-1 images go through
// our own reader, which is faster and holds less memory; Analyze, NIfTI-1 .hdr/.img pairs
// and vector images go through ITK. Both apply the same NIfTI rules.

#include "vitask/imaging/volume.h"

#include <filesystem>

namespace vitask::imaging {

class NiftiReader {
public:
    // True for a name ending in .nii, .nii.gz, .hdr or .img (case-insensitive).
    static bool hasNiftiExtension(const std::filesystem::path& file);

    // Voxels after scl_slope/scl_inter; 4D data fills dims[3]. Throws vitask::Error
    // naming the file when it cannot be read.
    static Volume read(const std::filesystem::path& file);
};

}  // namespace vitask::imaging
