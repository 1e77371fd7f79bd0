#include "vitask/common/atomic_file.h"

#include "vitask/common/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

namespace vitask {
namespace {

std::filesystem::path temporarySibling(const std::filesystem::path& path) {
    std::random_device random;
    return path.parent_path() / ("." + path.filename().string() + ".tmp" + std::to_string(random()));
}

// fsync so that the rename never exposes a file whose data is still only in the page cache.
void syncToDisk(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const auto temporary = temporarySibling(path.has_parent_path() ? path : folder / path);
    try {
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            if (!out)
                throw Error(std::string("cannot create a file: ") + std::strerror(errno), path.string(),
                            "Check that the folder exists and is writable.");
            write(out);
            out.flush();
            if (!out)
                throw Error("writing failed (disk full?)", path.string(), "Free some disk space and try again.");
        }
        syncToDisk(temporary);
        std::filesystem::rename(temporary, path);
    } catch (...) {
        std::filesystem::remove(temporary, ec);
        throw;
    }
}

void writeTextFileAtomically(const std::filesystem::path& path, const std::string& text) {
    writeFileAtomically(path, [&](std::ostream& out) { out << text; });
}

}  // namespace vitask
