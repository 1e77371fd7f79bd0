#pragma once
// How `vitask` subcommands plug in. Each command file offers
//     void addXxxCommands(CLI::App& root, CommandDispatch& dispatch);
// which declares its CLI11 subcommands and their options and registers, for each
// runnable (sub)subcommand, the function to call once parsing has succeeded and logging
// is set up. main() parses, then runs the function of the deepest subcommand given.

#include <CLI/CLI.hpp>

#include <functional>
#include <map>

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

private:
    std::map<const CLI::App*, Run> runs_;
};

}  // namespace vitask::cli
