#pragma once
// `vitask train` (run the VITask stages into a run directory, resumable) and
// `vitask eval` (a trained model on a dataset split: scoring or generation, with or
// without the exemplar, any instruction variant or the whole robustness grid).

#include "command_dispatch.h"

namespace vitask::cli {

void addTrainCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
