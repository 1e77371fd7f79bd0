#pragma once
// What every benchmark in bench/ needs around its measurement: running its peer (a
// Python program) and describing the machine it ran on, for the JSON it prints.

#include <string>

namespace vitask::bench {

// Runs `command` through the shell and returns its standard output. Throws
// vitask::Error naming the command when it cannot start or exits non-zero; `needs` says
// what the command depends on (for the remedy).
std::string runCommand(const std::string& command,
                       const std::string& needs = "/usr/bin/python3 with python3-torch and python3-torchvision");

std::string cpuModel();     // /proc/cpuinfo's model name, or "unknown"
std::string loadAverage();  // "1.23 1.10 0.98" from /proc/loadavg: how busy the machine was

}  // namespace vitask::bench
