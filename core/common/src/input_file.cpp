#include "vitask/common/input_file.h"

#include "vitask/common/error.h"

#include <cerrno>
#include <cstring>

namespace vitask {

std::ifstream openInputFile(const std::filesystem::path& path, const std::string& what, std::ios::openmode mode) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(what + " is a folder, not a file", path.string(), "Give the file itself.");
    errno = 0;
    std::ifstream in(path, mode);
    if (!in) {
        const std::string reason = errno != 0 ? std::strerror(errno) : "cannot be opened";
        throw Error("cannot open " + what + " (" + reason + ")", path.string(), "Check that it exists and is readable.");
    }
    return in;
}

}  // namespace vitask
