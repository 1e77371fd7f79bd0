#pragma once
// `vitask tsm list` and `vitask tsm predict`: the task-specific models this machine can
// use, and one image through one of them.

#include "command_dispatch.h"

namespace vitask::cli {

void addTsmCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
