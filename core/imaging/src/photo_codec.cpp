#include "photo_codec.h"

#include "vitask/common/error.h"

#include <dlfcn.h>

#include <filesystem>

namespace vitask::imaging::detail {

const PhotoCodec& photoCodec() {
    static const PhotoCodec* codec = [] {
        // Beside this library, in the build tree as in an installation.
        Dl_info self{};
        ::dladdr(reinterpret_cast<void*>(&photoCodec), &self);
        const auto file = std::filesystem::path(self.dli_fname ? self.dli_fname : "").parent_path() /
                          "libvitask_imaging_codecs.so";
        void* library = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!library)
            throw Error(std::string("cannot load the PNG/JPEG codecs: ") + ::dlerror(), file.string(),
                        "Reinstall VITask (in a build tree: build the target vitask_imaging_codecs).");
        using Entry = const PhotoCodec* (*)();
        const auto entry = reinterpret_cast<Entry>(::dlsym(library, "vitask_photo_codec"));
        if (!entry) throw Error("is not the PNG/JPEG codec module", file.string(), "Reinstall VITask.");
        return entry();
    }();
    return *codec;
}

}  // namespace vitask::imaging::detail
