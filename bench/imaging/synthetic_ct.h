#pragma once
// A synthetic CT series written as real DICOM files with DCMTK: int16 stored values,
// Rescale Intercept -1024, Image Position/Orientation, Pixel Spacing. A body-like ellipse
// with bone and lung regions plus noise, so that compression sees realistic content.

#include <cstddef>
#include <filesystem>

namespace vitask::bench {

struct SyntheticCt {
    std::size_t columns = 512, rows = 512, slices = 300;
    // Writes slice0000.dcm ... into `folder` (explicit VR little endian, uncompressed).
    void write(const std::filesystem::path& folder) const;
    // Hounsfield value of voxel (x, y, z): what a reader must return.
    short hounsfield(std::size_t x, std::size_t y, std::size_t z) const;
};

}  // namespace vitask::bench
