#include "vitask/imaging/nifti_reader.h"

#include "file_name.h"
#include "itk_pixels.h"
#include "native_nifti_reader.h"
#include "vitask/common/error.h"

#include <itkNiftiImageIO.h>
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
    auto io = itk::NiftiImageIO::New();
    Volume volume;
    try {
        if (!io->CanReadFile(name.c_str())) {
            throw Error("not a readable NIfTI-1, NIfTI-2 or Analyze image (a .hdr also needs its "
                        ".img partner)",
                        name, "Check that the file is complete, and that .hdr and .img files are "
                              "together.");
        }
        io->SetFileName(name);
        io->ReadImageInformation();
        const unsigned dimensions = io->GetNumberOfDimensions();
        if (dimensions < 2 || dimensions > 4) {
            throw Error("a NIfTI image with " + std::to_string(dimensions) +
                            " dimensions is not supported (2 to 4 are)",
                        name, "Extract the 3D or 4D part with a NIfTI tool first.");
        }
        const std::size_t components = io->GetNumberOfComponents();
        if (components != 1 && components != 3) {
            throw Error("a NIfTI image with " + std::to_string(components) +
                            " components per voxel is not supported (1 or 3 are)",
                        name, "Split the vector components into separate images.");
        }
        for (unsigned d = 0; d < dimensions; ++d) volume.dims[d] = io->GetDimensions(d);
        volume.components = components;
        // ITK reports geometry in LPS, the DICOM patient coordinates, for all NIfTI
        // files; the 4th axis (time) has no place in it.
        for (unsigned d = 0; d < std::min(dimensions, 3u); ++d) {
            volume.spacing[d] = io->GetSpacing(d);
            volume.origin[d] = io->GetOrigin(d);
            const auto axis = io->GetDirection(d);
            for (unsigned r = 0; r < 3 && r < axis.size(); ++r) volume.direction[r * 3 + d] = axis[r];
        }
        volume.orientationKnown = volume.pixelSpacingKnown = true;
        const auto dataFile = headerOnly ? std::filesystem::path(io->GetFileName()).replace_extension(".img") : file;
        detail::requireRoomForVoxels(dataFile, 0, io->GetImageSizeInBytes(),
                                     std::to_string(volume.dims[0]) + "x" + std::to_string(volume.dims[1]) + "x" +
                                         std::to_string(volume.dims[2]) + "x" + std::to_string(volume.dims[3]),
                                     name);
        volume.voxels = detail::readItkPixels(*io);
    } catch (const itk::ExceptionObject& e) {
        throw Error(std::string("cannot read the NIfTI image (") + e.GetDescription() + ")", name,
                    "Check that the file is complete and a valid NIfTI-1/2 image.");
    }
    if (volume.voxels.size() != volume.voxelCount() * volume.components) {
        throw Error("the image holds fewer voxels than its header declares", name,
                    "The file may be truncated; copy it again.");
    }
    volume.photometric = volume.components == 3 ? "RGB" : "MONOCHROME2";
    volume.source = name;
    spdlog::debug("read NIfTI: {}x{}x{}x{}", volume.dims[0], volume.dims[1], volume.dims[2],
                  volume.dims[3]);
    return volume;
}

}  // namespace vitask::imaging
