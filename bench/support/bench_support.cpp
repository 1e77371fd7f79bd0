#include "bench_support.h"

#include "vitask/common/error.h"
#include "vitask/common/logging.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace vitask::bench {

void quietLogging(const std::string& program) {
    LogOptions logging;
    logging.programName = program;
    logging.level = spdlog::level::warn;
    logging.toFile = false;
    initLogging(logging);
}

std::filesystem::path workFolder(const std::filesystem::path& requested, const std::string& name) {
    std::filesystem::path folder = requested;
    if (folder.empty()) {
        std::string pattern = "/tmp/vitask-bench-" + name + "-XXXXXX";
        if (!mkdtemp(pattern.data())) throw Error("cannot create a temporary folder", "/tmp");
        folder = pattern;
    }
    std::filesystem::create_directories(folder);
    return folder;
}

std::string runCommand(const std::string& command, const std::string& needs) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw Error("cannot start the command", command);
    char buffer[4096];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    const int status = pclose(pipe);
    if (status != 0)
        throw Error("the command failed (exit status " + std::to_string(status) + ")", command,
                    "Run it by hand to see its error (it needs " + needs + ").");
    return out;
}

std::string cpuModel() {
    std::ifstream info("/proc/cpuinfo");
    std::string line;
    while (std::getline(info, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

}  // namespace vitask::bench
