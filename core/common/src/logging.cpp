#include "vitask/common/logging.h"

#include "vitask/common/error.h"
#include "vitask/common/user_paths.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <algorithm>
#include <vector>

namespace vitask {

std::filesystem::path initLogging(const LogOptions& options) {
    std::vector<spdlog::sink_ptr> sinks;
    if (options.toConsole) sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());

    std::filesystem::path file;
    std::string fileError;
    if (options.toFile) {
        const auto directory = options.directory.empty() ? userDataDir() / "logs" : options.directory;
        try {
            std::filesystem::create_directories(directory);
            file = directory / (options.programName + ".log");
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                file.string(), options.maxFileBytes, options.maxFiles));
        } catch (const std::exception& e) {
            fileError = e.what();
            file.clear();
        }
    }

    auto logger = std::make_shared<spdlog::logger>(options.programName, sinks.begin(), sinks.end());
    logger->set_level(options.level);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    if (!fileError.empty())
        spdlog::warn("logging to the console only: cannot write the log file ({}); "
                     "set VITASK_DATA_DIR to a writable folder", fileError);
    return file;
}

void addLogSink(spdlog::sink_ptr sink) {
    spdlog::default_logger()->sinks().push_back(std::move(sink));
}

void removeLogSink(const spdlog::sink_ptr& sink) {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
}

spdlog::level::level_enum parseLogLevel(std::string_view name) {
    const auto level = spdlog::level::from_str(std::string(name));
    // from_str maps every unknown name to "off"; only the literal "off" means off.
    if (level == spdlog::level::off && name != "off")
        throw Error("unknown log level '" + std::string(name) + "'", "--log-level",
                    "Use one of: trace, debug, info, warn, error, critical, off.");
    return level;
}

}  // namespace vitask
