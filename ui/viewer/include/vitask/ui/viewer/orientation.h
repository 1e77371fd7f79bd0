#pragma once
// Patient-orientation letters for the edges of a displayed slice, from the volume's
// direction matrix (DICOM LPS: +x is the patient's Left, +y Posterior, +z Superior).

#include <array>
#include <QString>

namespace vitask::ui {

// The letters for an LPS direction: the axes whose component exceeds `threshold` in
// magnitude, largest first, at most two ("L", "PS" for a slightly oblique axis). Empty
// for a zero vector.
QString orientationLetters(const std::array<double, 3>& direction, double threshold = 0.3);

// The labels at the four edges of an image whose column index i grows to the right and
// whose row index j grows downwards, for a row-major 3x3 direction matrix whose column c
// is the LPS direction of voxel axis c.
struct OrientationLabels {
    QString left, right, top, bottom;
};
OrientationLabels orientationLabels(const std::array<double, 9>& direction);

// The labels of a projection image from its DICOM Patient Orientation: `alongRows` is the
// patient direction to the right (e.g. "L"), `downColumns` the one downwards (e.g. "F");
// the opposite edges get the opposite letters (R, H). Empty strings stay empty.
OrientationLabels orientationLabels(const QString& alongRows, const QString& downColumns);

}  // namespace vitask::ui
