#pragma once
// The 352 bytes before a NIfTI-1 file's voxels (the 348-byte header and an empty
// extension flag) for a grey volume: dims, spacing, and the LPS geometry turned into the
// RAS qform and sform (quaternion as nifti1_io's nifti_mat44_to_quatern computes it),
// both coded "scanner anatomical", as ITK and dcm2niix write them.

#include "vitask/imaging/volume.h"

#include <array>
#include <cstdint>

namespace vitask::imaging::detail {

inline constexpr std::int16_t kNiftiInt16 = 4;
inline constexpr std::int16_t kNiftiFloat32 = 16;
inline constexpr std::int16_t kNiftiUint16 = 512;

// `slope` and `intercept` are scl_slope and scl_inter: the value a reader takes for a
// stored one (1 and 0: the values as stored). `volume.voxels` is not read.
std::array<unsigned char, 352> niftiHeader(const Volume& volume, std::int16_t datatype, double slope = 1.0,
                                           double intercept = 0.0);

}  // namespace vitask::imaging::detail
