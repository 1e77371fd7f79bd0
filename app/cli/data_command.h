#pragma once
// `vitask data ...`: dataset tools. `data inspect FILE` reports a dataset's (MedMNIST
// .npz or CSV manifest) splits, image shape, samples per class and warnings before anyone
// trains on it; `data synth` writes the synthetic benchmark.

#include "command_dispatch.h"

namespace vitask::cli {

void addDataCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
