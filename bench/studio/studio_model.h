#pragma once
// The model bench_studio loads through the AI panel: a LLaVA folder with the studio's
// scratch tokenizer and random weights, written as core/service's tests write their
// "slow" model (recipe::buildTrainingPipeline, 8 decoder layers of width 512), so that
// loading it and answering take long enough on a CPU to show any UI-thread stall.
// Kept apart from bench_studio.cpp so that only this file parses LibTorch's headers.

#include <cstdint>
#include <filesystem>

namespace vitask::bench {

struct StudioModel {
    std::filesystem::path folder;
    std::int64_t parameters = 0;
    std::uintmax_t bytes = 0;  // the folder's files
};

// Writes the model into `folder` (created) with a fixed seed.
StudioModel writeStudioModel(const std::filesystem::path& folder, const std::filesystem::path& sourceDir);

}  // namespace vitask::bench
