#include "intensity_histogram_tsm.h"

#include "vitask/common/error.h"
#include "vitask/tsm/plugin_api.h"

namespace vitask::tsm::plugins {
namespace {

// One row per class over the 8 histogram bins (dark ... bright). A histogram sums to 1,
// so each logit is a weighted average of its row: +4 where the class's intensities lie,
// falling to -4 where they do not.
constexpr float kWeights[3][IntensityHistogramTsm::kBins] = {
    {4, 4, 3, 1, -1, -3, -4, -4},    // dark
    {-3, -1, 2, 4, 4, 2, -1, -3},    // mid-grey
    {-4, -4, -3, -1, 1, 3, 4, 4},    // bright
};

}  // namespace

IntensityHistogramTsm::IntensityHistogramTsm(const std::string& libraryPath) {
    info_.name = "intensity-histogram";
    info_.version = "1.0";
    info_.description = "Example compiled plug-in: dark / mid-grey / bright from an 8-bin intensity histogram";
    info_.kind = "plugin";
    info_.labels = {"dark", "mid-grey", "bright"};
    // Grey input; mean 0 and std 1 keep pixels in [0, 1], where the bins are defined.
    info_.input.height = kSize;
    info_.input.width = kSize;
    info_.input.channels = 1;
    info_.input.mean = {0.0f};
    info_.input.std = {1.0f};
    info_.featureWidth = kBins;
    info_.source = libraryPath;
    info_.status = TsmStatus::Ready;
    weights_ = torch::from_blob(const_cast<float*>(&kWeights[0][0]), {3, kBins}, torch::kFloat).clone();
}

TsmOutput IntensityHistogramTsm::predict(const torch::Tensor& images) {
    checkBatch(images);
    torch::NoGradGuard noGrad;
    // NaN has no bin: refuse it rather than count it somewhere.
    if (!torch::isfinite(images).all().item<bool>())
        throw Error("the image contains NaN or infinite pixels", "TSM '" + info_.name + "'",
                    "Check the image file and its preprocessing.");
    const auto pixels = images.to(torch::kCPU, torch::kFloat).flatten(1).clamp(0.0, 1.0);  // [N, P]
    // Bin b holds [b/8, (b+1)/8); 1.0 falls in the last bin.
    const auto bins = (pixels * kBins).floor().clamp(0, kBins - 1).to(torch::kLong);
    auto histogram = torch::zeros({pixels.size(0), kBins}, torch::kFloat);
    histogram.scatter_add_(1, bins, torch::ones_like(pixels));
    histogram /= static_cast<double>(pixels.size(1));

    TsmOutput out;
    out.features = histogram;                       // [N, 8]
    out.logits = histogram.matmul(weights_.t());    // [N, 3]
    out.probabilities = torch::softmax(out.logits, 1);
    return out;
}

}  // namespace vitask::tsm::plugins

VITASK_TSM_PLUGIN_EXPORT int vitask_tsm_plugin_abi_version() { return vitask::tsm::kPluginAbiVersion; }

VITASK_TSM_PLUGIN_EXPORT vitask::tsm::Tsm* vitask_tsm_plugin_create(const char* libraryPath) {
    return new vitask::tsm::plugins::IntensityHistogramTsm(libraryPath ? libraryPath : "");
}
