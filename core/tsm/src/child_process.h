#pragma once
// One child process run to completion with a time limit and an address-space limit, its
// stdout and stderr captured (for PluginProbe). POSIX only, no Qt: fork + exec, the child
// in its own process group so that the group is killed on timeout, the exit status and
// peak memory read with wait4.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace vitask::tsm::detail {

struct ChildResult {
    bool started = false;
    std::string startError;   // why it did not start (fork or exec failed)
    bool timedOut = false;    // killed with SIGKILL at the deadline
    int exitCode = -1;        // when it exited
    int signal = 0;           // when a signal ended it (not our SIGKILL at the deadline)
    bool statusUnknown = false;  // it ended, but was reaped elsewhere (SIGCHLD ignored)
    std::string out, err;     // up to kCaptureLimit bytes each
    std::uint64_t maxRssBytes = 0;          // peak resident memory, when it ended by itself
    std::uint64_t virtualBytesAtKill = 0;   // its address space when killed at the deadline
    double seconds = 0;
};

inline constexpr std::size_t kCaptureLimit = 256 * 1024;

// argv[0] is the program's path (no PATH search). memoryLimitBytes: RLIMIT_AS of the
// child (in sanitized builds ASan's soft_rss_limit_mb), 0 for none. The child's stdin is
// /dev/null, it writes no core file, and it inherits no descriptor but 0-2.
ChildResult runChild(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                     std::uint64_t memoryLimitBytes);

// "SIGSEGV (Segmentation fault)".
std::string signalName(int signal);

}  // namespace vitask::tsm::detail
