#include "vitask/tsm/occlusion_saliency.h"

#include "vitask/common/error.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace vitask::tsm {
namespace {

// Patch origins along one side: every `stride` pixels, plus one flush with the far edge
// so the last rows and columns are covered as often as the first.
std::vector<int64_t> origins(int64_t size, int64_t patch, int64_t stride) {
    std::vector<int64_t> out;
    for (int64_t p = 0; p + patch <= size; p += stride) out.push_back(p);
    if (out.empty() || out.back() + patch < size) out.push_back(std::max<int64_t>(0, size - patch));
    return out;
}

}  // namespace

torch::Tensor occlusionSaliency(Tsm& tsm, const torch::Tensor& image, int64_t classIndex, const OcclusionOptions& o) {
    const auto classes = static_cast<int64_t>(tsm.labels().size());
    if (!image.defined() || image.dim() != 4 || image.size(0) != 1)
        throw Error("saliency takes one prepared image [1, C, H, W]", "TSM '" + tsm.name() + "'",
                    "Use prepare() on the image first.");
    if (classIndex < 0 || classIndex >= classes)
        throw Error("has no class " + std::to_string(classIndex) + " (it has " + std::to_string(classes) + ")",
                    "TSM '" + tsm.name() + "'");
    const int64_t height = image.size(2), width = image.size(3);
    const int64_t patch = std::min<int64_t>(o.patch > 0 ? o.patch : std::max<int64_t>(2, std::min(height, width) / 8),
                                            std::min(height, width));
    const int64_t stride = o.stride > 0 ? o.stride : std::max<int64_t>(1, patch / 2);

    const auto fill = o.fill ? torch::full({image.size(1), 1, 1}, *o.fill, image.options())
                             : image[0].mean({1, 2}, /*keepdim=*/true);
    const float base = tsm.predict(image).probabilities[0][classIndex].item<float>();
    std::vector<std::pair<int64_t, int64_t>> positions;
    for (const auto y : origins(height, patch, stride))
        for (const auto x : origins(width, patch, stride)) positions.emplace_back(y, x);

    auto drop = torch::zeros({height, width});
    auto covered = torch::zeros({height, width});
    const int64_t batch = std::max(1, o.batch);
    for (size_t first = 0; first < positions.size(); first += batch) {
        const size_t count = std::min<size_t>(batch, positions.size() - first);
        auto occluded = image.repeat({static_cast<int64_t>(count), 1, 1, 1});
        for (size_t i = 0; i < count; ++i) {
            const auto [y, x] = positions[first + i];
            occluded[i].narrow(1, y, patch).narrow(2, x, patch).copy_(fill.expand({-1, patch, patch}));
        }
        const auto p = tsm.predict(occluded).probabilities.select(1, classIndex).to(torch::kCPU, torch::kFloat32);
        for (size_t i = 0; i < count; ++i) {
            const auto [y, x] = positions[first + i];
            drop.narrow(0, y, patch).narrow(1, x, patch) += base - p[i].item<float>();
            covered.narrow(0, y, patch).narrow(1, x, patch) += 1;
        }
    }
    const auto map = torch::relu(drop / covered.clamp_min(1));
    const float peak = map.max().item<float>();
    return peak > 0 ? map / peak : map;
}

}  // namespace vitask::tsm
