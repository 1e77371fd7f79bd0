#pragma once
// What this build of VITask runs on: version, LibTorch, compute devices and the BLAS
// library doing the CPU matrix work. Plain types only, so that the studio can show it
// without including LibTorch headers.

#include <string>

namespace vitask::runtime {

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
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    int cpuThreads = 0;         // LibTorch intra-op threads
    BlasInfo blas;
};

// The current state (the BLAS is detected once, the rest is cheap to query).
SystemInfo systemInfo();

// Sets LibTorch's intra-op CPU threads: 0 means one per hardware thread (Debian's
// LibTorch otherwise starts with one). Returns the number set; throws vitask::Error
// for a negative number.
int setCpuThreads(int requested);

// The multi-line report printed by `vitask --version` and shown in the studio's About box.
std::string formatSystemReport(const SystemInfo& info);

}  // namespace vitask::runtime
