#include "voxel_narrowing.h"

#include "stored_value.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace vitask::imaging::detail {

bool integersWithin(const float* __restrict values, std::size_t n, float low, float high) {
    unsigned bad = 0;  // no branch in the loop
    for (std::size_t i = 0; i < n; ++i) {
        const float x = values[i];
        const float clamped = x < low ? low : (x > high ? high : x);
        bad |= (clamped != x) | (static_cast<float>(static_cast<std::int32_t>(clamped)) != clamped);
    }
    return bad == 0;
}

namespace {

template <bool Signed>
void addToStored(std::uint16_t* __restrict values, std::size_t n, int unused, int offset) {
    // Two's complement: wraps as int16 would, and the caller knows the sums fit.
    for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<std::uint16_t>(storedValue<Signed>(values[i], unused) + offset);
}

}  // namespace

void storedToIntegers(std::uint16_t* values, std::size_t n, int bitsStored, bool isSigned, int offset) {
    if (isSigned) addToStored<true>(values, n, 16 - bitsStored, offset);
    else addToStored<false>(values, n, 16 - bitsStored, offset);
}

void narrowToInt16(const float* __restrict values, std::size_t n, unsigned char* out) {
    constexpr std::size_t kChunk = 4096;
    std::int16_t chunk[kChunk];
    for (std::size_t start = 0; start < n; start += kChunk) {
        const std::size_t count = std::min(kChunk, n - start);
        for (std::size_t i = 0; i < count; ++i) chunk[i] = static_cast<std::int16_t>(values[start + i]);
        std::memcpy(out + start * sizeof(std::int16_t), chunk, count * sizeof(std::int16_t));
    }
}

}  // namespace vitask::imaging::detail
