// vitask: the command-line front end of the VITask engine (training, evaluation and
// inference on GPU servers; images and PACS for scripts). This program links no engine:
// it parses the global options, loads the one command module that implements the command
// named (command_catalog.h, command_module.h), and runs it. `vitask --version`, `vitask
// image ...` and `vitask pacs ...` therefore start without LibTorch.

#include "command_catalog.h"
#include "command_module.h"
#include "vitask/common/error.h"
#include "vitask/common/logging.h"
#include "vitask/common/module_library.h"
#include "vitask/common/version.h"

#include <CLI/CLI.hpp>


#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

namespace {

namespace fs = std::filesystem;
using vitask::cli::CommandDispatch;

// A failure the user could not have caused: a bug to report.
int reportInternalError(const std::string& message) {
    std::cerr << "internal error: " << message
              << "\nPlease report this with the log file from ~/.local/share/vitask-studio/logs.\n";
    return 2;
}

// The command named on the command line: the first argument that is neither a global
// option nor its value; "" when there is none.
std::string_view commandNamed(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--log-level" || argument == "--threads") ++i;  // and its value
        else if (argument.empty() || argument.front() != '-') return argument;
    }
    return {};
}

// Loads lib/vitask/cli/libvitask_cli_<module>.so beside this program's bin/ (the same in
// the build tree and an installation) and lets it register its commands. The module
// stays loaded for the life of the process.
void loadModule(std::string_view module, CLI::App& app, CommandDispatch& dispatch) {
    const std::string name = "vitask_cli_" + std::string(module);
    const auto file = fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "lib" / "vitask" / "cli" /
                      ("lib" + name + ".so");
    const auto entry = reinterpret_cast<vitask::cli::ModuleEntry>(
        vitask::moduleEntry(file, vitask::cli::kModuleEntry, "the '" + std::string(module) + "' commands", name));
    entry(app, dispatch);
}

}  // namespace

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write then fails with EFBIG, which the writers
    // report with the file's name, instead of the signal killing the process silently.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"VITask: adapt vision-language models to medical diagnosis tasks", "vitask"};
    app.set_version_flag("--version",
                         [] {
                             return vitask::versionLine() + "\nLibTorch: " + vitask::buildInfo().torchVersion +
                                    " (built with; `vitask doctor` loads it and reports CUDA, CPU threads and BLAS)";
                         },
                         "Print the version and the LibTorch it was built with, then exit");
    std::string logLevel = "info";
    app.add_option("--log-level", logLevel, "Console and file log level: trace, debug, info, warn, error, off")
        ->capture_default_str();
    CommandDispatch dispatch;
    dispatch.arguments.assign(argv, argv + argc);
    app.add_option("--threads", dispatch.threads, "CPU threads for LibTorch (0: one per core)")->capture_default_str();
    bool noLogFile = false;
    app.add_flag("--no-log-file", noLogFile, "Log to the console only");

    // The named command's module registers the real commands; the others are listed by
    // name and description only, for the help.
    std::set<std::string_view> loaded;
    try {
        if (const auto* entry = vitask::cli::findCommand(commandNamed(argc, argv))) {
            // Image and PACS commands do no matrix work: OpenBLAS, which their libraries
            // pull in (OpenCV), would only start idle threads that spin.
            if (entry->module != "engine") ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
            loadModule(entry->module, app, dispatch);
            loaded.insert(entry->module);
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    for (const auto& entry : vitask::cli::kCommands)
        if (!loaded.count(entry.module)) app.add_subcommand(std::string(entry.name), std::string(entry.description));

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
        if (dispatch.prepare) dispatch.prepare();

        if (const auto* run = dispatch.selected(app)) return (*run)();
        // No runnable subcommand given: show what the tool can do.
        std::cout << app.help();
        return 0;
    } catch (const std::exception& e) {
        // vitask::Error and running out of memory are the user's to fix; the rest is a bug.
        const auto failure = dispatch.describeFailure(e);
        if (failure.internal) return reportInternalError(failure.text);
        std::cerr << "error: " << failure.text << "\n";
        return 1;
    }
}
