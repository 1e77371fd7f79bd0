#pragma once
// gzip members that carry their own compressed size, in an FEXTRA subfield "VT" of 4
// bytes (RFC 1952 allows any: readers skip what they do not know; BGZF does the same
// with "BC"). parallel_blocks.h writes every block as one, so a reader can find all
// members of a file without inflating them, and inflate them at once on every core.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vitask::imaging::detail {

inline constexpr std::size_t kMemberHeaderBytes = 20;  // 10 fixed, XLEN, the "VT" subfield
inline constexpr std::size_t kMemberTrailerBytes = 8;  // CRC-32, ISIZE

// Completes the member whose raw deflate data (deflatedBytes of it) already sits at
// member + kMemberHeaderBytes: header before, CRC-32 and input size after.
void finishMember(unsigned char* member, std::size_t deflatedBytes, std::uint32_t crc, std::uint32_t inputBytes);

struct SizedMember {
    std::size_t offset = 0, size = 0;         // in the compressed data
    std::size_t outOffset = 0, outSize = 0;   // in the inflated data
};

// The members of `data` when each says its size and together they are exactly `data`;
// empty otherwise (another writer's gzip: inflate it from the start).
std::vector<SizedMember> sizedMembers(const unsigned char* data, std::size_t size);

// Inflates the members into `out` (their outOffset, outSize) on up to `threads` threads.
// False when one fails (damage): nothing else is promised about `out` then.
bool inflateMembers(const unsigned char* data, const std::vector<SizedMember>& members, unsigned char* out,
                    std::size_t threads);

}  // namespace vitask::imaging::detail
