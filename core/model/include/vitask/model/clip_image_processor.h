#pragma once
// Image preprocessing as transformers' CLIPImageProcessor does it for LLaVA: resize so
// the shortest edge has a given length (bicubic, antialiased like PIL), centre-crop,
// normalise with the CLIP mean/std. Settings come from `preprocessor_config.json`.

#include "vitask/model/llava_config.h"

#include <torch/torch.h>

#include <array>
#include <filesystem>

namespace vitask::model {

struct ClipImageProcessor {
    bool doResize = true;
    int64_t shortestEdge = 224;     // size.shortest_edge
    bool doCenterCrop = true;
    int64_t cropHeight = 224, cropWidth = 224;
    bool doNormalize = true;
    std::array<double, 3> mean{0.48145466, 0.4578275, 0.40821073};   // OPENAI_CLIP_MEAN
    std::array<double, 3> std{0.26862954, 0.26130258, 0.27577711};   // OPENAI_CLIP_STD

    // preprocessor_config.json from `directory` when present; otherwise CLIP's defaults at
    // the vision tower's image size. Throws vitask::Error naming the key for values we do
    // not implement (a resample other than bicubic, size given as height/width pairs).
    static ClipImageProcessor load(const std::filesystem::path& directory, const VisionConfig& vision);

    // image: float [C, H, W] with values in [0, 1] (C = 1 grey, or 3 RGB) ->
    // float [3, cropHeight, cropWidth], normalised.
    torch::Tensor operator()(const torch::Tensor& image) const;
};

}  // namespace vitask::model
