// The ITK codec module (src/itk_codec.h): ITK's GDCM and NIfTI image IO.

#include "itk_codec.h"
#include "itk_pixels.h"
#include "native_nifti_reader.h"
#include "voxel_narrowing.h"
#include "vitask/common/error.h"

#include <itkGDCMImageIO.h>
#include <itkNiftiImageIO.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace vitask::imaging::detail {
namespace {

namespace fs = std::filesystem;

class ItkImageCodec : public ItkCodec {
public:
    DecodedPixels decodeJpeg2000(const fs::path& copy, const fs::path& file, std::size_t frames) const override {
        auto io = itk::GDCMImageIO::New();
        DecodedPixels out;
        try {
            io->SetFileName(copy.string());
            io->ReadImageInformation();
            out.columns = io->GetDimensions(0);
            out.rows = io->GetDimensions(1);
            out.frames = io->GetNumberOfDimensions() > 2 ? io->GetDimensions(2) : 1;
            out.components = io->GetNumberOfComponents();
            // GDCM applies Rescale Slope/Intercept itself and converts YBR to RGB.
            out.values = readItkPixels(*io);
        } catch (const itk::ExceptionObject& e) {
            throw Error(std::string("cannot decode the JPEG 2000 pixel data (") + e.GetDescription() + ")",
                        file.string(), "The file may be damaged; open it in another viewer to check.");
        }
        if (out.components != 1 && out.components != 3) {
            throw Error("unsupported number of samples per pixel: " + std::to_string(out.components),
                        file.string(), "Only greyscale and RGB images can be opened.");
        }
        if (out.frames != frames ||
            out.values.size() != out.columns * out.rows * out.frames * out.components) {
            throw Error("the JPEG 2000 decoder returned fewer frames than the header declares",
                        file.string(), "The file may be truncated; copy it again.");
        }
        out.photometric = out.components == 3 ? "RGB" : "";
        return out;
    }

    Volume readNifti(const fs::path& file, bool headerOnly) const override {
        const std::string name = file.string();
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
            requireRoomForVoxels(dataFile, 0, io->GetImageSizeInBytes(),
                                         std::to_string(volume.dims[0]) + "x" + std::to_string(volume.dims[1]) + "x" +
                                             std::to_string(volume.dims[2]) + "x" + std::to_string(volume.dims[3]),
                                         name);
            volume.voxels = readItkPixels(*io);
        } catch (const itk::ExceptionObject& e) {
            throw Error(std::string("cannot read the NIfTI image (") + e.GetDescription() + ")", name,
                        "Check that the file is complete and a valid NIfTI-1/2 image.");
        }
        if (volume.voxels.size() != volume.voxelCount() * volume.components) {
            throw Error("the image holds fewer voxels than its header declares", name,
                        "The file may be truncated; copy it again.");
        }
        return volume;
    }

    void writeColourNifti(const Volume& volume, const fs::path& writeTo, const fs::path& file) const override {
        try {
            write(volume, writeTo);
        } catch (const itk::ExceptionObject& e) {
            throw Error(std::string("cannot write the NIfTI image (") + e.GetDescription() + ")", file.string(),
                        "Check the free space on the disk and the folder's permissions.");
        }
    }

private:
    static void write(const Volume& volume, const fs::path& writeTo) {
        const unsigned dimensions = volume.dims[3] > 1 ? 4 : 3;
        auto io = itk::NiftiImageIO::New();
        io->SetNumberOfDimensions(dimensions);
        itk::ImageIORegion region(dimensions);
        for (unsigned d = 0; d < dimensions; ++d) {
            io->SetDimensions(d, static_cast<unsigned>(volume.dims[d]));
            region.SetIndex(d, 0);
            region.SetSize(d, volume.dims[d]);
            // The time axis has no place in patient space: unit spacing, its own direction.
            io->SetSpacing(d, d < 3 ? volume.spacing[d] : 1.0);
            io->SetOrigin(d, d < 3 ? volume.origin[d] : 0.0);
            std::vector<double> axis(dimensions, 0.0);
            if (d < 3) {
                for (unsigned r = 0; r < 3; ++r) axis[r] = volume.direction[r * 3 + d];
            } else {
                axis[d] = 1.0;
            }
            io->SetDirection(d, axis);
        }
        io->SetIORegion(region);
        // Keep the narrowed copy alive until ITK has written it.
        std::vector<std::uint8_t> bytes;
        const void* buffer = volume.voxels.data();
        io->SetNumberOfComponents(3);
        if (integersWithin(volume.voxels.data(), volume.voxels.size(), 0, 255)) {
            bytes.assign(volume.voxels.begin(), volume.voxels.end());  // each value already a 0..255 integer
            buffer = bytes.data();
            io->SetPixelType(itk::IOPixelEnum::RGB);
            io->SetComponentType(itk::IOComponentEnum::UCHAR);
        } else {
            io->SetPixelType(itk::IOPixelEnum::VECTOR);
            io->SetComponentType(itk::IOComponentEnum::FLOAT);
        }
        io->SetFileName(writeTo.string());
        io->WriteImageInformation();
        io->Write(buffer);
    }
};

}  // namespace
}  // namespace vitask::imaging::detail

extern "C" __attribute__((visibility("default"))) const vitask::imaging::detail::ItkCodec* vitask_itk_codec() {
    static const vitask::imaging::detail::ItkImageCodec codec;
    return &codec;
}
