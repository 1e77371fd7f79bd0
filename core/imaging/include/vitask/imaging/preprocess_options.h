#pragma once
// How a Volume becomes a model input (see Preprocessor): which 2D image, which window,
// what size, which channels, which normalisation. Plain values, readable from a run
// config or a TSM manifest.

#include <string>
#include <vector>

namespace vitask::imaging {

struct PreprocessOptions {
    // --- which 2D image -------------------------------------------------------------
    int slice = -1;          // z index; -1: the middle slice (dims[2] / 2)
    int timePoint = 0;       // t index of 4D data

    // --- window: values after the modality LUT to [0, 1] -------------------------------
    enum class WindowMode {
        Default,   // the file's first window; full 8-bit range for colour; else min/max
        File,      // the file's window number fileWindow (error if it has none)
        Preset,    // a standard CT preset by name (windowPreset())
        Auto,      // min/max of the chosen slice
        Explicit,  // center/width below
    };
    WindowMode windowMode = WindowMode::Default;
    int fileWindow = 0;
    std::string preset;
    double center = 0.0, width = 1.0;

    // --- size ---------------------------------------------------------------------
    int outputWidth = 224, outputHeight = 224;
    enum class Fit {
        Pad,         // whole image, aspect kept, borders filled with padValue (letterbox)
        CenterCrop,  // fills the output, aspect kept, the overhang cut off evenly
        Stretch,     // aspect ignored
    };
    Fit fit = Fit::Pad;
    float padValue = 0.0f;     // in windowed units ([0, 1]: 0 black), before normalisation
    // Physical aspect: a pixel of 0.5 x 1 mm counts as half as wide as tall. Photos and
    // NIfTI files with isotropic voxels are unaffected.
    bool usePixelSpacing = true;
    enum class Interpolation { Linear, Area, Cubic, Nearest };
    // Linear is bilinear with pixel centres aligned (OpenCV's INTER_LINEAR, PIL's and
    // torchvision's convention); Area averages when shrinking (less aliasing).
    Interpolation interpolation = Interpolation::Linear;

    // --- channels and normalisation ------------------------------------------------------
    int channels = 3;          // 3: grey repeated to RGB; 1: colour to grey (ITU-R BT.601)
    // Per channel (one value applies to all): out = (value - mean) / std. The defaults
    // leave [0, 1] values as they are; CLIP (LLaVA) uses
    // mean {0.48145466, 0.4578275, 0.40821073}, std {0.26862954, 0.26130258, 0.27577711}.
    std::vector<float> mean{0.0f};
    std::vector<float> std{1.0f};
};

}  // namespace vitask::imaging
