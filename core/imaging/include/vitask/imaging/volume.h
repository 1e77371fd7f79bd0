#pragma once
// A decoded image volume in plain types, shared by the engine, the CLI and the studio
// (which must not see DCMTK, ITK or LibTorch headers).

#include "vitask/imaging/window.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace vitask::imaging {

// Voxels are float32 values after the modality LUT (rescale slope/intercept, NIfTI
// scl_slope/scl_inter), laid out x fastest, then y, z, t; colour volumes interleave their
// components (RGB) innermost. Geometry is in DICOM patient coordinates (LPS, millimetres):
// the centre of voxel (i, j, k) lies at origin + direction * diag(spacing) * (i, j, k).
struct Volume {
    std::array<std::size_t, 4> dims{0, 0, 0, 1};    // x (columns), y (rows), z, t
    std::size_t components = 1;                     // 1 grey, 3 RGB
    std::vector<float> voxels;

    std::array<double, 3> spacing{1.0, 1.0, 1.0};   // mm between voxel centres along i, j, k
    // Whether spacing[0..1] comes from the data (DICOM Pixel Spacing or Imager Pixel
    // Spacing, a NIfTI header); a photograph or a plain image has none, and 1 mm is a guess.
    bool pixelSpacingKnown = false;
    std::array<double, 3> origin{0.0, 0.0, 0.0};    // LPS position of voxel (0, 0, 0)
    // Row-major 3x3; column c is the unit LPS direction of voxel axis c (i, j, k).
    std::array<double, 9> direction{1, 0, 0, 0, 1, 0, 0, 0, 1};
    // Whether `direction` comes from the data (DICOM Image Orientation (Patient), a NIfTI
    // header). Projection radiographs, photographs and plain images have none: their
    // direction is the identity and says nothing about the patient.
    bool orientationKnown = false;
    // For those, DICOM Patient Orientation (0020,0020) when the file gives it: the patient
    // directions along the rows (left to right) and down the columns, e.g. {"L", "F"} for
    // a PA chest radiograph; empty strings otherwise.
    std::array<std::string, 2> patientOrientation;

    // DICOM photometric interpretation of the stored data ("MONOCHROME1", "MONOCHROME2",
    // "RGB", ...). Colour data is always converted to RGB; MONOCHROME1 values are kept as
    // stored (after the modality LUT) and inverted only for display, see Window.
    std::string photometric = "MONOCHROME2";
    std::string modality;                           // "CT", "MR", ...; empty for NIfTI
    // The file's own VOI presets: VOI LUTs first, then Window Center/Width pairs. For an
    // enhanced multi-frame object those of the Shared Functional Groups (Frame VOI LUT
    // Sequence), or of its first frame when only frames carry them.
    std::vector<Window> windows;
    // Per z slice, when the frames of an enhanced multi-frame object carry their own
    // windows (Per-frame Functional Groups, Frame VOI LUT Sequence); empty otherwise.
    std::vector<std::vector<Window>> sliceWindows;
    std::string source;                             // the file or series it came from
    // The smallest and largest value (first component of colour data), when the loader
    // has computed it (imaging::loadSeries does, on the thread that decodes): then
    // autoWindow() and defaultWindow() need no pass over the voxels, which for a 300-slice
    // CT would cost a viewer's UI thread a tenth of a second. Code that changes the
    // voxels of a loaded volume must reset it.
    std::optional<std::array<float, 2>> valueRange;

    std::size_t voxelCount() const { return dims[0] * dims[1] * dims[2] * dims[3]; }
    std::size_t sliceSize() const { return dims[0] * dims[1] * components; }
    bool isColour() const { return components == 3; }
    bool isMonochrome1() const { return photometric == "MONOCHROME1"; }

    float at(std::size_t x, std::size_t y, std::size_t z, std::size_t t = 0,
             std::size_t component = 0) const {
        return voxels[(((t * dims[2] + z) * dims[1] + y) * dims[0] + x) * components + component];
    }
};

}  // namespace vitask::imaging
