#include "photo_codec.h"

#include "vitask/common/module_library.h"

namespace vitask::imaging::detail {

const PhotoCodec& photoCodec() {
    // Beside this library, in the build tree as in an installation.
    static const PhotoCodec& codec =
        moduleTable<PhotoCodec>(reinterpret_cast<const void*>(&photoCodec), "libvitask_imaging_codecs.so",
                                "vitask_photo_codec", "the PNG/JPEG codecs", "vitask_imaging_codecs");
    return codec;
}

}  // namespace vitask::imaging::detail
