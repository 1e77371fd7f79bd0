// readRunSummary and readRunEvaluations: what a run directory says about itself.
#include "vitask/service/run_monitor.h"

#include "run_config_values.h"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace vitask::service {
namespace fs = std::filesystem;
namespace {

// A run's small files are a few kB; anything far larger is not one of them.
constexpr std::streamsize kSmallFileLimit = 4 << 20;

std::optional<std::string> readSmallFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text(static_cast<size_t>(kSmallFileLimit), '\0');
    in.read(text.data(), kSmallFileLimit);
    text.resize(static_cast<size_t>(in.gcount()));
    return text;
}

std::optional<nlohmann::json> readJson(const fs::path& file) {
    const auto text = readSmallFile(file);
    if (!text) return std::nullopt;
    auto json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return std::nullopt;
    return json;
}

int64_t modifiedAt(const fs::path& file) {
    struct stat info {};
    return ::stat(file.c_str(), &info) == 0 ? static_cast<int64_t>(info.st_mtime) : 0;
}

template <typename T>
T field(const nlohmann::json& json, const char* key, T otherwise) {
    const auto it = json.find(key);
    if (it == json.end() || it->is_null()) return otherwise;
    try {
        return it->get<T>();
    } catch (const nlohmann::json::exception&) {
        return otherwise;  // a hand-edited or foreign status: the field is as good as absent
    }
}

void readStatus(RunSummary& run) {
    const auto status = readJson(run.folder / "status.json");
    if (!status) {
        run.state = RunState::Unknown;
        run.message = fs::exists(run.folder / "status.json")
                          ? "status.json cannot be read (damaged?); the trainer rewrites it at its next logged step."
                          : "no status.json yet: the trainer has not started training here.";
        return;
    }
    run.trainerState = field<std::string>(*status, "state", "");
    run.message = field<std::string>(*status, "message", "");
    run.stage = field<std::string>(*status, "stage", "");
    run.step = field<int64_t>(*status, "step", 0);
    run.totalSteps = field<int64_t>(*status, "total_steps", 0);
    run.stepsPerSecond = field<double>(*status, "steps_per_s", 0.0);
    run.etaSeconds = field<double>(*status, "eta_s", -1.0);
    run.startedAt = field<int64_t>(*status, "started_at", 0);
    run.updatedAt = field<int64_t>(*status, "updated_at", modifiedAt(run.folder / "status.json"));
    run.pid = field<int64_t>(*status, "pid", 0);
    run.host = field<std::string>(*status, "host", "");
    run.worldSize = static_cast<int>(field<int64_t>(*status, "world_size", 1));
    run.onThisHost = run.host.empty() || run.host == thisHostName();
    run.processAlive = run.onThisHost && processAlive(run.pid, run.startedAt);

    if (run.trainerState == "finished") {
        run.state = RunState::Finished;
    } else if (run.trainerState == "failed") {
        run.state = RunState::Failed;
    } else if (run.trainerState == "cancelled") {
        run.state = RunState::Interrupted;
    } else if (run.trainerState == "running") {
        if (!run.onThisHost) {
            run.state = RunState::Unknown;
            run.message = "status.json says running on " + run.host +
                          "; its process cannot be checked from this machine (a copy of a run still training there?).";
        } else if (run.processAlive) {
            run.state = RunState::Running;
        } else {
            run.state = RunState::Interrupted;
            run.message = "the trainer's process (pid " + std::to_string(run.pid) +
                          ") is gone: the run crashed or was killed. Resume it from its last checkpoint.";
        }
    } else {
        run.state = RunState::Unknown;
        run.message = "status.json has the unknown state '" + run.trainerState + "'.";
    }
}

double bestValMacroF1(const fs::path& folder) {
    std::error_code error;
    fs::path latest;
    for (const auto& entry : fs::directory_iterator(folder / "checkpoints", error)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("step-", 0) == 0 && name > latest.filename().string()) latest = entry.path();  // zero-padded steps
    }
    if (latest.empty()) return -1;
    const auto state = readJson(latest / "trainer_state.json");
    return state ? field<double>(*state, "best_val_macro_f1", -1.0) : -1;
}

}  // namespace

const char* runStateName(RunState state) {
    switch (state) {
        case RunState::Running: return "running";
        case RunState::Finished: return "finished";
        case RunState::Failed: return "failed";
        case RunState::Interrupted: return "interrupted";
        case RunState::Unknown: break;
    }
    return "unknown";
}

RunSummary readRunSummary(const fs::path& folder) {
    RunSummary run;
    run.folder = fs::absolute(folder).lexically_normal();
    if (!run.folder.has_filename()) run.folder = run.folder.parent_path();  // "runs/a/"
    run.name = run.folder.filename().string();
    std::error_code error;
    if (!fs::is_directory(run.folder, error)) {
        run.problem = run.folder.string() +
                      (fs::exists(run.folder, error)
                           ? " is a file, not a run folder. Choose the folder that `vitask train --out` wrote."
                           : " does not exist (moved or deleted?). Add the run folder where it is now, or remove it "
                             "from the list.");
        return run;
    }
    const auto config = run.folder / "config.yaml";
    const bool hasConfig = fs::exists(config, error), hasStatus = fs::exists(run.folder / "status.json", error);
    if (!hasConfig && !hasStatus) {
        run.problem = run.folder.string() +
                      " is not a run folder: it has no config.yaml or status.json. Choose the folder that "
                      "`vitask train --out` wrote (it holds config.yaml, status.json and metrics.jsonl).";
        return run;
    }
    if (hasConfig) {
        const auto text = readSmallFile(config);
        if (!text) {
            run.problem = config.string() + " cannot be read. Check the folder's permissions.";
            return run;
        }
        run.configText = *text;
        run.createdAt = modifiedAt(config);
        try {
            auto values = flattenRunConfig(run.configText, config);
            run.configValues = std::move(values.values);
            run.dataFiles = std::move(values.dataFiles);
            run.tsm = std::move(values.tsm);
        } catch (const std::exception&) {
            // Shown as text all the same; the comparison has no values for it.
        }
    }
    readStatus(run);
    if (fs::exists(run.folder / "final" / "vitask.json", error)) run.finalFolder = run.folder / "final";
    for (const auto& evaluation : readRunEvaluations(run.folder)) {
        if (evaluation.name != "test_score" && evaluation.name != "test_score_ep") continue;
        const std::string prefix = evaluation.exemplar ? "test_ep_" : "test_";
        run.finalMetrics[prefix + "accuracy"] = evaluation.accuracy;
        run.finalMetrics[prefix + "macro_f1"] = evaluation.macroF1;
    }
    run.bestValMacroF1 = bestValMacroF1(run.folder);
    return run;
}

std::vector<RunEvaluation> readRunEvaluations(const fs::path& folder) {
    std::vector<RunEvaluation> out;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder / "eval", error)) {
        if (entry.path().extension() != ".json") continue;
        const auto json = readJson(entry.path());
        if (!json || !json->contains("mean_macro_f1")) continue;
        RunEvaluation evaluation;
        evaluation.name = entry.path().stem().string();
        evaluation.method = field<std::string>(*json, "method", "");
        evaluation.instruction = field<std::string>(*json, "instruction", "");
        evaluation.exemplar = field<bool>(*json, "exemplar", false);
        evaluation.accuracy = field<double>(*json, "mean_accuracy", 0.0);
        evaluation.macroF1 = field<double>(*json, "mean_macro_f1", 0.0);
        if (const auto tasks = json->find("tasks"); tasks != json->end() && tasks->is_array())
            for (const auto& task : *tasks) {
                if (!task.is_object()) continue;
                const auto metrics = task.value("metrics", nlohmann::json::object());
                evaluation.tasks.emplace_back(field<std::string>(task, "task", ""),
                                              std::pair{field<double>(metrics, "accuracy", 0.0),
                                                        field<double>(metrics, "macro_f1", 0.0)});
            }
        out.push_back(std::move(evaluation));
    }
    std::sort(out.begin(), out.end(), [](const RunEvaluation& a, const RunEvaluation& b) { return a.name < b.name; });
    return out;
}

}  // namespace vitask::service
