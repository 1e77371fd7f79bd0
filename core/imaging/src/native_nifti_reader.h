#pragma once
// Internal: our own NIfTI reader, for NIfTI-2 (Debian's ITK 5.2 reads NIfTI-1 only; 5.3
// added NIfTI-2) and for single-file NIfTI-1 images (.nii, .nii.gz), which it reads in
// less time and memory than ITK: ITK holds the stored image and the float32 volume at
// once and inflates with zlib. Here a .nii.gz is inflated with libdeflate (about twice
// zlib's speed) straight into the tail of the float32 volume, from the compressed file
// read into the front of that same block where it fits, and the values are converted in
// place, front to back: the reader needs little memory beyond the volume itself.
// Geometry follows the NIfTI rules (as nibabel and ITK apply them): sform when its code is
// set, else qform, else pixdim alone; RAS+ converted to the LPS patient coordinates DICOM
// uses.

#include "vitask/imaging/volume.h"
#include "voxel_room.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace vitask::imaging::detail {

class NativeNiftiReader {
public:
    // The volume of a NIfTI-2 file (.nii, .nii.gz, .hdr/.img) or of a single-file NIfTI-1
    // image of 2 to 4 dimensions with a supported data type. nullopt for everything else
    // (Analyze, NIfTI-1 .hdr/.img pairs, vector images, files that are not NIfTI): ITK
    // reads those. Throws vitask::Error naming the file for damaged NIfTI-2 headers,
    // unsupported NIfTI-2 types or dimensions, and data shorter than the header declares.
    static std::optional<Volume> read(const std::filesystem::path& file);
};

}  // namespace vitask::imaging::detail
