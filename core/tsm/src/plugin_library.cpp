#include "plugin_library.h"

#include "vitask/common/error.h"

#include <dlfcn.h>

#include <mutex>

namespace vitask::tsm {
namespace {

// dlerror() is process-wide state: serialise open + dlerror so messages stay paired.
std::mutex& dlMutex() {
    static std::mutex mutex;
    return mutex;
}

}  // namespace

PluginLibrary PluginLibrary::open(const std::filesystem::path& path) {
    std::lock_guard<std::mutex> lock(dlMutex());
    dlerror();  // clear a stale message
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* reason = dlerror();
        throw Error(std::string("cannot load the TSM plug-in: ") + (reason ? reason : "unknown dynamic loader error"),
                    path.string(),
                    "Check that it is a shared library built for this VITask (same compiler and LibTorch) "
                    "and that the libraries it needs are installed (ldd shows which are missing).");
    }
    return PluginLibrary(path, handle);
}

void* PluginLibrary::symbol(const char* name) const {
    std::lock_guard<std::mutex> lock(dlMutex());
    dlerror();
    return dlsym(handle_, name);
}

}  // namespace vitask::tsm
