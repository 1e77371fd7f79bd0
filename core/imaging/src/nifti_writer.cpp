#include "vitask/imaging/nifti_writer.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <itkNiftiImageIO.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace vitask::imaging {
namespace {

// Whether every value is an integer in [low, high], so a narrower type loses nothing.
bool integersWithin(const std::vector<float>& values, double low, double high) {
    for (const float v : values) {
        if (!(v >= low && v <= high) || v != std::nearbyint(v)) return false;
    }
    return true;
}

template <typename T>
std::vector<T> narrowed(const std::vector<float>& values) {
    std::vector<T> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<T>(values[i]);
    return out;
}

}  // namespace

void NiftiWriter::write(const Volume& volume, const std::filesystem::path& file) {
    if (volume.voxels.size() != volume.voxelCount() * volume.components || volume.voxels.empty()) {
        throw Error("the volume holds no voxels or fewer than its size says", file.string(),
                    "Read the image again; nothing was written.");
    }
    vitask::AtomicFile out(file);
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
    std::vector<std::int16_t> shorts;
    std::vector<std::uint8_t> bytes;
    const void* buffer = volume.voxels.data();
    using C = itk::IOComponentEnum;
    using P = itk::IOPixelEnum;
    if (volume.isColour()) {
        io->SetNumberOfComponents(3);
        if (integersWithin(volume.voxels, 0, 255)) {
            bytes = narrowed<std::uint8_t>(volume.voxels);
            buffer = bytes.data();
            io->SetPixelType(P::RGB);
            io->SetComponentType(C::UCHAR);
        } else {
            io->SetPixelType(P::VECTOR);
            io->SetComponentType(C::FLOAT);
        }
    } else {
        io->SetNumberOfComponents(1);
        io->SetPixelType(P::SCALAR);
        if (integersWithin(volume.voxels, std::numeric_limits<std::int16_t>::min(),
                           std::numeric_limits<std::int16_t>::max())) {
            shorts = narrowed<std::int16_t>(volume.voxels);
            buffer = shorts.data();
            io->SetComponentType(C::SHORT);
        } else {
            io->SetComponentType(C::FLOAT);
        }
    }
    try {
        io->SetFileName(out.temporaryPath().string());
        io->WriteImageInformation();
        io->Write(buffer);
    } catch (const itk::ExceptionObject& e) {
        throw Error(std::string("cannot write the NIfTI image (") + e.GetDescription() + ")",
                    file.string(), "Check the free space on the disk and the folder's permissions.");
    }
    out.commit();
}

}  // namespace vitask::imaging
