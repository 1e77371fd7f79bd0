#pragma once
// What a model folder says about itself: a VITask model (vitask.json: exemplar width, the
// TSM and the tasks it was trained with) or a plain Hugging Face LLaVA checkpoint.

#include "vitask/service/ask.h"

#include <filesystem>

namespace vitask::service::detail {

// Fills folder, name, version, vitask, exemplarWidth, trainedTsm and tasks. Tasks come from
// vitask.json; for a model saved before it listed them, from the datasets of its run's
// config.yaml (MedMNIST files only: a CSV manifest would have to decode every image).
ModelInfo describeModelFolder(const std::filesystem::path& folder);

}  // namespace vitask::service::detail
