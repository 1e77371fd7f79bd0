#include "vitask/common/atomic_file.h"

#include "vitask/common/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace vitask {
namespace {

std::string systemError(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

void AtomicFile::checkWritableFolder(const std::filesystem::path& folder) {
    const auto dir = folder.empty() ? std::filesystem::path(".") : folder;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw Error("the output folder does not exist", dir.string(), "Create the folder first, or choose an existing one.");
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        throw Error(systemError("the output folder is not writable"), dir.string(),
                    "Choose a folder you may write to, or change its permissions.");
}

AtomicFile::AtomicFile(std::filesystem::path target, unsigned mode) : target_(std::move(target)) {
    checkWritableFolder(target_.parent_path());
    const auto folder = target_.parent_path().empty() ? std::filesystem::path(".") : target_.parent_path();
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
        // Hidden (folder watchers skip it), unique per process and object, and ending
        // with the target's name so that its extension is kept.
        temporary_ = folder / (".vitask-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                               target_.filename().string());
        // The umask applies (0666: like any other file of the user's).
        fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
        if (fd_ < 0 && errno != EEXIST) break;
    }
    if (fd_ < 0)
        throw Error(systemError("cannot create a file in its folder"), target_.string(),
                    "Check that the folder exists and is writable.");
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temporary_.c_str());
}

void AtomicFile::write(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(fd_, bytes, size);
        if (written < 0 && errno == EINTR) continue;
        if (written < 0)
            throw Error(systemError("cannot write"), target_.string(), "Free disk space or choose another folder.");
        bytes += written;
        size -= static_cast<std::size_t>(written);
    }
}

void AtomicFile::commit() {
    // fsync before rename: otherwise a crash can leave the new name pointing at
    // unwritten blocks.
    if (::fsync(fd_) != 0) throw Error(systemError("cannot flush to disk"), target_.string());
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) throw Error(systemError("cannot close the file"), target_.string());
    if (::rename(temporary_.c_str(), target_.c_str()) != 0)
        throw Error(systemError("cannot replace the file"), target_.string(),
                    "Check that the path is not a folder and the folder is writable.");
    committed_ = true;
    const auto folder = target_.parent_path().empty() ? std::filesystem::path(".") : target_.parent_path();
    const int folderFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folderFd >= 0) {
        ::fsync(folderFd);
        ::close(folderFd);
    }
}

void writeTextFileAtomically(const std::filesystem::path& path, std::string_view text) {
    AtomicFile file(path);
    file.write(text);
    file.commit();
}

}  // namespace vitask
