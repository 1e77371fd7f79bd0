// Studio benchmark: the performance targets of the desktop studio, each against a peer
// measured in the same run, printed as one JSON object.
//
// 1. Start to an interactive window: wall time from spawning `vitask-studio --screenshot
//    FILE` (no other work: it quits once the window is up and painted) until FILE is
//    written (inotify IN_CLOSE_WRITE), and until the process has exited. Peer: the same
//    for bench_studio_qt_floor, a bare Qt Widgets program that shows an empty
//    QMainWindow of the same size, grabs it and quits (the floor every Qt app pays).
//    Alternating runs after one warm-up run of each; best and median.
// 2. A 300-slice CT series to the first image shown: in this process, a real
//    ui::MainWindow on the offscreen platform; time from openPath(folder) to the
//    seriesShown signal and to the end of the first paint of the viewer after it. Peer:
//    pydicom + numpy reading the same files into a float32 volume and windowing the
//    middle slice (first_image_peer.py, /usr/bin/python3).
// 3. The longest UI-thread stall: a precise QTimer ticking every --tick-ms on the UI
//    thread; the longest gap between ticks while (a) the model loads through the AI
//    panel, (b) the series loads (each run of 2.), (c) an answer of --tokens tokens
//    streams into the AI panel, (d) a model and a series load together (what
//    `vitask-studio --open --model` does). Peer: the same timer on an idle event loop.
// 4. bench_viewer's JSON (slice scrolling of a 512 x 512 CT), run as a child, unless
//    --no-viewer.
//
// usage: bench_studio [--start-runs N] [--series-runs N] [--tokens N] [--tick-ms MS]
//                     [--idle-s S] [--no-viewer] [--dir FOLDER] [--keep]
#include "bench_support.h"
#include "stall_monitor.h"
#include "studio_model.h"
#include "synthetic_ct.h"
#include "vitask/runtime/system_info.h"
#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/viewer/slice_viewer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QPixmap>
#include <QTextEdit>
#include <QTimer>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

json summary(const std::vector<double>& runs) {
    return {{"best", runs.empty() ? 0.0 : *std::min_element(runs.begin(), runs.end())},
            {"median", median(runs)},
            {"runs", runs}};
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// ---- 1. start to an interactive window -------------------------------------------

struct StartRun {
    double windowMs = -1;  // until the screenshot was written (closed)
    double exitMs = 0;     // until the process exited
};

// Spawns `program screenshotArgs... file`, waits for `file` to be closed after writing
// (inotify on its folder) and for the process to exit. stdout/stderr go to `log`.
StartRun timeStart(const std::string& program, const std::vector<std::string>& arguments, const fs::path& file,
                   const fs::path& log) {
    fs::remove(file);
    const int notify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (notify < 0) throw std::runtime_error("inotify_init1 failed");
    if (inotify_add_watch(notify, file.parent_path().c_str(), IN_CLOSE_WRITE) < 0) {
        close(notify);
        throw std::runtime_error("inotify_add_watch failed on " + file.parent_path().string());
    }
    std::vector<std::string> args{program};
    args.insert(args.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);

    StartRun run;
    const auto start = Clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        close(notify);
        throw std::runtime_error("cannot start " + program);
    }
    const std::string name = file.filename().string();
    int status = 0;
    for (;;) {
        pollfd fd{notify, POLLIN, 0};
        poll(&fd, 1, 2);
        if (fd.revents & POLLIN) {
            alignas(inotify_event) char buffer[4096];
            const ssize_t n = read(notify, buffer, sizeof buffer);
            for (ssize_t at = 0; at < n;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
                if (event->len > 0 && name == event->name && run.windowMs < 0) run.windowMs = msSince(start);
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (msSince(start) > 60000) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            close(notify);
            throw std::runtime_error(program + " did not quit within 60 s");
        }
    }
    run.exitMs = msSince(start);
    close(notify);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || run.windowMs < 0)
        throw std::runtime_error(program + " failed (status " + std::to_string(status) + "): " + readFile(log));
    return run;
}

// ---- 3. UI-thread stalls ---------------------------------------------------------

using vitask::bench::StallMonitor;  // bench/support/stall_monitor.h

// Runs the event loop until done() or fail() is called, or the timeout passes.
class Waiter {
public:
    QObject* context() { return &loop_; }
    void done() {
        if (--pending_ <= 0) {
            finished_ = true;
            loop_.quit();
        }
    }
    void fail(const QString& message) {
        error_ = message;
        finished_ = true;
        loop_.quit();
    }
    void expect(int count) { pending_ = count; }
    // True when everything expected arrived without a failure.
    bool wait(int timeoutMs) {
        if (!finished_) {
            QTimer timeout;
            timeout.setSingleShot(true);
            QObject::connect(&timeout, &QTimer::timeout, &loop_, &QEventLoop::quit);
            timeout.start(timeoutMs);
            loop_.exec();
        }
        if (!finished_ && error_.isEmpty()) error_ = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
        return finished_ && error_.isEmpty();
    }
    std::string error() const { return error_.toStdString(); }

private:
    QEventLoop loop_;
    int pending_ = 1;
    bool finished_ = false;
    QString error_;
};

// Runs the event loop for `ms` milliseconds.
void idle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Notes the end of the first paint of a widget after arm(): the Paint event is seen on
// its way in; a zero timer posted then fires once the repaint (of the whole window) that
// delivered it is done.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(QWidget* widget) : widget_(widget) { widget->installEventFilter(this); }
    void arm(Clock::time_point start) {
        start_ = start;
        armed_ = true;
        paintedMs_ = -1;
    }
    double paintedMs() const { return paintedMs_; }
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (armed_ && watched == widget_ && event->type() == QEvent::Paint) {
            armed_ = false;
            QTimer::singleShot(0, this, [this] { paintedMs_ = msSince(start_); });
        }
        return false;
    }

private:
    QWidget* widget_;
    Clock::time_point start_;
    bool armed_ = false;
    double paintedMs_ = -1;
};

struct Options {
    int startRuns = 5;
    int seriesRuns = 3;
    int tokens = 200;
    int tickMs = 2;
    double idleSeconds = 2;
    bool noViewer = false;
    fs::path dir;
    bool keep = false;
};

}  // namespace

int main(int argc, char** argv) {
    Options o;
    CLI::App cli{"VITask Studio: start to an interactive window, a 300-slice CT to the first image, UI-thread stalls"};
    cli.add_option("--start-runs", o.startRuns, "Timed starts of the studio and of the Qt floor (alternating)")
        ->check(CLI::Range(1, 1000));
    cli.add_option("--series-runs", o.seriesRuns, "Times the series is opened (ours and the peer)")->check(CLI::Range(1, 100));
    cli.add_option("--tokens", o.tokens, "Longest answer streamed in the stall measurement")->check(CLI::Range(1, 700));
    cli.add_option("--tick-ms", o.tickMs, "The UI-thread timer's interval")->check(CLI::Range(1, 5));
    cli.add_option("--idle-s", o.idleSeconds, "Seconds of the idle event loop (the stall peer)")->check(CLI::Range(0.5, 60.0));
    cli.add_flag("--no-viewer", o.noViewer, "Do not run bench_viewer (the slice scrolling figures)");
    cli.add_option("--dir", o.dir, "Folder for the series, the model and the screenshots (default: a temporary one)");
    cli.add_flag("--keep", o.keep, "Keep that folder");
    CLI11_PARSE(cli, argc, argv);

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    try {
        o.dir = vitask::bench::workFolder(o.dir, "studio");
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    // The studio's settings and log go into the work folder, for the children too.
    qputenv("VITASK_CONFIG_DIR", (o.dir / "config").string().c_str());
    qputenv("VITASK_DATA_DIR", (o.dir / "data").string().c_str());
    const std::string loadStart = vitask::bench::loadAverage();
    vitask::bench::quietLogging("bench_studio");

    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    json out;
    try {
        // Setup: the series and the model.
        const fs::path series = o.dir / "ct";
        auto started = Clock::now();
        vitask::bench::SyntheticCt ct;
        if (!fs::exists(series / "slice0000.dcm")) {
            fs::create_directories(series);
            ct.write(series);
        }
        const double writeSeriesS = msSince(started) / 1000;
        started = Clock::now();
        const auto model = vitask::bench::writeStudioModel(o.dir / "model", VITASK_SOURCE_DIR);
        const double writeModelS = msSince(started) / 1000;

        // 1. Start to an interactive window, the studio and the floor alternating.
        const fs::path shots = o.dir / "start";
        fs::create_directories(shots);
        std::vector<double> studioWindow, studioExit, floorWindow, floorExit;
        for (int i = -1; i < o.startRuns; ++i) {  // run -1: warm-up (page cache, fonts), not counted
            const fs::path studioShot = shots / ("studio-" + std::to_string(i + 1) + ".png");
            const auto studio = timeStart(VITASK_STUDIO_BINARY, {"--screenshot", studioShot.string()}, studioShot,
                                          shots / "studio.log");
            const fs::path floorShot = shots / ("floor-" + std::to_string(i + 1) + ".png");
            const auto floor = timeStart(VITASK_QT_FLOOR_BINARY, {floorShot.string()}, floorShot, shots / "floor.log");
            if (i < 0) continue;
            studioWindow.push_back(studio.windowMs);
            studioExit.push_back(studio.exitMs);
            floorWindow.push_back(floor.windowMs);
            floorExit.push_back(floor.exitMs);
        }
        const double startMedian = median(studioWindow);
        out["start_to_window"] = {
            {"what", "spawn to the screenshot written (window shown and painted), and to the process's exit; "
                     "vitask-studio --screenshot FILE vs a bare QMainWindow program doing the same"},
            {"runs", o.startRuns},
            {"studio_ms", {{"to_window", summary(studioWindow)}, {"to_exit", summary(studioExit)}}},
            {"qt_floor_ms", {{"to_window", summary(floorWindow)}, {"to_exit", summary(floorExit)}}},
            {"studio_minus_floor_median_ms", startMedian - median(floorWindow)},
            {"target_ms", 1500},
            {"met", startMedian < 1500}};

        // The window of steps 2 and 3, as the studio's main() makes it.
        vitask::runtime::setCpuThreads(0);
        vitask::ui::StudioSettings::setMaxNewTokens(o.tokens);
        vitask::ui::MainWindow window{QString()};
        window.show();
        idle(1000);  // let the start-up work (TSM registry, first paints) settle
        auto* ai = window.aiPanel();
        auto* viewer = window.viewer();
        StallMonitor monitor(o.tickMs);
        json stalls;

        // 3. peer: the idle event loop.
        monitor.start();
        idle(static_cast<int>(o.idleSeconds * 1000));
        stalls["idle_floor"] = monitor.stop();

        // 3 (a): the model loads.
        {
            Waiter waiter;
            QObject::connect(ai, &vitask::ui::AiPanel::modelReady, waiter.context(), [&] { waiter.done(); });
            QObject::connect(ai, &vitask::ui::AiPanel::modelFailed, waiter.context(),
                             [&](const QString& m) { waiter.fail(m); });
            monitor.start();
            const auto start = Clock::now();
            ai->loadModel(QString::fromStdString(model.folder.string()));
            if (!waiter.wait(300000)) throw std::runtime_error("loading the model: " + waiter.error());
            const double loadMs = msSince(start);
            stalls["model_load"] = monitor.stop();
            stalls["model_load"]["phase_ms"] = loadMs;
        }

        // 2 and 3 (b): the series to the first image, each run watched by the monitor.
        PaintWatch paint(viewer);
        std::vector<double> openedMs, shownMs, paintedMs, seriesStall;
        json seriesStalls = json::array();
        for (int run = 0; run < o.seriesRuns; ++run) {
            Waiter waiter;
            QObject::connect(&window, &vitask::ui::MainWindow::seriesShown, waiter.context(), [&] { waiter.done(); });
            QObject::connect(&window, &vitask::ui::MainWindow::studyFailed, waiter.context(),
                             [&](const QString& m) { waiter.fail(m); });
            monitor.start();
            const auto start = Clock::now();
            QObject::connect(&window, &vitask::ui::MainWindow::studyOpened, waiter.context(),
                             [&] { openedMs.push_back(msSince(start)); });
            window.openPath(QString::fromStdString(series.string()));
            if (!waiter.wait(120000)) throw std::runtime_error("opening the series: " + waiter.error());
            shownMs.push_back(msSince(start));
            paint.arm(start);
            for (int waited = 0; paint.paintedMs() < 0 && waited < 2000; waited += 1) idle(1);
            if (paint.paintedMs() < 0) {  // no paint event came (a platform that does not paint)
                viewer->grab();
                paintedMs.push_back(msSince(start));
            } else {
                paintedMs.push_back(paint.paintedMs());
            }
            idle(500);  // what follows the first image (thumbnail, tags) belongs to the load too
            auto s = monitor.stop();
            seriesStall.push_back(s["longest_gap_ms"].get<double>());
            seriesStalls.push_back(std::move(s));
        }
        if (!viewer->hasImage() || viewer->sliceCount() != static_cast<int>(ct.slices))
            throw std::runtime_error("the viewer does not show the " + std::to_string(ct.slices) + "-slice series");
        stalls["series_load"] = {{"longest_gap_ms", *std::max_element(seriesStall.begin(), seriesStall.end())},
                                 {"longest_gap_ms_per_run", seriesStall},
                                 {"runs", seriesStalls}};

        const auto peer = json::parse(vitask::bench::runCommand(
            "/usr/bin/python3 " VITASK_BENCH_PEER " " + series.string() + " " + std::to_string(o.seriesRuns),
            "/usr/bin/python3 with pydicom and numpy (python3-pydicom, python3-numpy)"));
        std::vector<double> peerMs;
        for (double s : peer["runs_s"]) peerMs.push_back(s * 1000);
        const double paintedMedian = median(paintedMs);
        out["series_to_first_image"] = {
            {"what", "MainWindow::openPath(folder) to seriesShown and to the end of the viewer's first paint after it "
                     "(folder scan, 300 DICOM headers, float32 volume, first slice windowed and painted; studyOpened marks the "
                     "end of the scan); "
                     "peer: pydicom reads every file, sorts, stacks a float32 volume, windows the middle slice"},
            {"dims", {ct.columns, ct.rows, ct.slices}},
            {"runs", o.seriesRuns},
            {"ours_ms",
             {{"to_study_opened", summary(openedMs)},  // the folder scanned (headers), before the volume is read
              {"to_series_shown", summary(shownMs)},
              {"to_first_paint", summary(paintedMs)}}},
            {"peer_ms", summary(peerMs)},
            {"speedup_median", median(peerMs) / paintedMedian},
            {"target_ms", 1000},
            {"met", paintedMedian < 1000}};

        // 3 (c): an answer streams into the AI panel (about the slice shown).
        {
            int textUpdates = 0;
            Waiter waiter;
            for (auto* edit : ai->findChildren<QTextEdit*>())
                QObject::connect(edit, &QTextEdit::textChanged, waiter.context(), [&textUpdates] { ++textUpdates; });
            QObject::connect(ai, &vitask::ui::AiPanel::answerFinished, waiter.context(), [&] { waiter.done(); });
            QObject::connect(ai, &vitask::ui::AiPanel::failed, waiter.context(), [&](const QString& m) { waiter.fail(m); });
            ai->setQuestion(QStringLiteral("Describe this CT slice in detail."));
            monitor.start();
            const auto start = Clock::now();
            ai->ask();
            if (!ai->asking()) throw std::runtime_error("the AI panel refused to ask: " + ai->errorText().toStdString());
            if (!waiter.wait(600000)) throw std::runtime_error("answering: " + waiter.error());
            const double answerMs = msSince(start);
            stalls["answer"] = monitor.stop();
            const auto& result = ai->lastResult();
            const auto tokens = result ? result->generatedIds.size() : 0;
            stalls["answer"]["phase_ms"] = answerMs;
            stalls["answer"]["tokens"] = tokens;
            stalls["answer"]["finish"] = result ? result->finish : "";
            stalls["answer"]["text_updates"] = textUpdates;
            stalls["answer"]["tokens_per_s"] = tokens / (answerMs / 1000);
        }

        // 3 (d): a model and a series load at once, as `vitask-studio --open --model` does.
        {
            Waiter waiter;
            waiter.expect(2);
            QObject::connect(&window, &vitask::ui::MainWindow::seriesShown, waiter.context(), [&] { waiter.done(); });
            QObject::connect(&window, &vitask::ui::MainWindow::studyFailed, waiter.context(),
                             [&](const QString& m) { waiter.fail(m); });
            QObject::connect(ai, &vitask::ui::AiPanel::modelReady, waiter.context(), [&] { waiter.done(); });
            QObject::connect(ai, &vitask::ui::AiPanel::modelFailed, waiter.context(),
                             [&](const QString& m) { waiter.fail(m); });
            monitor.start();
            const auto start = Clock::now();
            window.openPath(QString::fromStdString(series.string()));
            ai->loadModel(QString::fromStdString(model.folder.string()));
            if (!waiter.wait(300000)) throw std::runtime_error("loading model and series together: " + waiter.error());
            const double bothMs = msSince(start);
            idle(500);
            stalls["model_and_series_together"] = monitor.stop();
            stalls["model_and_series_together"]["phase_ms"] = bothMs;
        }

        double longest = 0;
        for (const char* phase : {"model_load", "series_load", "answer", "model_and_series_together"})
            longest = std::max(longest, stalls[phase]["longest_gap_ms"].get<double>());
        stalls["what"] = "longest gap between ticks of a " + std::to_string(o.tickMs) +
                         " ms Qt::PreciseTimer on the UI thread (a gap includes the interval itself); "
                         "phases through MainWindow's real panels; peer: the same timer on an idle event loop";
        stalls["tick_ms"] = o.tickMs;
        stalls["longest_gap_ms"] = longest;
        stalls["longest_over_idle_floor_ms"] = longest - stalls["idle_floor"]["longest_gap_ms"].get<double>();
        stalls["target_ms"] = 50;
        stalls["met"] = longest < 50;
        out["ui_stalls"] = stalls;
        out["model"] = {{"what", "random LLaVA (seed 11): scratch tokenizer, CLIP 224 px patch 14 width 256 x 4 layers "
                                 "(256 image tokens), Llama width 512 x 8 layers, 8 heads; float32"},
                        {"parameters", model.parameters},
                        {"folder_mb", static_cast<double>(model.bytes) / 1e6}};

        // 4. bench_viewer (slice scrolling at 60 fps on a 512 x 512 series).
        out["scroll"] = nullptr;
        if (!o.noViewer)
            out["scroll"] = json::parse(vitask::bench::runCommand(VITASK_BENCH_VIEWER_BINARY,
                                                                  "/usr/bin/python3 with numpy (python3-numpy)"));

        std::string command = "bench_studio";
        for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
        out["command"] = command;
        out["benchmark"] = "studio: start to an interactive window, 300-slice CT to the first image, UI-thread stalls";
        out["setup_s"] = {{"write_series", writeSeriesS}, {"write_model", writeModelS}};
        out["machine"] = {{"nproc", std::thread::hardware_concurrency()},
                          {"cpu", vitask::bench::cpuModel()},
                          {"loadavg_start", loadStart},
                          {"loadavg_end", vitask::bench::loadAverage()},
                          {"qpa_platform", qEnvironmentVariable("QT_QPA_PLATFORM").toStdString()},
                          {"qt", qVersion()},
                          {"torch", vitask::runtime::systemInfo().torchVersion}};
        out["peer"] = {{"pydicom", peer["pydicom"]}, {"numpy", peer["numpy"]}};
        window.hide();
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!o.keep) fs::remove_all(o.dir);
        return 1;
    }
    std::cout << out.dump(2) << "\n";
    if (!o.keep) fs::remove_all(o.dir);
    return 0;
}
