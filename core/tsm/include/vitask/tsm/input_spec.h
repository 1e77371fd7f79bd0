#pragma once
// What a TSM expects as input: image size, channel count and the per-channel
// normalisation applied after scaling pixels to [0, 1]. Plain types, so the studio can
// show it without LibTorch.

#include <string>
#include <vector>

namespace vitask::tsm {

struct InputSpec {
    int height = 0;
    int width = 0;
    int channels = 0;
    std::vector<float> mean;  // one per channel: x' = (x - mean[c]) / std[c]
    std::vector<float> std;

    // "3x64x64, mean [0.485, 0.456, 0.406], std [0.229, 0.224, 0.225]"
    std::string describe() const;
};

}  // namespace vitask::tsm
