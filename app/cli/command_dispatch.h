#pragma once
// How `vitask` subcommands plug in. Each command file offers
//     void addXxxCommands(CLI::App& root, CommandDispatch& dispatch);
// which declares its CLI11 subcommands and their options and registers, for each
// runnable (sub)subcommand, the function to call once parsing has succeeded and logging
// is set up. main() parses, then runs the function of the deepest subcommand given.
// The command files live in command modules (command_module.h), loaded by main() only
// for the command named; what a module needs of main() and main() of a module passes
// through here.

#include "vitask/common/failure_message.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vitask::cli {

class CommandDispatch {
public:
    using Run = std::function<int()>;  // returns the process exit code

    void add(const CLI::App* command, Run run) { runs_[command] = std::move(run); }

    // The function of the deepest subcommand selected on the command line, or nullptr.
    const Run* selected(const CLI::App& root) const {
        const CLI::App* app = &root;
        const Run* found = nullptr;
        while (true) {
            if (auto it = runs_.find(app); it != runs_.end()) found = &it->second;
            const auto chosen = app->get_subcommands();
            if (chosen.empty()) return found;
            app = chosen.front();
        }
    }

    // From main(): the command line as given, and the global --threads (0: every core).
    std::vector<std::string> arguments;
    int threads = 0;

    // From a module, when it needs them: run after parsing and logging, before the
    // command (the engine sets LibTorch's threads); and what to say about an exception
    // only the module knows (the engine: LibTorch's out-of-memory errors).
    std::function<void()> prepare;
    std::function<FailureMessage(const std::exception&)> describeFailure = [](const std::exception& e) {
        return vitask::describeFailure(e);
    };

private:
    std::map<const CLI::App*, Run> runs_;
};

}  // namespace vitask::cli
