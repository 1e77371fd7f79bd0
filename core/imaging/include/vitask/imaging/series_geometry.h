#pragma once
// Orders the instances of a series and finds what makes its geometry doubtful: gaps,
// duplicate positions, mixed orientation, mixed pixel spacing or image size.

#include "vitask/imaging/dicom_tree.h"

#include <array>

namespace vitask::imaging {

class SeriesGeometry {
public:
    // Sorts series.instances by position along the slice normal (fallback: instance
    // number, then file name) and replaces series.warnings with what it finds.
    static void analyze(DicomSeries& series);

    // Unit normal (row x column cosines) of an Image Orientation (Patient).
    static std::array<double, 3> normal(const std::array<double, 6>& orientation);
};

}  // namespace vitask::imaging
