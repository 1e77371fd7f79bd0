#pragma once
// `vitask data ...`: dataset tools. `data inspect FILE.npz` reports a MedMNIST file's
// splits, image shape, samples per class and warnings before anyone trains on it.

#include "command_dispatch.h"

namespace vitask::cli {

void addDataCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
