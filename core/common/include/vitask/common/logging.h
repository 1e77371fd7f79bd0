#pragma once
// Logging for every VITask program: spdlog's default logger writes to the console
// (stderr) and to a rotating file in the user's data folder. The studio adds its own
// sink to show the log in a panel. Never log patient names or IDs.

#include <spdlog/spdlog.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace vitask {

struct LogOptions {
    std::string programName = "vitask";           // logger name, and the log file's stem
    spdlog::level::level_enum level = spdlog::level::info;
    bool toConsole = true;
    bool toFile = true;
    std::filesystem::path directory;              // empty: userDataDir()/logs
    std::size_t maxFileBytes = 5 * 1024 * 1024;   // rotate after this size ...
    std::size_t maxFiles = 3;                     // ... keeping this many old files
};

// Replaces spdlog's default logger. Returns the log file path, or an empty path when the
// file could not be opened (the reason is logged to the console; logging never throws).
std::filesystem::path initLogging(const LogOptions& options);

// Adds a sink (e.g. the studio's log panel) to the default logger.
void addLogSink(spdlog::sink_ptr sink);
// Removes a sink added with addLogSink (e.g. a training run's train.log when it ends).
void removeLogSink(const spdlog::sink_ptr& sink);

// "trace", "debug", "info", "warn", "error", "critical", "off".
// Throws vitask::Error naming the accepted values for anything else.
spdlog::level::level_enum parseLogLevel(std::string_view name);

}  // namespace vitask
