#pragma once
// Turns images into what a TSM expects, with torch ops (so it runs on any device):
// channel adaptation, bilinear resize (antialiased when shrinking), normalisation.

#include "vitask/tsm/input_spec.h"

#include <torch/torch.h>

namespace vitask::tsm {

// image: float [C, H, W] or [N, C, H, W] with values in [0, 1]. Channels are adapted:
// grey (1) is repeated for colour models, the alpha of RGBA (4) dropped, and colour is
// averaged for grey models. Returns float [N, spec.channels, spec.height, spec.width].
// Throws vitask::Error for other ranks or channel counts.
torch::Tensor prepareImages(const torch::Tensor& image, const InputSpec& spec);

}  // namespace vitask::tsm
