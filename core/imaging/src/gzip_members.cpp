#include "gzip_members.h"

#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

namespace vitask::imaging::detail {
namespace {

void put32(unsigned char* at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(value >> (8 * i));
}

std::uint32_t get32(const unsigned char* at) {
    return std::uint32_t(at[0]) | std::uint32_t(at[1]) << 8 | std::uint32_t(at[2]) << 16 | std::uint32_t(at[3]) << 24;
}

struct DecompressorCloser {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

}  // namespace

void finishMember(unsigned char* member, std::size_t deflatedBytes, std::uint32_t crc, std::uint32_t inputBytes) {
    const unsigned char header[kMemberHeaderBytes - 4] = {
        0x1f, 0x8b, 8, 0x04,  // magic, deflate, FLG.FEXTRA
        0, 0, 0, 0, 0, 255,   // no time, no extra flags, unknown OS
        8, 0,                 // XLEN
        'V', 'T', 4, 0};      // the subfield and its length
    std::copy(header, header + sizeof header, member);
    const std::size_t total = kMemberHeaderBytes + deflatedBytes + kMemberTrailerBytes;
    put32(member + kMemberHeaderBytes - 4, static_cast<std::uint32_t>(total));
    put32(member + kMemberHeaderBytes + deflatedBytes, crc);
    put32(member + kMemberHeaderBytes + deflatedBytes + 4, inputBytes);
}

std::vector<SizedMember> sizedMembers(const unsigned char* data, std::size_t size) {
    std::vector<SizedMember> members;
    std::size_t offset = 0, outOffset = 0;
    while (offset < size) {
        const unsigned char* m = data + offset;
        if (size - offset < kMemberHeaderBytes + kMemberTrailerBytes || m[0] != 0x1f || m[1] != 0x8b || m[2] != 8 ||
            m[3] != 0x04 || m[10] != 8 || m[11] != 0 || m[12] != 'V' || m[13] != 'T' || m[14] != 4 || m[15] != 0)
            return {};
        const std::size_t memberSize = get32(m + 16);
        if (memberSize < kMemberHeaderBytes + kMemberTrailerBytes || memberSize > size - offset) return {};
        const std::size_t outSize = get32(m + memberSize - 4);
        members.push_back({offset, memberSize, outOffset, outSize});
        offset += memberSize;
        outOffset += outSize;
    }
    return members;
}

bool inflateMembers(const unsigned char* data, const std::vector<SizedMember>& members, unsigned char* out,
                    std::size_t threads) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> good{true};
    const auto work = [&] {
        std::unique_ptr<libdeflate_decompressor, DecompressorCloser> inflater(libdeflate_alloc_decompressor());
        if (!inflater) good = false;
        for (std::size_t k = next++; k < members.size() && good; k = next++) {
            const auto& m = members[k];
            std::size_t used = 0, made = 0;
            if (libdeflate_gzip_decompress_ex(inflater.get(), data + m.offset, m.size, out + m.outOffset, m.outSize,
                                              &used, &made) != LIBDEFLATE_SUCCESS ||
                used != m.size || made != m.outSize)
                good = false;
        }
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < std::min(threads, members.size()); ++t) helpers.emplace_back(work);
    work();
    for (auto& helper : helpers) helper.join();
    return good;
}

}  // namespace vitask::imaging::detail
