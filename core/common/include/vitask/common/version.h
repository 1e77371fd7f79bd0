#pragma once
// This build of VITask: its version, commit, build type and compiler, and the LibTorch it
// was built against, without loading LibTorch (`vitask --version`; `vitask doctor` and
// the studio's About box add what LibTorch runs on).

#include <string>

namespace vitask {

struct BuildInfo {
    std::string version;    // "0.1.0"
    std::string gitCommit;  // the commit configured from, or "unknown"
    std::string buildType;  // CMake's
    std::string compiler;
    std::string torchVersion;  // the LibTorch headers built against
};

const BuildInfo& buildInfo();

// "vitask 0.1.0 (commit abc, Release, GNU 12.2.0)"
std::string versionLine();

}  // namespace vitask
