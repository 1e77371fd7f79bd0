#pragma once
// How many threads the imaging readers (folder scan, series read) use: every core, at most
// `cap`, unless VITASK_IMAGING_THREADS is set to a positive number, which replaces the core
// count (benchmarks measure one thread with VITASK_IMAGING_THREADS=1).

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <thread>

namespace vitask::imaging::detail {

inline std::size_t imagingThreads(std::size_t cap) {
    std::size_t wanted = std::thread::hardware_concurrency();
    if (const char* env = std::getenv("VITASK_IMAGING_THREADS")) {
        char* end = nullptr;
        const long n = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && n > 0) wanted = static_cast<std::size_t>(n);
    }
    return std::clamp<std::size_t>(wanted, 1, std::max<std::size_t>(cap, 1));
}

}  // namespace vitask::imaging::detail
