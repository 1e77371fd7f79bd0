#include "process_launcher.h"

#include "vitask/common/error.h"
#include "vitask/common/local_port.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

namespace vitask::cli {
namespace {

std::vector<std::string> commandLine;
std::atomic<int> forwardSignal{0};
extern "C" void onLauncherSignal(int signal) { forwardSignal = signal; }

// The command line without --nproc N (or --nproc=N).
std::vector<std::string> childArguments() {
    std::vector<std::string> out;
    for (size_t i = 0; i < commandLine.size(); ++i) {
        if (commandLine[i] == "--nproc") {
            ++i;
            continue;
        }
        if (commandLine[i].rfind("--nproc=", 0) == 0) continue;
        out.push_back(commandLine[i]);
    }
    return out;
}

pid_t start(int rank, int count, int port, const std::vector<std::string>& arguments) {
    const pid_t pid = ::fork();
    if (pid != 0) return pid;
    ::setenv("RANK", std::to_string(rank).c_str(), 1);
    ::setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
    ::setenv("WORLD_SIZE", std::to_string(count).c_str(), 1);
    ::setenv("LOCAL_WORLD_SIZE", std::to_string(count).c_str(), 1);
    ::setenv("MASTER_ADDR", "127.0.0.1", 1);
    ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
    std::vector<char*> argv;
    for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv("/proc/self/exe", argv.data());
    std::cerr << "vitask train --nproc: cannot start process " << rank << "\n";
    ::_exit(127);
}

}  // namespace

void rememberCommandLine(std::vector<std::string> arguments) { commandLine = std::move(arguments); }

int launchLocalProcesses(int count) {
    if (count < 1) throw Error("must be at least 1", "--nproc");
    const int port = freeLocalPort();
    if (port == 0)
        throw Error("no free local TCP port for the processes to meet", "vitask train --nproc",
                    "Set MASTER_PORT and start the processes with torchrun instead.");
    const auto arguments = childArguments();
    std::signal(SIGINT, onLauncherSignal);
    std::signal(SIGTERM, onLauncherSignal);
    std::vector<pid_t> children;
    for (int rank = 0; rank < count; ++rank) children.push_back(start(rank, count, port, arguments));

    int status = 0, running = count;
    std::optional<std::chrono::steady_clock::time_point> failedAt;
    while (running > 0) {
        if (const int signal = forwardSignal.exchange(0))
            for (auto pid : children)
                if (pid > 0) ::kill(pid, signal);
        int childStatus = 0;
        const pid_t done = ::waitpid(-1, &childStatus, WNOHANG);
        if (done > 0) {
            --running;
            const int code = WIFEXITED(childStatus) ? WEXITSTATUS(childStatus) : 128 + WTERMSIG(childStatus);
            for (auto& pid : children)
                if (pid == done) pid = -1;
            if (code != 0 && status == 0) {
                status = code;
                // The others notice the missing process at their next exchange; a grace
                // period for them to say so, then they are stopped.
                failedAt = std::chrono::steady_clock::now();
                if (code != 130)
                    std::cerr << "vitask train --nproc: a process exited with status " << code
                              << "; stopping the others\n";
            }
            continue;
        }
        if (failedAt && std::chrono::steady_clock::now() - *failedAt > std::chrono::seconds(30))
            for (auto pid : children)
                if (pid > 0) ::kill(pid, SIGKILL);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return status;
}

}  // namespace vitask::cli
