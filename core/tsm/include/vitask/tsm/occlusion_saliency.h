#pragma once
// Occlusion sensitivity (Zeiler & Fergus 2014): how much a class's probability drops when
// a patch of the image is covered. Needs nothing but predict(), so it works for every TSM
// (ONNX, compiled plug-ins, transformers) and is the default saliency of the interface.

#include "vitask/tsm/tsm.h"

#include <optional>

namespace vitask::tsm {

struct OcclusionOptions {
    int patch = 0;   // side of the square patch in input pixels; 0: an eighth of the shorter side (at least 2)
    int stride = 0;  // 0: half the patch
    int batch = 32;  // occluded copies per predict() call
    // The covering value in the model's normalised input space; unset: the image's own
    // mean per channel, which hides the content under the patch without adding anything
    // the image lacks (a fixed grey can itself look like a lesion on a dark background).
    std::optional<float> fill;
};

// image: one prepared image [1, C, H, W] (Tsm::prepare). Returns float [H, W] on the CPU
// in [0, 1]: each pixel is the mean probability drop of the patches covering it, negative
// drops clipped, scaled by the largest (all zeros when no patch lowers the probability).
torch::Tensor occlusionSaliency(Tsm& tsm, const torch::Tensor& image, int64_t classIndex,
                                const OcclusionOptions& options = {});

}  // namespace vitask::tsm
