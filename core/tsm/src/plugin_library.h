#pragma once
// A compiled TSM plug-in's shared library, opened with dlopen(RTLD_NOW | RTLD_LOCAL):
// RTLD_NOW so a missing dependency or symbol fails here, with a message, rather than at
// the first call; RTLD_LOCAL so two plug-ins cannot collide over their own symbols.
//
// Libraries are never unloaded: a plug-in's code may still be referenced after its TSM is
// gone (LibTorch keeps autograd nodes, thread-local state and registered ops that point
// into it), and dlclose under them would crash the application. Opening the same file
// again returns the same handle, so rescanning costs nothing.

#include <filesystem>
#include <string>

namespace vitask::tsm {

class PluginLibrary {
public:
    // Throws vitask::Error naming the file with the loader's reason (not a shared
    // library, a dependency missing, an undefined symbol).
    static PluginLibrary open(const std::filesystem::path& path);

    // The exported symbol of that name, or nullptr.
    void* symbol(const char* name) const;

    const std::filesystem::path& path() const { return path_; }

private:
    PluginLibrary(std::filesystem::path path, void* handle) : path_(std::move(path)), handle_(handle) {}

    std::filesystem::path path_;
    void* handle_ = nullptr;
};

}  // namespace vitask::tsm
