#pragma once
// Reads NIfTI-1 and NIfTI-2 (.nii, .nii.gz, .hdr/.img). NIfTI-1 goes through ITK, which
// resolves qform/sform and reports geometry in LPS, the patient coordinates DICOM uses, so
// NIfTI and DICOM volumes share one coordinate system. Debian's ITK 5.2 cannot read
// NIfTI-2; those files go through our own small reader with the same rules.

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
