#include "vitask/tsm/gradcam.h"

#include "vitask/common/error.h"

namespace vitask::tsm {

torch::Tensor gradCam(const torch::Tensor& activations, const torch::Tensor& score, int64_t height, int64_t width) {
    if (activations.dim() != 4 || activations.size(0) != 1 || score.numel() != 1)
        throw Error("Grad-CAM takes the activations [1, C, h, w] of one image and one score", "saliency");
    const auto gradient = torch::autograd::grad({score}, {activations})[0];
    const auto weights = gradient.mean({2, 3}, /*keepdim=*/true);
    auto cam = torch::relu((weights * activations).sum(1, /*keepdim=*/true)).detach();
    namespace F = torch::nn::functional;
    cam = F::interpolate(cam, F::InterpolateFuncOptions()
                                  .size(std::vector<int64_t>{height, width})
                                  .mode(torch::kBilinear)
                                  .align_corners(false))[0][0];
    cam = cam.to(torch::kCPU, torch::kFloat32);
    const float peak = cam.max().item<float>();
    return peak > 0 ? cam / peak : torch::zeros_like(cam);
}

}  // namespace vitask::tsm
