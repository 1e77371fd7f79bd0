// vitask: the command-line front end of the VITask engine (training, evaluation and
// inference on GPU servers). Subcommands are added by the engine's modules as they land.

#include "chat_command.h"
#include "command_dispatch.h"
#include "data_command.h"
#include "infer_command.h"
#include "process_launcher.h"
#include "report_command.h"
#include "train_command.h"
#include "tsm_command.h"
#ifdef VITASK_WITH_IMAGING
#include "image_command.h"
#include "pacs_command.h"
#endif
#include "vitask/common/logging.h"
#include "vitask/runtime/failure_message.h"
#include "vitask/runtime/system_info.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

namespace {

// A failure the user could not have caused: a bug to report.
int reportInternalError(const std::string& message) {
    std::cerr << "internal error: " << message
              << "\nPlease report this with the log file from ~/.local/share/vitask-studio/logs.\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write then fails with EFBIG, which the writers
    // report with the file's name, instead of the signal killing the process silently.
    std::signal(SIGXFSZ, SIG_IGN);
    vitask::cli::rememberCommandLine(argc, argv);
    vitask::runtime::setCpuThreads(0);  // all cores until --threads says otherwise
    CLI::App app{"VITask: adapt vision-language models to medical diagnosis tasks", "vitask"};
    app.set_version_flag("--version",
                         [] { return vitask::runtime::formatSystemReport(vitask::runtime::systemInfo()); },
                         "Print the version, LibTorch, CUDA and BLAS in use, then exit");
    std::string logLevel = "info";
    app.add_option("--log-level", logLevel,
                   "Console and file log level: trace, debug, info, warn, error, off")
        ->capture_default_str();
    int threads = 0;
    app.add_option("--threads", threads, "CPU threads for LibTorch (0: one per core)")
        ->capture_default_str();
    bool noLogFile = false;
    app.add_flag("--no-log-file", noLogFile, "Log to the console only");

    vitask::cli::CommandDispatch dispatch;
    // Command groups register here as the engine's modules provide them.
    vitask::cli::addChatCommand(app, dispatch);
    vitask::cli::addDataCommands(app, dispatch);
    vitask::cli::addTrainCommands(app, dispatch);
    vitask::cli::addInferCommand(app, dispatch);
    vitask::cli::addReportCommand(app, dispatch);
    vitask::cli::addTsmCommands(app, dispatch);
#ifdef VITASK_WITH_IMAGING
    vitask::cli::addImageCommands(app, dispatch);
    vitask::cli::addPacsCommands(app, dispatch);
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }

    try {
        vitask::LogOptions log;
        log.programName = "vitask";
        log.level = vitask::parseLogLevel(logLevel);
        log.toFile = !noLogFile;
        vitask::initLogging(log);
        vitask::runtime::setCpuThreads(threads);

        if (const auto* run = dispatch.selected(app)) return (*run)();
        // No runnable subcommand given: show what the tool can do.
        std::cout << app.help();
        return 0;
    } catch (const std::exception& e) {
        // vitask::Error and running out of memory are the user's to fix; the rest is a bug.
        const auto failure = vitask::runtime::describeFailure(e);
        if (failure.internal) return reportInternalError(failure.text);
        std::cerr << "error: " << failure.text << "\n";
        return 1;
    }
}
