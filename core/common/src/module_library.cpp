#include "vitask/common/module_library.h"

#include "vitask/common/error.h"

#include <dlfcn.h>

namespace vitask {

std::filesystem::path libraryFolder(const void* symbol) {
    Dl_info self{};
    ::dladdr(symbol, &self);
    return std::filesystem::path(self.dli_fname ? self.dli_fname : "").parent_path();
}

void* moduleEntry(const std::filesystem::path& file, const char* entry, const std::string& what,
                  const std::string& target) {
    void* library = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library)
        throw Error("cannot load " + what + ": " + ::dlerror(), file.string(),
                    "Reinstall VITask (in a build tree: build the target " + target + ").");
    void* function = ::dlsym(library, entry);
    if (!function) throw Error("is not the module of " + what, file.string(), "Reinstall VITask.");
    return function;
}

}  // namespace vitask
