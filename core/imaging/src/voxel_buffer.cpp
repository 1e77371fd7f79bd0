#include "voxel_buffer.h"

#include <sys/mman.h>

#include <cstdint>
#include <utility>

namespace vitask::imaging::detail {

void adviseHugePages(void* data, std::size_t bytes) {
    constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
    if (bytes < 4 * kHugePage) return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

void allocateVoxels(std::vector<float>& voxels, std::size_t count) {
    std::vector<float>().swap(voxels);  // the old block goes first: never two at once
    std::vector<float> fresh;
    fresh.reserve(count);
    // Before resize() touches the block: its zero fill then faults 2 MiB at a time.
    adviseHugePages(fresh.data(), count * sizeof(float));
    fresh.resize(count);
    voxels = std::move(fresh);
}

}  // namespace vitask::imaging::detail
