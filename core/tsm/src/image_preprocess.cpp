#include "vitask/tsm/image_preprocess.h"

#include "vitask/common/error.h"

namespace vitask::tsm {
namespace {

torch::Tensor adaptChannels(torch::Tensor batch, int wanted) {
    const int64_t have = batch.size(1);
    if (have == wanted) return batch;
    if (have == 4) {  // RGBA: the alpha channel carries no image content
        batch = batch.slice(1, 0, 3);
        return adaptChannels(batch, wanted);
    }
    if (have == 1 && wanted == 3) return batch.expand({-1, 3, -1, -1});
    // A plain mean rather than luma weights: medical colour images (dermatoscopy,
    // pathology) have no agreed luma, and this is the torchvision-free choice users expect.
    if (have == 3 && wanted == 1) return batch.mean(1, /*keepdim=*/true);
    throw Error("cannot turn a " + std::to_string(have) + "-channel image into the " + std::to_string(wanted) +
                    " channels the TSM expects",
                "image", "Use a grey, RGB or RGBA image.");
}

}  // namespace

torch::Tensor prepareImages(const torch::Tensor& image, const InputSpec& spec) {
    if (!image.defined() || (image.dim() != 3 && image.dim() != 4))
        throw Error("expected an image tensor [C, H, W] or [N, C, H, W], got " +
                        (image.defined() ? std::to_string(image.dim()) + " dimensions" : std::string("none")),
                    "image");
    auto batch = image.dim() == 3 ? image.unsqueeze(0) : image;
    batch = adaptChannels(batch.to(torch::kFloat32), spec.channels);

    if (batch.size(2) != spec.height || batch.size(3) != spec.width) {
        const bool shrinking = batch.size(2) > spec.height || batch.size(3) > spec.width;
        namespace F = torch::nn::functional;
        batch = F::interpolate(batch, F::InterpolateFuncOptions()
                                          .size(std::vector<int64_t>{spec.height, spec.width})
                                          .mode(torch::kBilinear)
                                          .align_corners(false)
                                          .antialias(shrinking));  // as PIL / torchvision resize
    }
    const auto options = batch.options();
    const auto mean = torch::tensor(spec.mean, options).view({1, -1, 1, 1});
    const auto std = torch::tensor(spec.std, options).view({1, -1, 1, 1});
    return ((batch - mean) / std).contiguous();
}

}  // namespace vitask::tsm
