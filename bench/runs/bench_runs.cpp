// Runs page benchmark: the page's two performance targets, each against a peer measured
// in the same run, printed as one JSON object.
//
// Input: a run folder written here as the trainer writes one (config.yaml, status.json,
// train.log, and --lines (100,000) metrics.jsonl records: three stages with every loss
// term the trainer logs, validation records without and with EP every 5,000 steps).
//
// 1. Open: a fresh RunsPanel (offscreen, 1400 x 900) is given the folder (addRunFolder,
//    as "Add run folder…" does); time until its curves are painted: the folder read and
//    parsed on the panel's worker, the series drawn, both chart views repainted. Median
//    and max of --open-runs. Target < 1 s. Also the longest UI-thread stall meanwhile.
//    Peer: /usr/bin/python3 json.loads of every line of the same file (file read
//    included, interpreter start excluded), and pandas.read_json(lines=True) when pandas
//    is installed (open_run_peer.py).
// 2. Follow: the same run, "running": a writer process (this program, --writer) appends a
//    record every --interval-ms (50) and rewrites status.json as the trainer does
//    (O_APPEND + fdatasync, an atomic rename), while a panel follows it at its default
//    poll interval (500 ms). Longest gap between ticks of a 2 ms Qt::PreciseTimer on the
//    UI thread over --follow-s (10) s, after the run's first read. Target < 50 ms. Peer:
//    the same timer on an idle event loop (--idle-s).
//
// usage: bench_runs [--lines N] [--open-runs N] [--follow-s S] [--interval-ms MS] [--idle-s S] [--dir FOLDER] [--keep]
#include "bench_support.h"
#include "stall_monitor.h"
#include "run_charts.h"
#include "vitask/service/run_monitor.h"
#include "vitask/ui/runs_panel/runs_panel.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <thread>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace vitask;

namespace {

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

int64_t unixSeconds() { return static_cast<int64_t>(std::time(nullptr)); }

// ---- the run folder -------------------------------------------------------------------

const char* kStages[] = {"warmup", "stage1", "stage2"};

json trainRecord(int64_t step, int64_t steps) {
    const int stage = static_cast<int>(std::min<int64_t>(2, step * 3 / (steps + 1)));
    const double t = static_cast<double>(step);
    const double van = 0.4 + 6.0 * std::exp(-t / 2000.0) + 0.05 * std::sin(t * 0.37);
    const double ep = stage >= 1 ? 0.35 + 0.04 * std::cos(t * 0.21) : 0.0;
    const double rda = stage >= 1 ? 1e-4 * (1 + std::sin(t * 0.05) * 0.5) : 0.0;
    const double crt = stage >= 2 ? 6.5 + 0.1 * std::sin(t * 0.13) : 0.0;
    return {{"type", "train"}, {"stage", kStages[stage]}, {"step", step}, {"epoch", t / 1000.0},
            {"loss", van + ep + 0.5 * rda + 0.1 * crt}, {"l_van", van}, {"l_ep", ep}, {"l_rda", rda}, {"l_crt", crt},
            {"lr", 1e-3 * 0.5 * (1 + std::cos(3.14159 * t / static_cast<double>(steps)))}, {"grad_norm", 0.8},
            {"samples_per_s", 140.0}};
}

json evalRecord(int64_t step, const char* split, bool exemplar, double f1) {
    return {{"type", "eval"}, {"split", split}, {"stage", "stage1"}, {"step", step}, {"exemplar", exemplar},
            {"accuracy", f1 + 0.1}, {"macro_f1", f1}};
}

void writeText(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

// The trainer's way: one write per record, O_APPEND, flushed to disk.
void appendLine(const fs::path& file, const std::string& line) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    if (::write(fd, line.data(), line.size()) < 0) std::perror("write");
    ::fdatasync(fd);
    ::close(fd);
}

void writeStatus(const fs::path& run, const json& status) {
    const auto temporary = run / ".status.json.tmp";
    writeText(temporary, status.dump(2) + "\n");
    fs::rename(temporary, run / "status.json");
}

json status(const std::string& state, int64_t step, int64_t total) {
    return {{"state", state}, {"step", step}, {"total_steps", total}, {"stage", "stage2"},
            {"pid", static_cast<int64_t>(::getpid())}, {"host", service::thisHostName()}, {"started_at", unixSeconds()},
            {"updated_at", unixSeconds()}, {"steps_per_s", 20.0}, {"eta_s", state == "running" ? 60.0 : 0.0},
            {"message", ""}};
}

void writeRun(const fs::path& run, int64_t lines) {
    fs::create_directories(run / "checkpoints");
    writeText(run / "config.yaml",
              "preset: custom\nseed: 0\nthreads: 1\nmodel:\n  scratch:\n    tokenizer: /tokenizers/vitask-scratch\n"
              "data:\n  - /data/synth_chest_xray.npz\nmax_train_samples: 0\nprompts:\n  train: [complete]\n"
              "training:\n  batch_size: 32\n  log_every: 1\nstages:\n"
              "  - {name: warmup, epochs: 1, lr: 0.002, losses: {van: 1, ep: 0, rda: 0, crt: 0}, trainable: [vision, projector, language]}\n"
              "  - {name: stage1, epochs: 1, lr: 0.001, losses: {van: 1, ep: 1, rda: 0.5, crt: 0}, trainable: [language]}\n"
              "  - {name: stage2, epochs: 1, lr: 0.001, losses: {van: 1, ep: 1, rda: 0.5, crt: 0.1}, trainable: [language]}\n");
    std::string metrics, log;
    const int64_t evalEvery = 5000;
    int64_t step = 0;
    for (int64_t line = 0; line < lines; ++line) {
        if ((step + 1) % evalEvery == 0 && line + 2 < lines) {
            metrics += evalRecord(step, "val", false, 0.2 + 0.5 * static_cast<double>(step) / static_cast<double>(lines)).dump() + "\n";
            metrics += evalRecord(step, "val", true, 0.25 + 0.5 * static_cast<double>(step) / static_cast<double>(lines)).dump() + "\n";
            line += 1;
            ++step;
            continue;
        }
        metrics += trainRecord(++step, lines).dump() + "\n";
    }
    writeText(run / "metrics.jsonl", metrics);
    for (int i = 0; i < 500; ++i) log += "[2026-12-06 10:00:00.000] [vitask] [info] checkpoint: step " + std::to_string(i) + "\n";
    writeText(run / "train.log", log);
    writeStatus(run, status("finished", step, step));
}

// `--writer`: the trainer's side of the follow measurement.
int runWriter(const fs::path& run, int intervalMs, double seconds) {
    const auto records = service::MetricsTail(run / "metrics.jsonl").poll().records;
    int64_t step = records.empty() ? 0 : records.back().step;
    const int64_t total = step + static_cast<int64_t>(seconds * 1000 / intervalMs) + 1;
    writeStatus(run, status("running", step, total));
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    auto next = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() < end) {
        next += std::chrono::milliseconds(intervalMs);
        std::this_thread::sleep_until(next);
        appendLine(run / "metrics.jsonl", trainRecord(++step, total).dump() + "\n");
        appendLine(run / "train.log", "[2026-12-06 10:00:00.000] [vitask] [info] step " + std::to_string(step) + "\n");
        writeStatus(run, status("running", step, total));
    }
    writeStatus(run, status("finished", step, step));
    return 0;
}

// ---- measuring ------------------------------------------------------------------------

using vitask::bench::StallMonitor;  // bench/support/stall_monitor.h

// Runs the event loop until `done` holds or `timeoutMs` passes; false on the timeout.
template <typename Done>
bool waitFor(Done done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void idle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// A panel that lists no run yet: studio.ini in a folder of its own.
void freshSettings(const fs::path& work, int index) {
    const auto config = work / ("config-" + std::to_string(index));
    fs::remove_all(config);
    fs::create_directories(config);
    qputenv("VITASK_CONFIG_DIR", QByteArray::fromStdString(config.string()));
}

json measureOpen(const fs::path& work, const fs::path& run, int64_t records, int runs) {
    std::vector<double> painted, stalls;
    for (int r = 0; r < runs; ++r) {
        freshSettings(work, r);
        ui::RunsPanel panel;
        panel.resize(1400, 900);
        panel.show();
        idle(300);
        StallMonitor monitor(2);
        monitor.start();
        const QString folder = QString::fromStdString(run.string());
        double ms = -1;
        QElapsedTimer clock;
        // Painted: every record read, every curve handed its points, both charts repainted.
        clock.start();
        if (!panel.addRunFolder(folder)) throw std::runtime_error("addRunFolder: " + panel.errorText().toStdString());
        if (!waitFor([&] {
                return panel.trainRecords(folder) + panel.evalRecords(folder) >= records && panel.charts()->settled();
            }, 60000))
            throw std::runtime_error("the run's curves were not drawn within 60 s");
        panel.charts()->trainingView()->viewport()->repaint();
        panel.charts()->evalView()->viewport()->repaint();
        ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        const auto stall = monitor.stop();
        painted.push_back(ms);
        stalls.push_back(stall["longest_gap_ms"].get<double>());
    }
    return {{"painted_ms_per_run", painted},
            {"median_ms", median(painted)},
            {"max_ms", *std::max_element(painted.begin(), painted.end())},
            {"longest_ui_stall_ms_per_run", stalls}};
}

json measureFollow(const fs::path& work, const fs::path& run, int64_t records, double seconds, int intervalMs) {
    freshSettings(work, 100);
    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedChannels);
    const double writerSeconds = seconds + 6;  // the panel's first read happens before the measured window
    writer.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--writer"), QString::fromStdString(run.string()), QStringLiteral("--interval-ms"),
                  QString::number(intervalMs), QStringLiteral("--follow-s"), QString::number(writerSeconds)});
    if (!writer.waitForStarted()) throw std::runtime_error("the writer did not start");
    const QString folder = QString::fromStdString(run.string());
    if (!waitFor([&] { return service::readRunSummary(run).state == service::RunState::Running; }, 10000))
        throw std::runtime_error("the writer did not mark the run running");

    ui::RunsPanel panel;
    panel.resize(1400, 900);
    panel.show();
    if (!panel.addRunFolder(folder)) throw std::runtime_error("addRunFolder: " + panel.errorText().toStdString());
    if (!waitFor([&] { return panel.trainRecords(folder) + panel.evalRecords(folder) >= records; }, 60000))
        throw std::runtime_error("the run was not read within 60 s");
    const int before = panel.trainRecords(folder);
    StallMonitor monitor(2);
    monitor.start();
    idle(static_cast<int>(seconds * 1000));
    json out = monitor.stop();
    const int followed = panel.trainRecords(folder) - before;
    out["state_while_following"] = panel.runState(folder).toStdString();
    writer.waitForFinished(static_cast<int>(writerSeconds * 1000) + 30000);
    out["records_followed"] = followed;
    out["records_written_per_s"] = 1000.0 / intervalMs;
    out["poll_interval_ms"] = panel.pollInterval();
    out["writer_interval_ms"] = intervalMs;
    return out;
}

struct Options {
    int64_t lines = 100000;
    int openRuns = 5;
    double followSeconds = 10;
    int intervalMs = 50;
    double idleSeconds = 5;
    fs::path dir;
    bool keep = false;
    std::string writer;
};

}  // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App cli{"VITask Studio's Runs page: opening a 100,000-record run, the UI thread while following a run"};
    cli.add_option("--lines", o.lines, "metrics.jsonl records of the run")->check(CLI::Range(1000, 10000000));
    cli.add_option("--open-runs", o.openRuns, "Times the run is opened")->check(CLI::Range(1, 100));
    cli.add_option("--follow-s", o.followSeconds, "Seconds the panel follows the writer")->check(CLI::Range(1.0, 600.0));
    cli.add_option("--interval-ms", o.intervalMs, "The writer's interval between records")->check(CLI::Range(5, 10000));
    cli.add_option("--idle-s", o.idleSeconds, "Seconds of the idle event loop (the stall peer)")->check(CLI::Range(0.5, 60.0));
    cli.add_option("--dir", o.dir, "Work folder (default: a new one in /tmp)");
    cli.add_flag("--keep", o.keep, "Keep the work folder");
    cli.add_option("--writer", o.writer, "(internal) append records to this run folder")->group("");
    CLI11_PARSE(cli, argc, argv);
    if (!o.writer.empty()) return runWriter(o.writer, o.intervalMs, o.followSeconds);

    bench::quietLogging("bench_runs");
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    json out;
    const auto work = bench::workFolder(o.dir, "runs");
    try {
        out["benchmark"] = "runs page: opening a run with many metric records, the UI thread while following a run";
        out["machine"] = {{"cpu", bench::cpuModel()}, {"cores", std::thread::hardware_concurrency()},
                          {"load_before", bench::loadAverage()}, {"qt", qVersion()}};
        const auto run = work / "run";
        fs::remove_all(run);
        writeRun(run, o.lines);
        QElapsedTimer parse;
        parse.start();
        const auto records = service::MetricsTail(run / "metrics.jsonl").poll().records;
        const double parseMs = static_cast<double>(parse.nsecsElapsed()) / 1e6;
        const auto count = static_cast<int64_t>(records.size());
        out["run"] = {{"records", count}, {"bytes", fs::file_size(run / "metrics.jsonl")}};

        json open = measureOpen(work, run, count, o.openRuns);
        open["parse_only_ms"] = parseMs;
        const auto peer = json::parse(bench::runCommand("/usr/bin/python3 " VITASK_BENCH_PEER " " + (run / "metrics.jsonl").string(),
                                                        "/usr/bin/python3"));
        open["peer"] = peer;
        open["target_ms"] = 1000;
        open["met"] = open["max_ms"].get<double>() < 1000;
        out["open"] = open;

        StallMonitor idleMonitor(2);
        idleMonitor.start();
        idle(static_cast<int>(o.idleSeconds * 1000));
        const json idleFloor = idleMonitor.stop();
        json follow = measureFollow(work, run, count, o.followSeconds, o.intervalMs);
        follow["idle_floor"] = idleFloor;
        follow["tick_ms"] = 2;
        follow["target_ms"] = 50;
        follow["met"] = follow["longest_gap_ms"].get<double>() < 50;
        follow["what"] = "longest gap between ticks of a 2 ms Qt::PreciseTimer on the UI thread (a gap includes the "
                         "interval itself) while the panel follows a run a writer appends to";
        out["follow"] = follow;
        out["machine"]["load_after"] = bench::loadAverage();
    } catch (const std::exception& e) {
        std::cerr << "bench_runs: " << e.what() << "\n";
        return 1;
    }
    if (!o.keep && o.dir.empty()) fs::remove_all(work);
    std::cout << out.dump(2) << std::endl;
    return 0;
}
