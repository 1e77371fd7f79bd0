#pragma once
// The colour map of saliency heatmaps: Google's Turbo (a perceptually smoother "jet"
// that radiologists already read as cold = low, red = high).

#include <QColor>
#include <QImage>
#include <vector>

namespace vitask::ui {

// Turbo colour of a value in [0, 1] (clamped; NaN counts as 0), opaque.
QRgb turboColour(double value);

// A width x height ARGB32 image of `values` (row-major, width fastest) through
// turboColour, transparent below 0.2 and opaque from 0.5 (fading in between).
// Returns a null image when the sizes disagree.
QImage heatmapImage(int width, int height, const std::vector<float>& values);

}  // namespace vitask::ui
