#pragma once
// Internal: a read-only file descriptor for positioned reads straight into the caller's
// memory (no stream buffer in between), closed on every path out.

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace vitask::imaging::detail {

class FileDescriptor {
public:
    explicit FileDescriptor(const std::filesystem::path& file);
    ~FileDescriptor();
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

    bool isOpen() const { return fd_ >= 0; }
    // Reads exactly `size` bytes at `offset`; false on an error or a short file.
    bool readAt(void* out, std::size_t size, std::uint64_t offset) const;

private:
    int fd_;
};

}  // namespace vitask::imaging::detail
