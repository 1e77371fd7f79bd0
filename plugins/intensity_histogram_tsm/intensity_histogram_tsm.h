#pragma once
// The example compiled TSM plug-in: a tiny, deterministic classifier that says whether a
// grey image is mostly dark, mid-grey or bright. Its feature vector is the image's
// normalised intensity histogram (8 bins over [0, 1], summing to 1) and its logits a fixed
// linear map of that histogram, so every output can be worked out by hand — which is
// what the plug-in tests rely on. It shows the whole contract of plugin_api.h in a page.

#include "vitask/tsm/tsm.h"

#include <string>

namespace vitask::tsm::plugins {

class IntensityHistogramTsm final : public Tsm {
public:
    static constexpr int64_t kBins = 8;
    static constexpr int kSize = 32;  // input height and width

    explicit IntensityHistogramTsm(const std::string& libraryPath);

    const TsmInfo& info() const override { return info_; }
    torch::Device device() const override { return torch::kCPU; }
    TsmOutput predict(const torch::Tensor& images) override;

private:
    TsmInfo info_;
    torch::Tensor weights_;  // [classes, kBins]
};

}  // namespace vitask::tsm::plugins
