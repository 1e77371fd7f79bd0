#pragma once
// One sample of an evaluated dataset for a closer look (the Compare panel's row): its
// image as the dataset holds it and, with a TSM loaded, the TSM's prediction and saliency
// for its top class, from the same input the evaluation gave the TSM.

#include "evaluation_dataset_cache.h"
#include "vitask/service/dataset_evaluation.h"
#include "vitask/tsm/tsm.h"

namespace vitask::service::detail {

// Throws vitask::Error naming the dataset for a bad split or index.
DatasetSample readDatasetSample(DatasetCache& datasets, tsm::Tsm* tsm, const std::filesystem::path& dataset,
                                const std::string& split, int64_t index);

}  // namespace vitask::service::detail
