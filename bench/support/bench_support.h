#pragma once
// What every benchmark in bench/ needs around its measurement: running its peer (a
// Python program), a quiet log, a work folder, and describing the machine it ran on,
// for the JSON it prints.

#include <filesystem>
#include <string>

namespace vitask::bench {

// Runs `command` through the shell and returns its standard output. Throws
// vitask::Error naming the command when it cannot start or exits non-zero; `needs` says
// what the command depends on (for the remedy).
std::string runCommand(const std::string& command,
                       const std::string& needs = "/usr/bin/python3 with python3-torch and python3-torchvision");

// The engine's log to stderr, warnings only: stdout carries the benchmark's JSON alone.
void quietLogging(const std::string& program);

// The folder a benchmark writes its models and inputs into: `requested`, or a new
// /tmp/vitask-bench-<name>-XXXXXX when it is empty; created either way. Throws
// vitask::Error when it cannot be made.
std::filesystem::path workFolder(const std::filesystem::path& requested, const std::string& name);

std::string cpuModel();     // /proc/cpuinfo's model name, or "unknown"
std::string loadAverage();  // "1.23 1.10 0.98" from /proc/loadavg: how busy the machine was

}  // namespace vitask::bench
