#pragma once
// Google's Turbo colour map (blue low, red high), as the studio draws saliency heatmaps
// and the reports print them: one definition, so a printed key image shows the viewer's
// colours.

#include <array>
#include <cstdint>

namespace vitask {

// The colour of `value` in [0, 1] (clamped; NaN is 0) as 8-bit RGB, from a 256-entry
// table of Anton Mikhailov's polynomial fit of Turbo (Google AI blog, 2019, Apache 2.0).
std::array<uint8_t, 3> turboColour(double value);

}  // namespace vitask
