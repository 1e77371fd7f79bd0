#pragma once
// Training runs as the studio's Runs page sees them, in plain types: what a run
// directory says about itself (readRunSummary: status.json, config.yaml, the final
// model and evaluations), its metrics.jsonl and train.log read incrementally while the
// trainer appends to them (MetricsTail, LineTail), and its process (alive? stop it with
// a checkpoint). Nothing here blocks for long or throws on a bad folder, so the studio
// can poll it on a worker thread. The layout is core/vitask's RunDirectory
// (docs/training.md, "The run directory").

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vitask::service {

enum class RunState {
    Running,      // status "running" and its process is alive on this machine
    Finished,     // status "finished": final/ and eval/ are written
    Failed,       // status "failed": the message says why
    Interrupted,  // status "cancelled" (stopped with a checkpoint), or "running" with its process gone (crashed, killed)
    Unknown,      // no readable status, a state we do not know, or running on another machine
};
const char* runStateName(RunState state);  // "running", "finished", ...

// One evaluation summary in eval/ (the trainer's test_score*.json, or `vitask eval --out`'s).
struct RunEvaluation {
    std::string name;         // the file's name without .json: "test_score_ep", "test_score_complete"
    std::string method;       // "score" or "generate"
    std::string instruction;  // the instruction variant: "complete", "paraphrase", ...
    bool exemplar = false;    // with the TSM's exemplar (VITask w/ EP)
    double accuracy = 0;      // mean over the tasks
    double macroF1 = 0;
    std::vector<std::pair<std::string, std::pair<double, double>>> tasks;  // task -> (accuracy, macro-F1)
};

struct RunSummary {
    std::filesystem::path folder;
    std::string name;                 // the folder's name
    // Why the folder cannot be shown as a run, with what to do ("... is not a run folder:
    // it has no config.yaml or status.json. Choose the folder `vitask train --out` wrote.");
    // empty when it can. The state is Unknown then.
    std::string problem;
    RunState state = RunState::Unknown;
    std::string trainerState;         // status.json's state as the trainer wrote it: running, finished, failed, cancelled
    std::string message;              // the trainer's message (a failure, how to resume) or why the state is what it is
    std::string stage;                // the stage in progress ("done" at the end)
    int64_t step = 0;
    int64_t totalSteps = 0;
    double stepsPerSecond = 0;        // as last logged; 0: not known yet
    double etaSeconds = -1;           // training steps only (evaluations come on top); < 0: not known
    int64_t createdAt = 0;            // unix seconds: config.yaml written, i.e. the run's first start (0: unknown)
    int64_t startedAt = 0;            // unix seconds: the start of the session that wrote the status (0: unknown)
    int64_t updatedAt = 0;            // unix seconds: the status's last update (0: unknown)
    int64_t pid = 0;                  // the trainer's process (0: none recorded)
    std::string host;                 // the machine it runs on (empty: not recorded, taken as this one)
    int worldSize = 1;                // training processes (data parallel; status.json's world_size)
    bool onThisHost = true;
    bool processAlive = false;        // pid is a live process here, started before the session (not a reused pid)
    std::string configText;           // config.yaml as written
    // config.yaml flattened to dotted keys in its order ("training.batch_size" -> "8",
    // "stages[1].lr" -> "0.001"); empty when it does not parse.
    std::vector<std::pair<std::string, std::string>> configValues;
    std::vector<std::filesystem::path> dataFiles;  // the configuration's datasets
    std::filesystem::path tsm;                     // its TSM (empty: none)
    std::filesystem::path finalFolder;             // final/ when it holds a model, else empty
    // The final test evaluations (eval/test_score.json, test_score_ep.json): "test_accuracy",
    // "test_macro_f1", "test_ep_accuracy", "test_ep_macro_f1"; empty before the run finishes.
    std::map<std::string, double> finalMetrics;
    double bestValMacroF1 = -1;                    // the latest checkpoint's best validation macro-F1 (no EP); -1: none

    bool isRun() const { return problem.empty(); }
    // A stopped, crashed or failed run continues from its last checkpoint (`vitask train --resume`).
    bool resumable() const { return isRun() && (state == RunState::Interrupted || state == RunState::Failed); }
};

// Reads status.json, config.yaml (and, when present, final/ and eval/'s summaries and the
// latest checkpoint's state): a few small files. Never throws; problem says what is wrong.
RunSummary readRunSummary(const std::filesystem::path& folder);

// Every evaluation summary in the run's eval/ folder, by name. Never throws; damaged files are skipped.
std::vector<RunEvaluation> readRunEvaluations(const std::filesystem::path& folder);

// One record of metrics.jsonl.
struct MetricRecord {
    int64_t step = 0;
    std::string stage;
    bool isEval = false;      // "type": "eval" (else a training record)
    std::string split;        // eval records: "val" or "test"
    bool exemplar = false;    // eval records: evaluated with the TSM's exemplar
    // Every other numeric field: loss, l_van, l_ep, l_rda, l_crt, lr, grad_norm, epoch,
    // samples_per_s for training records; accuracy, macro_f1 for evaluations.
    std::map<std::string, double> values;
};

// One line of metrics.jsonl (a flat JSON object with a numeric "step"); nullopt when it is not one.
std::optional<MetricRecord> parseMetricLine(std::string_view line);

// The complete lines appended to a file since the last poll. A last line without its
// newline (being written, or torn by a crash) waits for the next poll. A file rewritten
// in the meantime (another inode, or shorter than what was read: a resume truncates
// metrics.jsonl by writing a new one) is read again from its start.
class LineTail {
public:
    // `firstReadLimit` > 0: the first read starts that many bytes before the end (at the
    // next line), so following a long log does not read all of it.
    explicit LineTail(std::filesystem::path file, uint64_t firstReadLimit = 0);

    struct Chunk {
        bool restarted = false;  // the file was rewritten: `text` starts at its beginning; drop what came before
        std::string text;        // complete lines, each ending in '\n'; empty when nothing new
    };
    Chunk poll();  // never throws: a missing or unreadable file reads as nothing new

    uint64_t offset() const { return offset_; }

private:
    std::filesystem::path file_;
    uint64_t firstReadLimit_;
    bool first_ = true;
    uint64_t offset_ = 0;  // bytes consumed: the end of the last complete line read
    uint64_t device_ = 0, inode_ = 0;
};

// metrics.jsonl followed as the trainer appends to it.
class MetricsTail {
public:
    explicit MetricsTail(std::filesystem::path file) : lines_(std::move(file)) {}

    struct Update {
        bool restarted = false;             // the file was rewritten (a resume): records start from its beginning
        std::vector<MetricRecord> records;  // the complete records new since the last poll, in file order
        int64_t damagedLines = 0;           // complete lines that are not records (skipped)
    };
    Update poll();

    uint64_t offset() const { return lines_.offset(); }

private:
    LineTail lines_;
};

// This machine's name, as the trainer writes it into status.json.
std::string thisHostName();
// Whether `pid` is a live process on this machine (kill(pid, 0), not a zombie) that
// started no later than `startedAt` (unix seconds; 0: not checked), so a pid reused by
// another program after a reboot is not taken for the trainer.
bool processAlive(int64_t pid, int64_t startedAt = 0);
// Asks a running trainer to stop with a checkpoint (SIGINT, as Ctrl+C). False with the
// reason in `why` when the summary's process cannot be signalled from here.
bool interruptRun(const RunSummary& run, std::string* why);

}  // namespace vitask::service
