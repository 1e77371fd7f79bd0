#pragma once
// Internal: a small NIfTI-2 reader (540-byte header, 64-bit dims and doubles), because
// Debian's ITK 5.2 reads NIfTI-1 only (NIfTI-2 arrived in ITK 5.3). Geometry follows the
// NIfTI rules ITK applies to NIfTI-1: sform when its code is set, else qform, else pixdim
// alone; RAS+ converted to the LPS patient coordinates DICOM uses. .nii and .nii.gz
// (zlib reads both), and .hdr/.img pairs.

#include "vitask/imaging/volume.h"

#include <filesystem>

namespace vitask::imaging::detail {

class Nifti2Reader {
public:
    // True when the file (compressed or not) starts with a NIfTI-2 sizeof_hdr of 540, in
    // either byte order. False for anything unreadable.
    static bool isNifti2(const std::filesystem::path& file);

    // Throws vitask::Error naming the file for bad headers, unsupported data types or
    // dimensions, and data shorter than the header declares.
    static Volume read(const std::filesystem::path& file);
};

}  // namespace vitask::imaging::detail
