#include "vitask/imaging/nifti_reader.h"

#include "file_name.h"
#include "itk_codec.h"
#include "native_nifti_reader.h"
#include "vitask/common/error.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace vitask::imaging {

bool NiftiReader::hasNiftiExtension(const std::filesystem::path& file) {
    const std::string name = detail::lowerFileName(file);
    for (const char* suffix : {".nii", ".nii.gz", ".hdr", ".img", ".hdr.gz", ".img.gz"})
        if (detail::endsWith(name, suffix)) return true;
    return false;
}

Volume NiftiReader::read(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        throw Error("no such file", name, "Check the path.");
    }
    // A .hdr holds the header only; without the .img beside it ITK (Analyze, NIfTI-1 pairs)
    // would fail with a bare "nifti_image_load failed".
    const std::string lower = detail::lowerFileName(file);
    const bool headerOnly = detail::endsWith(lower, ".hdr") || detail::endsWith(lower, ".hdr.gz");
    if (headerOnly) {
        const std::string stem = name.substr(0, name.size() - (detail::endsWith(lower, ".gz") ? 7 : 4));
        bool partner = false;
        for (const char* suffix : {".img", ".img.gz", ".IMG", ".IMG.GZ"})
            partner = partner || std::filesystem::is_regular_file(stem + suffix, ec);
        if (!partner) {
            throw Error("the .img file holding the voxels is missing (" +
                            std::filesystem::path(stem + ".img").filename().string() + " beside the header)",
                        name, "Keep the .hdr and .img files together, with the same name.");
        }
    }
    // NIfTI-2 (which ITK 5.2 cannot read) and single-file NIfTI-1, in less time and memory
    // than through ITK; ITK keeps Analyze, NIfTI-1 .hdr/.img pairs and vector images.
    if (auto native = detail::NativeNiftiReader::read(file)) {
        spdlog::debug("read NIfTI: {}x{}x{}x{}", native->dims[0], native->dims[1], native->dims[2],
                      native->dims[3]);
        return std::move(*native);
    }
    Volume volume = detail::itkCodec().readNifti(file, headerOnly);
    volume.photometric = volume.components == 3 ? "RGB" : "MONOCHROME2";
    volume.source = name;
    spdlog::debug("read NIfTI: {}x{}x{}x{}", volume.dims[0], volume.dims[1], volume.dims[2],
                  volume.dims[3]);
    return volume;
}

}  // namespace vitask::imaging
