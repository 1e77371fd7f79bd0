#pragma once
// `vitask tsm list`, `predict`, `train`, `eval` and `probe`: the task-specific models this
// machine can use, one image through one of them, training a built-in TSM on MedMNIST
// datasets, its metrics on a dataset split, and one compiled plug-in loaded and checked
// (the child process the studio and `tsm list` run before they load a plug-in).

#include "command_dispatch.h"

namespace vitask::cli {

void addTsmCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
