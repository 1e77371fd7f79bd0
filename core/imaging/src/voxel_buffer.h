#pragma once
// Internal: allocation of large voxel arrays. On this kind of machine (a VM, 4 KiB pages)
// first touching 300 MB costs about 0.25 s in page faults, more than decoding the data;
// with transparent huge pages (Debian's default mode is "madvise") it costs about 0.05 s.

#include <cstddef>
#include <vector>

namespace vitask::imaging::detail {

// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with huge
// pages, for blocks of 8 MiB and more, before anything touches them. Only a hint: without
// huge pages everything works as before.
void adviseHugePages(void* data, std::size_t bytes);

// Replaces `voxels` by `count` zeroed values in a fresh block advised as above.
void allocateVoxels(std::vector<float>& voxels, std::size_t count);

}  // namespace vitask::imaging::detail
