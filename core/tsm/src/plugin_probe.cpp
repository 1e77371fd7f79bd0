#include "vitask/tsm/plugin_probe.h"
#include "vitask/common/json_file.h"

#include "child_process.h"
#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/common/sha256.h"
#include "vitask/common/user_paths.h"
#include "vitask/tsm/plugin_api.h"
#include "vitask/tsm/tsm_loader.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace vitask::tsm {
namespace fs = std::filesystem;
namespace {

constexpr int kCacheFormat = 1;

fs::path fromEnv(const char* name) {
    const char* value = std::getenv(name);
    return (value && *value) ? fs::path(value) : fs::path();
}

// "4 GiB", "1.5 GiB", "512 MiB".
std::string sizeText(std::uint64_t bytes) {
    char text[48];
    const double gib = static_cast<double>(bytes) / double(std::uint64_t(1) << 30);
    if (gib >= 1)
        std::snprintf(text, sizeof text, std::fabs(gib - std::round(gib)) < 0.05 ? "%.0f GiB" : "%.1f GiB", gib);
    else
        std::snprintf(text, sizeof text, "%.0f MiB", static_cast<double>(bytes) / double(1 << 20));
    return text;
}

std::string secondsText(std::chrono::milliseconds ms) {
    char text[32];
    const double s = ms.count() / 1000.0;
    std::snprintf(text, sizeof text, std::fabs(s - std::round(s)) < 0.05 ? "%.0f s" : "%.1f s", s);
    return text;
}

// What identifies a file for the cache: size and modification time are cheap; the
// SHA-256 catches a replacement that kept both (cp -p, a build tool restoring times).
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtimeNs = 0;
    bool valid = false;
};

FileStamp stampOf(const fs::path& file) {
    FileStamp s;
    std::error_code ec;
    s.size = fs::file_size(file, ec);
    if (ec) return s;
    const auto time = fs::last_write_time(file, ec);
    if (ec) return s;
    s.mtimeNs = std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
    s.valid = true;
    return s;
}

std::string lastLines(const std::string& text, size_t lines) {
    size_t end = text.find_last_not_of(" \n\r\t");
    if (end == std::string::npos) return {};
    size_t begin = end + 1;
    for (size_t n = 0; n < lines && begin > 0; ++n) {
        const auto newline = text.rfind('\n', begin - 1);
        begin = newline == std::string::npos ? 0 : newline;
        if (begin == 0) break;
    }
    auto out = text.substr(begin, end + 1 - begin);
    while (!out.empty() && (out.front() == '\n' || out.front() == '\r')) out.erase(0, 1);
    return out;
}

// The child's answer: the last stdout line that is a JSON object with "ok" (a plug-in may
// print to stdout too, before it).
nlohmann::json answerOf(const std::string& out) {
    std::istringstream in(out);
    std::string line;
    nlohmann::json answer;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() != '{') continue;
        auto doc = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (doc.is_object() && doc.contains("ok") && doc["ok"].is_boolean()) answer = std::move(doc);
    }
    return answer;
}

// Allocation failures as LibTorch's CPU allocator, operator new and strerror(ENOMEM) say
// them, and as AddressSanitizer reports them in sanitized builds (child_process.cpp).
bool saysOutOfMemory(const std::string& text) {
    for (const char* marker : {"std::bad_alloc", "can't allocate memory", "Cannot allocate memory",
                               "AddressSanitizer: out-of-memory"})
        if (text.find(marker) != std::string::npos) return true;
    return false;
}

ProbeVerdict verdictOf(const detail::ChildResult& child, const PluginProbeOptions& options) {
    ProbeVerdict v;
    v.seconds = child.seconds;
    const auto answer = answerOf(child.out);
    const bool answeredOk = answer.is_object() && answer.value("ok", false);
    const std::string refusal = answer.is_object() && answer.contains("error") && answer["error"].is_string()
                                    ? answer["error"].get<std::string>()
                                    : std::string();
    const auto memoryLimit = options.memoryLimitBytes ? " (over " + sizeText(options.memoryLimitBytes) + ")" : std::string();

    if (!child.started) {
        v.outcome = ProbeOutcome::NotProbed;
        v.message = "could not be checked before loading: " + child.startError;
        return v;
    }
    const double limit = static_cast<double>(options.memoryLimitBytes);
    if (child.timedOut && options.memoryLimitBytes && static_cast<double>(child.virtualBytesAtKill) > 0.75 * limit) {
        // Stuck at the limit (OpenBLAS, for one, retries a failed allocation forever).
        v.outcome = ProbeOutcome::OutOfMemory;
        v.message = "ran out of memory" + memoryLimit + " when VITask probed it in a separate process, and was stopped";
        return v;
    }
    if (child.timedOut) {
        v.outcome = ProbeOutcome::TimedOut;
        v.message = "timed out: it gave no answer within " + secondsText(options.timeout) +
                    " when VITask probed it in a separate process (it hangs or is far too slow), and was stopped";
        return v;
    }
    // Before the signal: a plug-in whose bad_alloc escaped a noexcept ends in SIGABRT.
    const bool nearLimit = options.memoryLimitBytes && static_cast<double>(child.maxRssBytes) > 0.8 * limit;
    if (!answeredOk && (saysOutOfMemory(refusal) || saysOutOfMemory(child.err) || (child.signal && nearLimit))) {
        v.outcome = ProbeOutcome::OutOfMemory;
        v.message = "ran out of memory" + memoryLimit + " when VITask probed it in a separate process";
        return v;
    }
    if (child.signal) {
        v.outcome = ProbeOutcome::Crashed;
        v.message = "crashed with " + detail::signalName(child.signal) + " when VITask probed it in a separate process";
        if (const auto tail = lastLines(child.err, 3); !tail.empty()) v.message += " (it printed: " + tail + ")";
        return v;
    }
    if (child.statusUnknown && !answer.is_object()) {
        v.outcome = ProbeOutcome::Crashed;
        v.message = "ended without an answer when VITask probed it in a separate process";
        return v;
    }
    if ((child.exitCode == 0 || child.statusUnknown) && answeredOk) {
        v.outcome = ProbeOutcome::Ok;
        v.name = answer.value("name", std::string());
        v.version = answer.value("version", std::string());
        if (answer.contains("labels") && answer["labels"].is_array())
            for (const auto& label : answer["labels"])
                if (label.is_string()) v.labels.push_back(label.get<std::string>());
        if (answer.contains("warnings") && answer["warnings"].is_array())
            for (const auto& w : answer["warnings"])
                if (w.is_string()) v.warnings.push_back(w.get<std::string>());
        if (v.name.empty() || v.labels.empty()) {
            v.outcome = ProbeOutcome::Refused;
            v.message = "answered the probe without a name or labels";
        }
        return v;
    }
    v.outcome = ProbeOutcome::Refused;
    if (!refusal.empty())
        v.message = refusal;
    else if (child.exitCode == 0)
        v.message = "gave no answer the probe understands (`tsm probe` printed no result)";
    else
        v.message = "the probe exited with code " + std::to_string(child.exitCode) +
                    (lastLines(child.err, 3).empty() ? std::string() : ": " + lastLines(child.err, 3));
    return v;
}

nlohmann::json verdictJson(const ProbeVerdict& v) {
    return {{"outcome", probeOutcomeName(v.outcome)}, {"message", v.message},   {"name", v.name},
            {"version", v.version},                   {"labels", v.labels},     {"warnings", v.warnings},
            {"seconds", v.seconds}};
}

bool outcomeFromName(const std::string& name, ProbeOutcome& out) {
    for (auto o : {ProbeOutcome::Ok, ProbeOutcome::Refused, ProbeOutcome::Crashed, ProbeOutcome::TimedOut,
                   ProbeOutcome::OutOfMemory})
        if (name == probeOutcomeName(o)) {
            out = o;
            return true;
        }
    return false;
}

}  // namespace

const char* probeOutcomeName(ProbeOutcome outcome) {
    switch (outcome) {
    case ProbeOutcome::Ok: return "ok";
    case ProbeOutcome::Refused: return "refused";
    case ProbeOutcome::Crashed: return "crashed";
    case ProbeOutcome::TimedOut: return "timed_out";
    case ProbeOutcome::OutOfMemory: return "out_of_memory";
    case ProbeOutcome::NotProbed: return "not_probed";
    }
    return "not_probed";
}

std::string ProbeVerdict::error(const fs::path& library) const {
    if (ok()) return {};
    if (outcome == ProbeOutcome::NotProbed)
        return Error(message + ", so it was not loaded", "TSM plug-in " + library.string(),
                     "Install the vitask program beside the studio, or set VITASK_CLI to it.")
            .what();
    if (outcome == ProbeOutcome::Refused)  // the loader's message names the file already
        return message.find(library.string()) != std::string::npos ? message
                                                                   : "TSM plug-in " + library.string() + ": " + message;
    return Error(message + "; it was never loaded into this process", "TSM plug-in " + library.string(),
                 "Remove it from the plug-in folder or ask its author for a fixed build; it is probed again when the "
                 "file changes.")
        .what();
}

fs::path PluginProbeOptions::defaultCacheDir() { return userCacheDir() / "plugin-probes"; }

fs::path PluginProbeOptions::defaultProgram() {
    if (auto cli = fromEnv("VITASK_CLI"); !cli.empty()) return cli;
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return fs::path("vitask");
    return exe.parent_path() / "vitask";
}

PluginProbeOptions PluginProbeOptions::withDefaultProgram() {
    PluginProbeOptions options;
    options.program = defaultProgram();
    // A number >= 0 from the environment, or nothing (unset or not a number: a warning).
    const auto number = [](const char* name, double& value) {
        const char* text = std::getenv(name);
        if (!text || !*text) return false;
        char* end = nullptr;
        const double parsed = std::strtod(text, &end);
        if (end == text || *end != '\0' || !(parsed >= 0) || !std::isfinite(parsed)) {
            spdlog::warn("{}={} is not a number >= 0; using the default", name, text);
            return false;
        }
        value = parsed;
        return true;
    };
    if (double seconds = 0; number("VITASK_PLUGIN_PROBE_TIMEOUT", seconds) && seconds > 0)
        options.timeout = std::chrono::milliseconds(std::llround(seconds * 1000));
    if (double gib = 0; number("VITASK_PLUGIN_PROBE_MEMORY_GIB", gib))
        options.memoryLimitBytes = static_cast<std::uint64_t>(gib * double(std::uint64_t(1) << 30));
    return options;
}

PluginProbe::PluginProbe(PluginProbeOptions options) : options_(std::move(options)) {
    if (options_.cacheDir.empty()) options_.cacheDir = PluginProbeOptions::defaultCacheDir();
}

fs::path PluginProbe::cacheFile(const fs::path& library) const {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(library, ec);
    if (ec) canonical = fs::absolute(library, ec).lexically_normal();
    return options_.cacheDir / (sha256Hex(canonical.string()) + ".json");
}

ProbeVerdict PluginProbe::probe(const fs::path& library) {
    std::error_code ec;
    if (!fs::is_regular_file(options_.program, ec)) {
        ProbeVerdict v;
        v.message = "could not be checked before loading: the vitask program " + options_.program.string() +
                    " that probes plug-ins does not exist";
        return v;
    }
    ++childrenStarted_;
    const std::vector<std::string> argv{options_.program.string(), "--no-log-file", "--log-level", "warn",
                                        "--threads", "1", "tsm", "probe", library.string()};
    const auto child = detail::runChild(argv, options_.timeout, options_.memoryLimitBytes);
    auto verdict = verdictOf(child, options_);
    spdlog::log(verdict.ok() ? spdlog::level::debug : spdlog::level::info,
                "probed the TSM plug-in {} in a child process in {:.1f} s: {}{}", library.string(), verdict.seconds,
                probeOutcomeName(verdict.outcome), verdict.ok() ? "" : " (" + verdict.message + ")");
    for (const auto& warning : verdict.warnings) spdlog::info("TSM plug-in {}: {}", library.string(), warning);
    return verdict;
}

ProbeVerdict PluginProbe::check(const fs::path& library) {
    const auto stamp = stampOf(library);
    const auto programStamp = stampOf(options_.program);
    if (!stamp.valid) {
        ProbeVerdict v;
        v.outcome = ProbeOutcome::Refused;
        v.message = "cannot be read";
        return v;
    }
    const auto cache = cacheFile(library);
    std::string digest;
    try {
        digest = sha256OfFile(library);
    } catch (const std::exception& e) {
        ProbeVerdict v;
        v.outcome = ProbeOutcome::Refused;
        v.message = e.what();
        return v;
    }
    std::error_code ec;
    if (options_.useCache && fs::is_regular_file(cache, ec)) {
        std::ifstream in(cache);
        const auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
        ProbeOutcome outcome{};
        // The verdict holds for the same file, probed by the same program, under limits
        // no looser than now (a plug-in that timed out at 5 s gets another go at 20 s).
        const bool same =
            doc.is_object() && doc.value("format", 0) == kCacheFormat &&
            doc.value("library", std::string()) == library.string() && doc.value("size", std::uintmax_t(0)) == stamp.size &&
            doc.value("mtime_ns", std::int64_t(0)) == stamp.mtimeNs && doc.value("sha256", std::string()) == digest &&
            doc.value("abi_version", 0) == kPluginAbiVersion &&
            doc.value("program", std::string()) == options_.program.string() &&
            doc.value("program_size", std::uintmax_t(0)) == programStamp.size &&
            doc.value("program_mtime_ns", std::int64_t(0)) == programStamp.mtimeNs && doc.contains("verdict") &&
            doc["verdict"].is_object() && outcomeFromName(doc["verdict"].value("outcome", std::string()), outcome);
        const auto cachedTimeout = std::chrono::milliseconds(same ? doc.value("timeout_ms", std::int64_t(0)) : 0);
        const auto cachedLimit = same ? doc.value("memory_limit_bytes", std::uint64_t(0)) : 0;
        const bool stillHolds =
            same && !(outcome == ProbeOutcome::TimedOut && cachedTimeout < options_.timeout) &&
            !(outcome == ProbeOutcome::OutOfMemory && cachedLimit != 0 &&
              (options_.memoryLimitBytes == 0 || cachedLimit < options_.memoryLimitBytes));
        if (stillHolds) {
            const auto& j = doc["verdict"];
            ProbeVerdict v;
            v.outcome = outcome;
            v.message = j.value("message", std::string());
            v.name = j.value("name", std::string());
            v.version = j.value("version", std::string());
            v.labels = j.value("labels", std::vector<std::string>());
            v.warnings = j.value("warnings", std::vector<std::string>());
            v.seconds = j.value("seconds", 0.0);
            v.cached = true;
            spdlog::debug("TSM plug-in {}: probe verdict from the cache ({})", library.string(), probeOutcomeName(outcome));
            return v;
        }
    }

    auto verdict = probe(library);
    if (verdict.outcome == ProbeOutcome::NotProbed) return verdict;  // about this machine, not the plug-in
    const nlohmann::json doc = {{"format", kCacheFormat},
                                {"library", library.string()},
                                {"size", stamp.size},
                                {"mtime_ns", stamp.mtimeNs},
                                {"sha256", digest},
                                {"abi_version", kPluginAbiVersion},
                                {"program", options_.program.string()},
                                {"program_size", programStamp.size},
                                {"program_mtime_ns", programStamp.mtimeNs},
                                {"timeout_ms", static_cast<std::int64_t>(options_.timeout.count())},
                                {"memory_limit_bytes", options_.memoryLimitBytes},
                                {"verdict", verdictJson(verdict)}};
    try {
        fs::create_directories(options_.cacheDir);
        writeTextFileAtomically(cache, jsonText(doc, 2) + "\n");
    } catch (const std::exception& e) {
        spdlog::warn("cannot cache the probe verdict of {} in {}: {}; it will be probed again next time",
                     library.string(), cache.string(), e.what());
    }
    return verdict;
}

void PluginProbe::require(const fs::path& library) {
    const auto verdict = check(library);
    if (!verdict.ok()) throw Error(verdict.error(library));
}

std::unique_ptr<Tsm> openProbed(const fs::path& source, PluginProbeOptions options) {
    if (isPluginLibrary(source)) PluginProbe(std::move(options)).require(source);
    return openTsm(source);
}

}  // namespace vitask::tsm
