#pragma once
// Internal: the integer a native 16-bit stored value holds (PS3.5 8.1.1), shared by the
// float decoding (dicom_pixels.cpp) and the stored-integer NIfTI output
// (voxel_narrowing.cpp).

#include <cstdint>

namespace vitask::imaging::detail {

// A stored 16-bit value without the bits above Bits Stored, sign-extended when signed;
// `unused` = 16 - Bits Stored. Shifts instead of masks and branches, so loops vectorize.
template <bool Signed>
int storedValue(std::uint16_t raw, int unused) {
    const auto high = std::uint16_t(raw << unused);
    return Signed ? int(std::int16_t(high)) >> unused : int(high) >> unused;
}

}  // namespace vitask::imaging::detail
