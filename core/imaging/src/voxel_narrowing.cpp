#include "voxel_narrowing.h"

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

void storedToIntegers(std::uint16_t* __restrict values, std::size_t n, int bitsStored, bool isSigned, int offset) {
    const int shift = 16 - bitsStored;
    const auto add = static_cast<std::uint16_t>(offset);  // two's complement: wraps as int16 would
    if (isSigned) {
        for (std::size_t i = 0; i < n; ++i) {
            const auto extended = static_cast<std::int16_t>(static_cast<std::uint16_t>(values[i] << shift)) >> shift;
            values[i] = static_cast<std::uint16_t>(static_cast<std::uint16_t>(extended) + add);
        }
    } else {
        const auto mask = static_cast<std::uint16_t>(0xFFFFu >> shift);
        for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<std::uint16_t>((values[i] & mask) + add);
    }
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
