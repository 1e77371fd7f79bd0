#pragma once
// Modules: shared libraries that a program loads only when it needs what they hold (the
// CLI's command modules, the imaging codecs, the studio's engine), so that it starts
// without loading their dependencies (LibTorch, OpenCV's codecs).

#include <filesystem>
#include <string>

namespace vitask {

// The folder of the shared library (or program) that holds `symbol`, any function of it.
std::filesystem::path libraryFolder(const void* symbol);

// Loads `file` (once: later calls return the same library) and returns its function
// `entry`. Throws vitask::Error naming the file when it cannot be loaded or lacks the
// entry, saying what it holds (`what`, e.g. "the PNG/JPEG codecs") and the build target
// that makes it. The library stays loaded for the life of the process.
void* moduleEntry(const std::filesystem::path& file, const char* entry, const std::string& what,
                  const std::string& target);

// The table of functions a module beside the library holding `anchor` gives: its entry
// `entry` takes nothing and returns `const Table*` (loaded as moduleEntry does). Call it
// once and keep the result (a function-local static).
template <typename Table>
const Table& moduleTable(const void* anchor, const std::string& fileName, const char* entry, const std::string& what,
                         const std::string& target) {
    using Entry = const Table* (*)();
    return *reinterpret_cast<Entry>(moduleEntry(libraryFolder(anchor) / fileName, entry, what, target))();
}

}  // namespace vitask
