#pragma once
// `vitask tsm list`, `predict`, `train` and `eval`: the task-specific models this machine
// can use, one image through one of them, training a built-in TSM on MedMNIST datasets,
// and its metrics on a dataset split.

#include "command_dispatch.h"

namespace vitask::cli {

void addTsmCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
