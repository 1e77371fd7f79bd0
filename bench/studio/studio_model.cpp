#include "studio_model.h"

#include "vitask/model/llava_pipeline.h"
#include "vitask/vitask/trainer.h"

#include <torch/torch.h>

namespace vitask::bench {

StudioModel writeStudioModel(const std::filesystem::path& folder, const std::filesystem::path& sourceDir) {
    recipe::TrainConfig config;
    auto& scratch = config.model.scratch;
    scratch.tokenizer = sourceDir / "resources/tokenizers/vitask-scratch";
    // The language model of core/service's writeSlowLlava (8 layers of width 512), with
    // a CLIP-sized input (224 px, patch 14: 256 image tokens, as LLaVA-1.5's CLIP/14 at
    // 224) so that the prompt pass looks like a real model's.
    scratch.textWidth = 512;
    scratch.textLayers = 8;
    scratch.heads = 8;
    scratch.imageSize = 224;
    scratch.patchSize = 14;
    scratch.visionWidth = 256;
    scratch.visionLayers = 4;
    torch::manual_seed(11);
    auto pipeline = recipe::buildTrainingPipeline(config);
    std::filesystem::create_directories(folder);
    pipeline.save(folder);
    StudioModel out{folder, 0, 0};
    for (const auto& p : pipeline.model()->parameters()) out.parameters += p.numel();
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) out.bytes += entry.file_size();
    return out;
}

}  // namespace vitask::bench
