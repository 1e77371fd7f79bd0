#include "tsm_training_data.h"

#include "vitask/common/error.h"
#include "vitask/tsm/image_preprocess.h"

#include <cmath>

namespace vitask::recipe {

AugmentationOptions AugmentationOptions::forModality(const std::string& modality) {
    AugmentationOptions o;
    const auto has = [&](const char* word) { return modality.find(word) != std::string::npos; };
    o.horizontalFlip = has("microscop") || has("pathology") || has("dermatoscop") || has("fundus");
    o.verticalFlip = has("microscop") || has("pathology") || has("dermatoscop");
    return o;
}

torch::Tensor splitPixels(const MedMnistSplit& split) {
    if (split.size() == 0) return torch::zeros({0, split.height(), split.width(), split.channels()}, torch::kUInt8);
    const auto first = split.image(0);  // throws when the pixels were not loaded
    // Read-only use: batches are gathered with index_select, which copies.
    return torch::from_blob(const_cast<uint8_t*>(first.pixels),
                            {split.size(), split.height(), split.width(), split.channels()}, torch::kUInt8);
}

torch::Tensor inputBatch(const torch::Tensor& pixels, const torch::Tensor& indices, const tsm::InputSpec& spec,
                         torch::Device device) {
    const auto images = pixels.index_select(0, indices).permute({0, 3, 1, 2}).to(device).to(torch::kFloat32) / 255.0;
    return tsm::prepareImages(images, spec);
}

torch::Tensor augmentBatch(const torch::Tensor& batch, const AugmentationOptions& o, std::mt19937_64& rng) {
    if (!o.any()) return batch;
    const int64_t n = batch.size(0);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::bernoulli_distribution coin(0.5);
    auto theta = torch::zeros({n, 2, 3});
    auto t = theta.accessor<float, 3>();
    constexpr double kPi = 3.14159265358979323846;
    for (int64_t i = 0; i < n; ++i) {
        // Output -> input sampling coordinates in [-1, 1]: rotation times flips, plus a shift
        // (a fraction f of the side is 2f in these coordinates).
        const double angle = unit(rng) * o.maxRotationDegrees * kPi / 180.0;
        const double fx = o.horizontalFlip && coin(rng) ? -1.0 : 1.0;
        const double fy = o.verticalFlip && coin(rng) ? -1.0 : 1.0;
        t[i][0][0] = float(std::cos(angle) * fx);
        t[i][0][1] = float(-std::sin(angle) * fy);
        t[i][1][0] = float(std::sin(angle) * fx);
        t[i][1][1] = float(std::cos(angle) * fy);
        t[i][0][2] = float(2 * o.maxShift * unit(rng));
        t[i][1][2] = float(2 * o.maxShift * unit(rng));
    }
    namespace F = torch::nn::functional;
    const auto grid = F::affine_grid(theta.to(batch.device()), batch.sizes(), /*align_corners=*/false);
    return F::grid_sample(batch, grid,
                          F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kBorder).align_corners(false));
}

}  // namespace vitask::recipe
