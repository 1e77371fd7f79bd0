#pragma once
// Compiled TSM plug-ins run third-party code, and one that crashes (a segmentation fault,
// an abort), hangs or eats memory would take the whole studio down with it. So before a
// plug-in is ever loaded into a process that matters, it is probed in a child process:
// `vitask tsm probe PATH` loads it there with the ordinary loader (interface version,
// factory, metadata, a probe batch checked for shapes, finiteness and probabilities) and
// prints a one-line JSON answer. PluginProbe runs that child with a time limit and a
// memory limit (RLIMIT_AS) and turns how it ended into a verdict: ok, refused (the
// loader's message), crashed (the signal), timed out, or out of memory.
//
// Verdicts are cached per plug-in file (path, size, modification time and SHA-256, with
// the probing program's size and modification time and the interface version) in
// <cache folder>/plugin-probes, one small JSON file per plug-in written atomically, so a
// known plug-in is not probed again at every start and a changed file is.
//
// No Qt here: the child is started with fork + exec.

#include "vitask/tsm/tsm.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace vitask::tsm {

struct PluginProbeOptions {
    // The `vitask` program whose `tsm probe` subcommand does the loading. Empty: plug-ins
    // are not probed (loaded directly, as before).
    std::filesystem::path program;
    // The whole child, from exec to its answer; killed (SIGKILL) when it runs over.
    std::chrono::milliseconds timeout{20000};
    // The child's address-space limit (RLIMIT_AS), so a leaking plug-in fails instead of
    // eating the machine. 0: no limit.
    std::uint64_t memoryLimitBytes = std::uint64_t(4) << 30;
    // Where verdicts are kept; empty: defaultCacheDir().
    std::filesystem::path cacheDir;
    // false: probe every plug-in again (the fresh verdict is still written to the cache).
    bool useCache = true;

    bool enabled() const { return !program.empty(); }

    // userCacheDir()/plugin-probes.
    static std::filesystem::path defaultCacheDir();
    // The `vitask` program an application beside it uses: $VITASK_CLI when set, else
    // `vitask` in the folder of the running executable (what the studio runs for training).
    static std::filesystem::path defaultProgram();
    // Probing with defaultProgram() and the default limits, or those of
    // $VITASK_PLUGIN_PROBE_TIMEOUT (seconds) and $VITASK_PLUGIN_PROBE_MEMORY_GIB (0: no
    // limit; a plug-in computing on a GPU needs it, as the driver reserves far more
    // address space than it uses).
    static PluginProbeOptions withDefaultProgram();
};

enum class ProbeOutcome {
    Ok,           // loaded and answered the probe batch
    Refused,      // the loader refused it (its message), or it answered wrongly
    Crashed,      // the child died of a signal (SIGSEGV, SIGABRT, ...)
    TimedOut,     // no answer within the timeout; the child was killed
    OutOfMemory,  // allocations failed at the memory limit
    NotProbed,    // the probe itself could not run (no program): says nothing about the plug-in
};

// "ok", "refused", "crashed", "timed_out", "out_of_memory", "not_probed".
const char* probeOutcomeName(ProbeOutcome outcome);

struct ProbeVerdict {
    ProbeOutcome outcome = ProbeOutcome::NotProbed;
    // Why it is not ok, for the user ("crashed with SIGSEGV (Segmentation fault) ...");
    // empty when ok.
    std::string message;
    // What an ok plug-in said about itself.
    std::string name;
    std::string version;
    std::vector<std::string> labels;
    // Non-fatal remarks from the child (e.g. an error on a batch of random images).
    std::vector<std::string> warnings;
    double seconds = 0;    // how long the child ran
    bool cached = false;   // read from the cache, no child was started

    bool ok() const { return outcome == ProbeOutcome::Ok; }
    // The message as a registry error: names the file and says it was never loaded here.
    std::string error(const std::filesystem::path& library) const;
};

class PluginProbe {
public:
    explicit PluginProbe(PluginProbeOptions options);

    const PluginProbeOptions& options() const { return options_; }

    // The cached verdict when the file (and the program) is unchanged, else probe() and
    // cache the answer. Never throws.
    ProbeVerdict check(const std::filesystem::path& library);
    // Runs `vitask tsm probe library` in a child now, without the cache. Never throws.
    ProbeVerdict probe(const std::filesystem::path& library);
    // check(), and a vitask::Error naming the file unless the verdict is ok.
    void require(const std::filesystem::path& library);

    // Children started by this object (cache hits start none).
    std::size_t childrenStarted() const { return childrenStarted_; }
    // The cache file that holds (or would hold) the verdict for `library`.
    std::filesystem::path cacheFile(const std::filesystem::path& library) const;

private:
    PluginProbeOptions options_;
    std::size_t childrenStarted_ = 0;
};

// openTsm() for a source a user named: a manifest as is, a compiled plug-in only once its
// probe passed (PluginProbe::require with `options`), so a crashing plug-in stops with a
// message naming it instead of taking this process down. Throws vitask::Error.
std::unique_ptr<Tsm> openProbed(const std::filesystem::path& source,
                                PluginProbeOptions options = PluginProbeOptions::withDefaultProgram());

}  // namespace vitask::tsm
