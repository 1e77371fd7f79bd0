#pragma once
// Internal: what every way of reading a series as one volume shares — which instances
// stack, how many time points they hold, and where the stack lies in patient space — so
// the float read (DicomReader::readSeries) and the stored-values read (stored_series.h)
// place a series the same way.

#include "vitask/imaging/dicom_tree.h"
#include "vitask/imaging/volume.h"

#include <array>
#include <cstddef>
#include <vector>

namespace vitask::imaging::detail {

inline double dot(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

// The middle value (the upper one of an even count); `values` must not be empty.
double median(std::vector<double> values);

// Direction columns i, j from the row and column cosines, k along their normal times
// `normalSign`.
void setSliceDirection(Volume& volume, const std::array<double, 6>& orientation, double normalSign);

// The instances with pixel data, in the series' order. Throws vitask::Error naming the
// series when there are none, or when they differ in image size or orientation (a volume
// cannot hold them).
std::vector<const DicomInstance*> stackableImages(const DicomSeries& series);

// The time points a stack of `slices` frames from `images.size()` files is read as: the
// series' own when every file is one frame and they divide evenly, else 1. The files are
// ordered position-major (all time points of a slice together).
std::size_t timePointsOf(const DicomSeries& series, std::size_t images, std::size_t slices);

// Sets the z spacing, origin and direction of a volume stacked from `images` (by their
// positions when the series was sorted by them), or the patient orientation of images
// without a position. Dims and in-plane spacing are the caller's.
void placeStack(Volume& volume, const DicomSeries& series, const std::vector<const DicomInstance*>& images,
                std::size_t timePoints);

}  // namespace vitask::imaging::detail
