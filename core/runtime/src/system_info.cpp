#include "vitask/runtime/system_info.h"

#include "vitask/common/error.h"

#include <torch/torch.h>

#include <dlfcn.h>

#include <algorithm>
#include <thread>

namespace vitask::runtime {
namespace {

// The file a symbol was loaded from, or "" if unknown.
std::string libraryOf(void* symbol) {
    Dl_info info{};
    return (symbol && dladdr(symbol, &info) && info.dli_fname) ? info.dli_fname : "";
}

// "BLAS_INFO=open" style key from LibTorch's build configuration.
std::string torchBuildSetting(const std::string& key) {
    const std::string config = at::show_config();
    const auto at = config.find(key + "=");
    if (at == std::string::npos) return "";
    const auto begin = at + key.size() + 1;
    return config.substr(begin, config.find_first_of(", \n", begin) - begin);
}

// Debian's LibTorch calls whatever libblas.so.3 the dynamic loader resolves (the
// alternatives link, or LD_LIBRARY_PATH), so its build configuration cannot tell which
// BLAS runs; the library that provides `sgemm_` to this process can. Official LibTorch
// builds link MKL statically and hide its symbols: only the build configuration says so.
BlasInfo detectBlas() {
    void* gemm = dlsym(RTLD_DEFAULT, "sgemm_");
    if (!gemm) {
        const std::string built = torchBuildSetting("BLAS_INFO");
        if (built == "mkl") return {"MKL", "statically linked into LibTorch", "", true};
        if (built.empty()) return {"none found", "LibTorch uses its own kernels", "", false};
        return {built, "as reported by LibTorch's build configuration", "", built != "generic"};
    }

    const std::string library = libraryOf(gemm);
    // Look for vendor symbols in that library (and what it links), not in the whole
    // process: OpenBLAS may be loaded through LAPACK while sgemm_ comes from elsewhere.
    void* handle = dlopen(library.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    auto symbol = [handle](const char* name) { return handle ? dlsym(handle, name) : nullptr; };
    BlasInfo blas{"reference BLAS", "netlib reference implementation, about 13x slower", library, false};
    if (void* config = symbol("openblas_get_config")) {
        blas.name = "OpenBLAS";
        blas.optimized = true;
        blas.details = reinterpret_cast<const char* (*)()>(config)();
        if (void* parallel = symbol("openblas_get_parallel")) {
            static const char* kModes[] = {"sequential", "pthreads", "OpenMP"};
            const int mode = reinterpret_cast<int (*)()>(parallel)();
            if (mode >= 0 && mode <= 2) blas.details += std::string(", ") + kModes[mode];
        }
    } else if (void* version = symbol("mkl_get_version_string")) {
        char text[198] = {};
        reinterpret_cast<void (*)(char*, int)>(version)(text, sizeof(text));
        blas = {"MKL", text, library, true};
    } else if (void* version = symbol("bli_info_get_version_str")) {
        blas = {"BLIS", reinterpret_cast<const char* (*)()>(version)(), library, true};
    }
    if (handle) dlclose(handle);
    return blas;
}

SystemInfo query() {
    SystemInfo info = buildSystemInfo();
    info.engineLoaded = true;
    info.torchVersion = TORCH_VERSION;
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    info.cpuThreads = at::get_num_threads();
    static const BlasInfo blas = detectBlas();  // the loaded libraries do not change
    info.blas = blas;
    return info;
}

}  // namespace

SystemInfo systemInfo() { return query(); }

int setCpuThreads(int requested) {
    if (requested < 0)
        throw Error("the number of CPU threads must be 0 (all cores) or positive, not " +
                        std::to_string(requested),
                    "--threads");
    const int threads = requested > 0 ? requested
                                      : std::max(1u, std::thread::hardware_concurrency());
    at::set_num_threads(threads);
    // Debian's LibTorch calls the system BLAS, whose own thread pool ignores LibTorch's
    // setting: OpenBLAS would run its gemms on every core inside each of LibTorch's
    // threads, and its idle threads spin (measured: a small model's training spent 80%
    // of its time in the kernel yielding). Give it the same count.
    using SetThreads = void (*)(int);
    if (auto* openblas = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        openblas(threads);
    return threads;
}

}  // namespace vitask::runtime
