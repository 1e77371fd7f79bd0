// The engine's commands, the ones that load LibTorch: chat, train, eval, infer, report,
// tsm, doctor. One module, loaded by main() when one of them is named.

#include "chat_command.h"
#include "command_catalog.h"
#include "command_module.h"
#include "infer_command.h"
#include "process_launcher.h"
#include "report_command.h"
#include "train_command.h"
#include "tsm_command.h"
#include "vitask/runtime/failure_message.h"
#include "vitask/runtime/system_info.h"

#include <iostream>

namespace vitask::cli {
namespace {

void addEngineCommands(CLI::App& root, CommandDispatch& dispatch) {
    rememberCommandLine(dispatch.arguments);  // for train --nproc
    runtime::setCpuThreads(0);  // all cores until --threads says otherwise
    dispatch.prepare = [&dispatch] { runtime::setCpuThreads(dispatch.threads); };
    dispatch.describeFailure = [](const std::exception& e) { return runtime::describeFailure(e); };

    addChatCommand(root, dispatch);
    addTrainCommands(root, dispatch);
    addInferCommand(root, dispatch);
    addReportCommand(root, dispatch);
    addTsmCommands(root, dispatch);
    auto* doctor = root.add_subcommand("doctor", describe("doctor"));
    dispatch.add(doctor, [] {
        std::cout << runtime::formatSystemReport(runtime::systemInfo());
        return 0;
    });
}

}  // namespace
}  // namespace vitask::cli

VITASK_CLI_MODULE(vitask::cli::addEngineCommands)
