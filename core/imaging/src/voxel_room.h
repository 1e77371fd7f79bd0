#pragma once
// Internal: the check every NIfTI reader (ours, ITK's in the codec module) makes before
// allocating voxels.

#include <cstdint>
#include <filesystem>
#include <string>

namespace vitask::imaging::detail {

// Nothing is allocated for voxels a file cannot hold (a 1 KB file whose header declares
// 150 GB, found by tests/fuzz/fuzz_nifti). Throws vitask::Error naming `name` unless
// `dataFile` has room for `bytes` of voxel data after `start`: stored, in the file itself;
// gzip-compressed, up to 1032 times the file's size (deflate's largest ratio). `dims`
// ("256x256x128x1") is for the message.
void requireRoomForVoxels(const std::filesystem::path& dataFile, std::uint64_t start, std::uint64_t bytes,
                          const std::string& dims, const std::string& name);

}  // namespace vitask::imaging::detail
