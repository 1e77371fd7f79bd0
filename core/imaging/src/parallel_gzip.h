#pragma once
// gzip on every core, as pigz does: the input cut into blocks that libdeflate compresses
// at once on several threads, each block a gzip member of its own (a file of several
// members is one valid gzip stream: zlib, Python's gzip, nibabel, ITK and our own NIfTI
// reader read it whole). The blocks are produced on demand, so a volume is never held
// twice: `fill` writes the next block's bytes, the compressed members go to `sink` in order.

#include <cstddef>
#include <functional>

namespace vitask::imaging::detail {

struct GzipBlocks {
    std::size_t totalBytes = 0;
    std::size_t blockBytes = std::size_t{4} << 20;
    // Writes bytes [offset, offset + size) of the input to `out` (called from any thread).
    std::function<void(std::size_t offset, std::size_t size, unsigned char* out)> fill;
    // Takes the next compressed member, in input order (called on the caller's thread).
    std::function<void(const unsigned char* data, std::size_t size)> sink;
};

// Compression level as gzip's (1 fastest .. 12 smallest with libdeflate); 6 as pigz's default.
void writeParallelGzip(const GzipBlocks& blocks, int level = 6);

}  // namespace vitask::imaging::detail
