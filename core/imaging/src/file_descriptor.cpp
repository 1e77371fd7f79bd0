#include "file_descriptor.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace vitask::imaging::detail {

FileDescriptor::FileDescriptor(const std::filesystem::path& file)
    : fd_(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) {}

FileDescriptor::~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
}

bool FileDescriptor::readAt(void* out, std::size_t size, std::uint64_t offset) const {
    char* bytes = static_cast<char*>(out);
    while (size > 0) {
        const ssize_t got = ::pread(fd_, bytes, size, off_t(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        bytes += got;
        size -= std::size_t(got);
        offset += std::uint64_t(got);
    }
    return true;
}

}  // namespace vitask::imaging::detail
