#include "itk_codec.h"

#include "vitask/common/module_library.h"

namespace vitask::imaging::detail {

const ItkCodec& itkCodec() {
    // Beside this library, in the build tree as in an installation.
    static const ItkCodec& codec = moduleTable<ItkCodec>(
        reinterpret_cast<const void*>(&itkCodec), "libvitask_imaging_itk.so", "vitask_itk_codec",
        "the ITK image codecs (JPEG 2000, Analyze, colour NIfTI)", "vitask_imaging_itk");
    return codec;
}

}  // namespace vitask::imaging::detail
