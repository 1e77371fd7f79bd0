#include "voxel_room.h"

#include "file_descriptor.h"
#include "vitask/common/error.h"

namespace vitask::imaging::detail {

namespace fs = std::filesystem;

void requireRoomForVoxels(const fs::path& dataFile, std::uint64_t start, std::uint64_t bytes, const std::string& dims,
                          const std::string& name) {
    std::error_code ec;
    const std::uint64_t fileSize = fs::file_size(dataFile, ec);
    const FileDescriptor fd(dataFile);
    unsigned char magic[2] = {};
    if (ec || !fd.isOpen() || !fd.readAt(magic, 2, 0)) return;  // the reader reports a missing or empty file
    const bool gzip = magic[0] == 0x1f && magic[1] == 0x8b;
    const std::uint64_t room = gzip ? fileSize * 1032 + 1024 : fileSize;
    if (bytes > room || start > room - bytes) {
        throw Error("the header declares " + dims + " voxels (" +
                        (bytes == UINT64_MAX ? std::string("over 2^64") : std::to_string(bytes)) +
                        " bytes), more than the file can hold (" + std::to_string(fileSize) + " bytes" +
                        (gzip ? ", gzip-compressed)" : "): it is truncated or its header is damaged"),
                    name, "Copy the file again from its source.");
    }
}

}  // namespace vitask::imaging::detail
