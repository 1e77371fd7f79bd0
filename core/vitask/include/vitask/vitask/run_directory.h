#pragma once
// The run directory: the single source of truth of a training run, which the CLI
// writes and the studio reattaches to (LLaMA-Factory's output folder, in spirit):
//
//   config.yaml        the resolved run configuration (what `--resume` reads)
//   status.json        state (running / finished / failed / cancelled), step, ETA; rewritten atomically
//   metrics.jsonl      append-only: one JSON record per logged step and per evaluation
//   train.log          the log of every session on this run
//   checkpoints/step-NNNNNNNN/   trainable weights, optimiser and trainer state
//   eval/              per-sample predictions and metrics of the final evaluation
//   final/             the trained model (a LLaVA folder plus the exemplar connector)
//
// A checkpoint is written into a temporary folder and renamed into place, so a crash
// never leaves a half checkpoint; only the last K (and the best) are kept.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vitask::recipe {

class RunDirectory {
public:
    // Creates the folder layout. Throws vitask::Error naming the folder when it cannot.
    explicit RunDirectory(std::filesystem::path root);

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path configFile() const { return root_ / "config.yaml"; }
    std::filesystem::path statusFile() const { return root_ / "status.json"; }
    std::filesystem::path metricsFile() const { return root_ / "metrics.jsonl"; }
    std::filesystem::path logFile() const { return root_ / "train.log"; }
    std::filesystem::path checkpointsFolder() const { return root_ / "checkpoints"; }
    std::filesystem::path evalFolder() const { return root_ / "eval"; }
    std::filesystem::path finalFolder() const { return root_ / "final"; }

    // Whether a run has started here (a config.yaml exists).
    bool hasRun() const;

    // One line, written with a single write and flushed to disk.
    void appendMetrics(const nlohmann::json& record);
    // Every record in order (a torn last line from a crash is skipped).
    std::vector<nlohmann::json> readMetrics() const;
    // How many records readMetrics() would give: read once, then kept by the writers here.
    std::size_t metricsCount();
    // On resume, atomically: keeps the first `count` records (those written before the
    // checkpoint); the rest are recomputed.
    void keepFirstMetrics(std::size_t count);
    // The same for a checkpoint that did not count its records: drops those of steps after `step`.
    void truncateMetricsAfter(int64_t step);

    void writeStatus(const nlohmann::json& status);
    std::optional<nlohmann::json> readStatus() const;

    // Checkpoints, oldest first, by step.
    std::vector<std::filesystem::path> checkpoints() const;
    std::optional<std::filesystem::path> latestCheckpoint() const;
    // A fresh temporary folder for the checkpoint of `step`; commitCheckpoint renames it
    // to checkpoints/step-NNNNNNNN and removes all but the newest `keepLast` (and `keep`).
    std::filesystem::path beginCheckpoint(int64_t step) const;
    std::filesystem::path commitCheckpoint(const std::filesystem::path& temporary, int64_t step, int keepLast,
                                           const std::filesystem::path& keep = {}) const;
    static int64_t checkpointStep(const std::filesystem::path& checkpoint);
    static std::string checkpointName(int64_t step);  // "step-00000120"

private:
    std::filesystem::path root_;
    std::optional<std::size_t> metricsCount_;  // known once counted or rewritten
};

}  // namespace vitask::recipe
