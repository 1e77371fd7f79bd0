#pragma once
// Writing files so that a crash, a full disk or an exception never leaves a half-written
// file behind or destroys the previous version: the content goes to a temporary file in
// the same folder, is flushed to disk, and only then renamed over the target (one
// atomic step); the folder is flushed too, so the rename itself survives a crash.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace vitask {

class AtomicFile {
public:
    // Creates the temporary file beside `target`. Throws vitask::Error naming `target`
    // when its folder does not exist or is not writable (folders are not created here:
    // a mistyped path should fail, not grow a new tree). `mode` as for open(2): 0600 for
    // a file only its owner may read (secrets).
    explicit AtomicFile(std::filesystem::path target, unsigned mode = 0666);
    // Removes the temporary file unless commit() succeeded: the target stays as it was.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // The temporary file. Its name ends with the target's file name, so a library that
    // picks the encoding from the extension (ITK: ".nii.gz") can write to it directly.
    const std::filesystem::path& temporaryPath() const { return temporary_; }
    const std::filesystem::path& target() const { return target_; }

    void write(const void* data, std::size_t size);  // throws vitask::Error (disk full, ...)
    void write(std::string_view text) { write(text.data(), text.size()); }
    // fsync, rename over the target, fsync the folder.
    void commit();

    // Throws vitask::Error naming `folder` unless it exists and this process may create
    // files in it (a check before expensive work, so that it fails early).
    static void checkWritableFolder(const std::filesystem::path& folder);

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    int fd_ = -1;
    bool committed_ = false;
};

void writeTextFileAtomically(const std::filesystem::path& path, std::string_view text);

}  // namespace vitask
