#pragma once
// `vitask image ...`: inspect DICOM and NIfTI inputs from the command line.

#include "command_dispatch.h"

#include <CLI/CLI.hpp>

namespace vitask::cli {

// Adds `image info PATH [--json]` and `image convert PATH OUT [--series] [--window|--preset]`.
void addImageCommands(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli
