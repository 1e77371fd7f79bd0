#include "vitask/common/system_info.h"

#include "vitask/common/version.h"

#include <sstream>

namespace vitask {

SystemInfo buildSystemInfo() {
    const BuildInfo& build = buildInfo();
    SystemInfo info;
    info.version = build.version;
    info.gitCommit = build.gitCommit;
    info.buildType = build.buildType;
    info.compiler = build.compiler;
    info.torchVersion = build.torchVersion;
    return info;
}

std::string formatSystemReport(const SystemInfo& info) {
    std::ostringstream out;
    out << versionLine() << "\n";
    out << "LibTorch: " << info.torchVersion << "\n";
    if (!info.engineLoaded) {
        out << "CUDA, CPU threads, BLAS: "
            << (info.engineError.empty() ? "not known until the engine is loaded" : "the engine could not be loaded: " + info.engineError)
            << "\n";
        return out.str();
    }
    out << "CUDA: ";
    if (info.cudaAvailable)
        out << "available, " << info.cudaDeviceCount << " device(s)\n";
    else
        out << "not available (running on CPU)\n";
    out << "CPU threads: " << info.cpuThreads << "\n";
    out << "BLAS: " << info.blas.name;
    if (!info.blas.details.empty()) out << " (" << info.blas.details << ")";
    if (!info.blas.library.empty()) out << " [" << info.blas.library << "]";
    out << "\n";
    if (!info.blas.optimized)
        out << "warning: CPU matrix work uses an unoptimized BLAS; install libopenblas0-pthread\n";
    return out.str();
}

}  // namespace vitask
