#pragma once
// Writing files so that a crash, a full disk or an exception never leaves a half-written
// file behind or destroys the previous version: the content goes to a temporary file in
// the same folder, is flushed to disk, and then renamed over the target in one step.

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace vitask {

// Calls `write` with a stream to a temporary file, then replaces `path` with it. If
// `write` throws or the stream fails, the temporary file is removed, `path` is left as
// it was, and the exception (or a vitask::Error naming the file) propagates. The parent
// folder is created when missing.
void writeFileAtomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

void writeTextFileAtomically(const std::filesystem::path& path, const std::string& text);

}  // namespace vitask
