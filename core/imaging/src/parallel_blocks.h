#pragma once
// A file's bytes made block by block on every core and written in order: as they are, or
// gzip-compressed as pigz does, libdeflate compressing several blocks at once, each
// block a gzip member of its own that says its size (gzip_members.h) (a file of several members is one valid gzip stream:
// zlib, Python's gzip, nibabel, ITK and our own NIfTI reader read it whole). The blocks
// are made on demand, so a volume is never held twice: `fill` writes a block's bytes,
// `sink` takes each block (or its member) in order.

#include <cstddef>
#include <functional>

namespace vitask::imaging::detail {

struct FileBlocks {
    std::size_t totalBytes = 0;
    std::size_t blockBytes = std::size_t{4} << 20;
    // Writes bytes [offset, offset + size) of the input to `out` (called from any thread).
    std::function<void(std::size_t offset, std::size_t size, unsigned char* out)> fill;
    // Takes the next block or member, in input order (called on the caller's thread).
    std::function<void(const unsigned char* data, std::size_t size)> sink;
};

// gzipLevel as gzip's (1 fastest .. 12 smallest with libdeflate; 6 is pigz's default),
// or 0 to write the blocks as they are. An exception from `fill` on any thread reaches the
// caller once that round's blocks are made; the blocks before it have been sunk.
void writeBlocksInParallel(const FileBlocks& blocks, int gzipLevel);

}  // namespace vitask::imaging::detail
