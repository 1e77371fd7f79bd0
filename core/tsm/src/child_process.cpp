#include "child_process.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

// AddressSanitizer reserves terabytes of address space for its shadow memory when a
// program starts, so a sanitized child cannot start under RLIMIT_AS at all. In sanitized
// builds (developers' and CI's, never shipped) the limit is ASan's own instead:
// soft_rss_limit_mb makes allocations fail once the child's resident memory passes it
// (ASan then reports "out-of-memory" and exits with 1), and ASan leaves fatal signals
// to the kernel, so that a crash still ends the child by its signal.
#if defined(__SANITIZE_ADDRESS__)
#define VITASK_CHILD_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VITASK_CHILD_UNDER_ASAN 1
#endif
#endif
#ifndef VITASK_CHILD_UNDER_ASAN
#define VITASK_CHILD_UNDER_ASAN 0
#endif

namespace vitask::tsm::detail {
namespace {

using Clock = std::chrono::steady_clock;

void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// Reads what is there without blocking; false at end of file (or an error).
bool drain(int fd, std::string& into) {
    char buffer[16384];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            if (into.size() < kCaptureLimit) into.append(buffer, std::min<size_t>(size_t(n), kCaptureLimit - into.size()));
            continue;
        }
        if (n == 0) return false;
        if (errno == EINTR) continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

// The child's current virtual size ("VmSize" in /proc/PID/status), in bytes; 0 when unknown.
std::uint64_t virtualSize(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmSize:", 0) == 0) {
            std::istringstream fields(line.substr(7));
            std::uint64_t kb = 0;
            fields >> kb;
            return kb * 1024;
        }
    return 0;
}

// Threads and allocator arenas reserve address space per thread; a probe needs neither,
// and under RLIMIT_AS every reserved byte counts. Sanitized builds: the memory limit as
// ASan options (see VITASK_CHILD_UNDER_ASAN).
std::vector<std::string> childEnvironment(std::uint64_t memoryLimitBytes) {
    std::vector<std::string> env;
    std::string asanOptions;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry(*e);
        if (entry.rfind("OMP_NUM_THREADS=", 0) == 0 || entry.rfind("OPENBLAS_NUM_THREADS=", 0) == 0 ||
            entry.rfind("MKL_NUM_THREADS=", 0) == 0 || entry.rfind("MALLOC_ARENA_MAX=", 0) == 0)
            continue;
        if (VITASK_CHILD_UNDER_ASAN && entry.rfind("ASAN_OPTIONS=", 0) == 0) {
            asanOptions = entry.substr(13);
            continue;
        }
        env.push_back(entry);
    }
    for (const char* entry : {"OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "MKL_NUM_THREADS=1", "MALLOC_ARENA_MAX=2"})
        env.emplace_back(entry);
    if (VITASK_CHILD_UNDER_ASAN) {
        std::string ours = "handle_segv=0:handle_abort=0:handle_sigbus=0:handle_sigfpe=0:handle_sigill=0";
        if (memoryLimitBytes > 0)
            ours += ":allocator_may_return_null=1:soft_rss_limit_mb=" + std::to_string(memoryLimitBytes >> 20);
        env.push_back("ASAN_OPTIONS=" + (asanOptions.empty() ? ours : asanOptions + ":" + ours));
    }
    return env;
}

}  // namespace

std::string signalName(int signal) {
    const char* abbreviation = sigabbrev_np(signal);
    const char* description = strsignal(signal);
    std::string out = abbreviation ? std::string("SIG") + abbreviation : "signal " + std::to_string(signal);
    if (description) out += std::string(" (") + description + ")";
    return out;
}

ChildResult runChild(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                     std::uint64_t memoryLimitBytes) {
    ChildResult result;
    if (argv.empty()) {
        result.startError = "no program given";
        return result;
    }
    // Everything the child needs is prepared before fork(): between fork and exec only
    // async-signal-safe calls (this process may have many threads).
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const auto environment = childEnvironment(memoryLimitBytes);
    std::vector<char*> env;
    for (const auto& e : environment) env.push_back(const_cast<char*>(e.c_str()));
    env.push_back(nullptr);

    int out[2] = {-1, -1}, err[2] = {-1, -1}, status[2] = {-1, -1};
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0 || ::pipe2(status, O_CLOEXEC) != 0) {
        result.startError = std::string("cannot create a pipe: ") + std::strerror(errno);
        for (int* fd : {&out[0], &out[1], &err[0], &err[1], &status[0], &status[1]}) closeFd(*fd);
        return result;
    }
    int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);

    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.startError = std::string("cannot start a process: ") + std::strerror(errno);
        for (int* fd : {&out[0], &out[1], &err[0], &err[1], &status[0], &status[1], &devNull}) closeFd(*fd);
        return result;
    }
    if (pid == 0) {
        // The child: its own process group (killed as one), no core file, the limits,
        // default signal handling, descriptors 0-2 only.
        ::setpgid(0, 0);
        if (devNull >= 0) ::dup2(devNull, STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        struct rlimit none = {0, 0};
        ::setrlimit(RLIMIT_CORE, &none);
        if (memoryLimitBytes > 0 && !VITASK_CHILD_UNDER_ASAN) {
            struct rlimit limit = {static_cast<rlim_t>(memoryLimitBytes), static_cast<rlim_t>(memoryLimitBytes)};
            ::setrlimit(RLIMIT_AS, &limit);
        }
        sigset_t all;
        sigemptyset(&all);
        ::sigprocmask(SIG_SETMASK, &all, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        ::syscall(SYS_close_range, 3u, ~0u, 4u /* CLOSE_RANGE_CLOEXEC */);  // descriptors leaked to us
        ::execve(args[0], args.data(), env.data());
        const int error = errno;
        [[maybe_unused]] auto written = ::write(status[1], &error, sizeof error);
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here, so that the group exists whichever runs first
    for (int* fd : {&out[1], &err[1], &status[1], &devNull}) closeFd(*fd);
    result.started = true;

    // exec succeeded when the status pipe closes without a word (it is close-on-exec).
    int execError = 0;
    ssize_t got;
    do got = ::read(status[0], &execError, sizeof execError);
    while (got < 0 && errno == EINTR);
    closeFd(status[0]);

    for (int fd : {out[0], err[0]}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const auto deadline = start + timeout;
    int waitStatus = 0;
    struct rusage usage {};
    bool reaped = false;
    while (!reaped) {
        const auto now = Clock::now();
        if (now >= deadline) {
            // Before the kill: a child stuck at its address-space limit (OpenBLAS retries a
            // failed allocation forever) ran out of memory rather than hung.
            result.timedOut = true;
            // (Under ASan the address space is its shadow's terabytes, not the plug-in's use.)
            if (!VITASK_CHILD_UNDER_ASAN) result.virtualBytesAtKill = virtualSize(pid);
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            while (::wait4(pid, &waitStatus, 0, &usage) < 0 && errno == EINTR) {}
            reaped = true;
            break;
        }
        struct pollfd fds[2];
        nfds_t count = 0;
        for (int fd : {out[0], err[0]})
            if (fd >= 0) fds[count++] = {fd, POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        // With both pipes closed (or a grandchild holding them), poll the exit every 20 ms.
        const int wait = static_cast<int>(std::min<long long>(std::max<long long>(left, 1), 20));
        if (count > 0) {
            if (::poll(fds, count, wait) > 0)
                for (nfds_t i = 0; i < count; ++i)
                    if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                        const bool isOut = fds[i].fd == out[0];
                        if (!drain(fds[i].fd, isOut ? result.out : result.err)) closeFd(isOut ? out[0] : err[0]);
                    }
        } else {
            ::usleep(static_cast<useconds_t>(wait) * 1000);
        }
        // Ended? Asked without reaping (WNOWAIT): while it is a zombie its pid (and so its
        // process group's id) cannot be reused, so the group can be killed safely.
        siginfo_t info{};
        int state;
        do state = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
        while (state < 0 && errno == EINTR);
        if (state < 0 && errno == ECHILD) {
            // Reaped behind our back (SIGCHLD ignored in this process): no status to read.
            result.statusUnknown = true;
            reaped = true;
        } else if (state == 0 && info.si_pid == pid) {
            ::kill(-pid, SIGKILL);  // whatever it left running in its group
            while (::wait4(pid, &waitStatus, 0, &usage) < 0 && errno == EINTR) {}
            reaped = true;
        }
    }
    // What is still in the pipes.
    for (int* fd : {&out[0], &err[0]}) {
        if (*fd >= 0) drain(*fd, fd == &out[0] ? result.out : result.err);
        closeFd(*fd);
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();

    if (execError != 0) {
        result.started = false;
        result.startError = "cannot run " + argv[0] + ": " + std::strerror(execError);
        return result;
    }
    if (!result.timedOut && !result.statusUnknown) {
        result.maxRssBytes = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
        if (WIFEXITED(waitStatus)) result.exitCode = WEXITSTATUS(waitStatus);
        if (WIFSIGNALED(waitStatus)) result.signal = WTERMSIG(waitStatus);
    }
    return result;
}

}  // namespace vitask::tsm::detail
