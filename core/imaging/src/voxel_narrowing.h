#pragma once
// The two passes over every voxel that writing an int16 NIfTI takes, in a file of their
// own so that the compiler vectorizes them (inlined into the writer, it did not).

#include <cstddef>

namespace vitask::imaging::detail {

// Whether none of `n` values is outside [low, high] or has a fraction (NaN fails).
bool integersWithin(const float* values, std::size_t n, float low, float high);

// Values already known to fit, as int16, to possibly unaligned bytes.
void narrowToInt16(const float* values, std::size_t n, unsigned char* out);

}  // namespace vitask::imaging::detail
