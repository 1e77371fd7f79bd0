#pragma once
// A command module: a shared library of `vitask` commands that main() loads with dlopen
// when one of them is named (command_catalog.h), and whose one entry point registers
// them:
//     VITASK_CLI_MODULE(addMyCommands)   // void addMyCommands(CLI::App&, CommandDispatch&)

#include "command_dispatch.h"

namespace vitask::cli {

inline constexpr const char* kModuleEntry = "vitask_cli_add_commands";
using ModuleEntry = void (*)(CLI::App& root, CommandDispatch& dispatch);

}  // namespace vitask::cli

#define VITASK_CLI_MODULE(add)                                                                                  \
    extern "C" __attribute__((visibility("default"))) void vitask_cli_add_commands(                           \
        CLI::App& root, ::vitask::cli::CommandDispatch& dispatch) {                                            \
        add(root, dispatch);                                                                                   \
    }
