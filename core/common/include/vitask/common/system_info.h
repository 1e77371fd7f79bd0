#pragma once
// What this build of VITask runs on: version, LibTorch, compute devices and the BLAS
// library doing the CPU matrix work, in plain types. The build's part is known without
// LibTorch (buildSystemInfo); the engine fills in the rest once LibTorch is loaded
// (vitask/runtime/system_info.h), so the studio shows its window first and the rest when
// its engine reports it.

#include <string>

namespace vitask {

struct BlasInfo {
    std::string name;      // "OpenBLAS", "MKL", "BLIS", "reference BLAS", or what LibTorch reports
    std::string details;   // e.g. OpenBLAS's build configuration and threading
    std::string library;   // the shared library file that provides it, when known
    bool optimized = false;  // false for the reference (netlib) BLAS: ~13x slower matmuls
};

struct SystemInfo {
    std::string version;        // VITask version, e.g. "0.1.0"
    std::string gitCommit;      // commit the build was configured from, or "unknown"
    std::string buildType;      // CMake build type
    std::string compiler;
    std::string torchVersion;   // LibTorch the program is running with, e.g. "1.13.1"
    // Whether the fields below were measured by a loaded LibTorch (false: not yet, or
    // `engineError` says why it could not be loaded).
    bool engineLoaded = false;
    std::string engineError;
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    int cpuThreads = 0;         // LibTorch intra-op threads
    BlasInfo blas;
};

// The build's part: version, commit, build type, compiler, and the LibTorch built with.
SystemInfo buildSystemInfo();

// The multi-line report printed by `vitask doctor` and shown in the studio's About box.
std::string formatSystemReport(const SystemInfo& info);

}  // namespace vitask
