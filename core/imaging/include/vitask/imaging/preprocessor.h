#pragma once
// Turns a Volume into a model input with OpenCV: one slice or frame, windowed to [0, 1],
// resized with its aspect kept (padding or centre crop), grey to RGB, normalised, as a
// float32 CHW buffer. The model side wraps the buffer in a tensor itself, so this header
// (and imaging) never depends on LibTorch.

#include "vitask/imaging/preprocess_options.h"
#include "vitask/imaging/volume.h"
#include "vitask/imaging/window.h"

#include <array>
#include <cstddef>
#include <vector>

namespace vitask::imaging {

struct PreprocessedImage {
    std::array<std::size_t, 3> shape{0, 0, 0};   // channels, height, width
    std::vector<float> values;                   // CHW, row-major
    // What was done, for logs and reproducibility.
    std::size_t slice = 0, timePoint = 0;
    Window window;
    // The resized image in output pixels: x, y of its top-left corner (negative when
    // CenterCrop cut it), width, height. Maps model outputs (boxes, saliency) back.
    std::array<int, 4> placement{0, 0, 0, 0};
};

class Preprocessor {
public:
    // Throws vitask::Error for options that cannot work (sizes < 1, channels not 1 or 3,
    // mean/std with a count other than 1 or channels, a zero std).
    explicit Preprocessor(PreprocessOptions options);

    // Throws vitask::Error naming the volume's source for a slice or time point out of
    // range, an empty volume, or a file window it does not have.
    PreprocessedImage run(const Volume& volume) const;

    const PreprocessOptions& options() const { return options_; }

private:
    PreprocessOptions options_;
};

}  // namespace vitask::imaging
