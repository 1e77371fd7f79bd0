#pragma once
// The passes over every voxel that writing an integer NIfTI takes, in a file of their own
// so that the compiler vectorizes them (inlined into the writer, it did not).

#include <cstddef>
#include <cstdint>

namespace vitask::imaging::detail {

// Whether none of `n` values is outside [low, high] or has a fraction (NaN fails).
bool integersWithin(const float* values, std::size_t n, float low, float high);

// Native 16-bit stored values, in place, as the integers a NIfTI file holds: masked to
// `bitsStored`, sign-extended when `isSigned`, plus `offset` (known to keep them in range).
void storedToIntegers(std::uint16_t* values, std::size_t n, int bitsStored, bool isSigned, int offset);

// Values already known to fit, as int16, to possibly unaligned bytes.
void narrowToInt16(const float* values, std::size_t n, unsigned char* out);

}  // namespace vitask::imaging::detail
