// A run's trainer process: is it alive, and stopping it with a checkpoint.
#include "vitask/service/run_monitor.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace vitask::service {
namespace {

// A pid may be reused by another program after the trainer died (or after a reboot):
// a process that started this much later than the trainer's session is not the trainer.
constexpr int64_t kStartTolerance = 10;

struct ProcStat {
    char state = '?';
    int64_t startedAt = 0;  // unix seconds; 0: not known
};

std::optional<ProcStat> readProcStat(int64_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;
    // "pid (comm) S ppid ...": comm may hold spaces and parentheses, the last ')' ends it.
    const auto close = line.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(line.substr(close + 1));
    ProcStat stat;
    fields >> stat.state;
    std::string field;
    for (int i = 0; i < 18 && fields >> field; ++i) {}  // ppid ... itrealvalue
    unsigned long long ticks = 0;
    if (!(fields >> ticks)) return stat;  // field 22, starttime: clock ticks after boot
    std::ifstream procStat("/proc/stat");
    for (std::string key; procStat >> key;) {
        if (key == "btime") {
            int64_t boot = 0;
            procStat >> boot;
            const long perSecond = ::sysconf(_SC_CLK_TCK);
            if (boot > 0 && perSecond > 0) stat.startedAt = boot + static_cast<int64_t>(ticks / static_cast<unsigned long long>(perSecond));
            break;
        }
        procStat.ignore(1 << 20, '\n');
    }
    return stat;
}

}  // namespace

std::string thisHostName() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return {};
    return name;
}

bool processAlive(int64_t pid, int64_t startedAt) {
    if (pid <= 0 || pid > 0x7fffffff) return false;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return false;
    const auto stat = readProcStat(pid);
    if (!stat) return true;  // no /proc: kill's word stands
    // An exited child nobody has reaped yet (a container's init may never do it) is dead.
    if (stat->state == 'Z' || stat->state == 'X') return false;
    return startedAt <= 0 || stat->startedAt <= 0 || stat->startedAt <= startedAt + kStartTolerance;
}

bool interruptRun(const RunSummary& run, std::string* why) {
    const auto fail = [&](const std::string& reason) {
        if (why) *why = run.folder.string() + ": " + reason;
        return false;
    };
    if (!run.isRun()) return fail(run.problem);
    if (!run.onThisHost)
        return fail("the run is training on " + run.host + ", not on this machine. Stop it there (Ctrl+C, or kill -INT " +
                    std::to_string(run.pid) + ").");
    if (run.state != RunState::Running || run.pid <= 0 || !processAlive(run.pid, run.startedAt))
        return fail("the run is not training (its status is " + std::string(runStateName(run.state)) +
                    "), so there is nothing to stop.");
    if (::kill(static_cast<pid_t>(run.pid), SIGINT) != 0)
        return fail("cannot signal its process " + std::to_string(run.pid) + ": " + std::strerror(errno) +
                    ". Stop it as the user who started it.");
    return true;
}

}  // namespace vitask::service
