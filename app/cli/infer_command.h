#pragma once
// `vitask infer`: a trained VITask model's answer for one image, streamed as it is
// generated, with the probability of each label (label-set scoring) and, with a TSM,
// the exemplar-prompted answer next to the TSM's own prediction.

#include "command_dispatch.h"

namespace vitask::cli {

void addInferCommand(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
