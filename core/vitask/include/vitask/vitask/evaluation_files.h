#pragma once
// An evaluation on disk, in a run's eval/ folder: <name>.json (options, per-task
// metrics with per-class figures and the confusion matrix, means) and
// <name>_predictions.jsonl (one line per sample: answer, truth, class probabilities).
// Both written atomically.

#include "vitask/vitask/evaluator.h"

#include <filesystem>
#include <string>

namespace vitask::recipe {

void saveEvaluation(const std::filesystem::path& folder, const std::string& name, const Evaluation& evaluation,
                    const TaskCorpus& corpus);

}  // namespace vitask::recipe
