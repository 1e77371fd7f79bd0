// Review benchmark: the review workflow's performance targets, each against a peer
// measured in the same run, printed as one JSON object.
//
// Input: the demo (scripts/make_demo.py: a trained VITask model and its ResNet TSM) and a
// worklist of --cases chest X-rays written as DICOM from the demo's test split
// (make_demo.write_chest_study, one patient per image). The AI's answers are computed
// for real by the demo model in the background first (timed too).
//
// 1. Next case: a real ReviewPanel (offscreen, 1400 x 900) moves through the worklist as a
//    reviewer does, pausing --dwell-ms on each case (the next one is read meanwhile); time
//    from nextCase() to the case's image and answers painted (imageShown, then a
//    synchronous repaint). Target < 200 ms. Also "cold": a jump to a case that was not
//    prefetched. Peer: pydicom reading the same file and windowing it to 8 bits, per case
//    (what a minimal viewer does before it can draw), /usr/bin/python3.
// 2. Export: every case accepted, then exportWorklist() with the PDF report and a DICOM SR
//    + Secondary Capture per case, de-identified. Target < 60 s for 500 cases on 2 cores.
//    Peer: Qt's floor for the PDF, a QPdfWriter drawing each key image and ten lines of
//    text with QPainter on its own page (no HTML layout).
//
// usage: bench_review [--demo DIR] [--cases N] [--next-runs N] [--dwell-ms MS] [--dir FOLDER]
#include "bench_support.h"
#include "vitask/runtime/system_info.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/review_panel/review_panel.h"
#include "vitask/ui/review_panel/worklist_creation.h"
#include "vitask/ui/review_panel/worklist_export.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/viewer/slice_viewer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTimer>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <random>
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

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

json summary(const std::vector<double>& runs) {
    return {{"median", median(runs)},
            {"p95", percentile(runs, 0.95)},
            {"max", runs.empty() ? 0.0 : *std::max_element(runs.begin(), runs.end())},
            {"runs", runs.size()}};
}

// Runs the event loop until `done` or `timeoutMs`; false on timeout.
template <typename Done>
bool waitFor(Done done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

json demoField(const fs::path& demo) {
    const std::string out = bench::runCommand("/usr/bin/python3 " VITASK_SOURCE_DIR "/scripts/make_demo.py --out '" +
                                              demo.string() + "' --vitask " VITASK_CLI_BINARY " | tail -n 1");
    return json::parse(out);
}

void writeCases(const fs::path& demo, const fs::path& folder, int count) {
    bench::runCommand("/usr/bin/python3 -c \"import sys; sys.path.insert(0, '" VITASK_SOURCE_DIR "/scripts'); "
                      "import make_demo; make_demo.write_chest_study('" +
                      (demo / "data" / "synth_chest_xray.npz").string() + "', None, '" + folder.string() + "', " +
                      std::to_string(count) + ")\"");
}

// The peer of "next case": pydicom reads each file and windows it to 8 bits.
json pydicomPeer(const fs::path& folder, int count) {
    const std::string script =
        "import json, os, sys, time\n"
        "import numpy as np, pydicom\n"
        "files = sorted(os.path.join(sys.argv[1], f) for f in os.listdir(sys.argv[1]))[:int(sys.argv[2])]\n"
        "runs = []\n"
        "for f in files:\n"
        "    t = time.perf_counter()\n"
        "    d = pydicom.dcmread(f)\n"
        "    a = d.pixel_array.astype(np.float32) * float(getattr(d, 'RescaleSlope', 1)) + float(getattr(d, 'RescaleIntercept', 0))\n"
        "    c, w = float(d.WindowCenter), float(d.WindowWidth)\n"
        "    img = (np.clip((a - (c - 0.5)) / (w - 1) + 0.5, 0, 1) * 255 + 0.5).astype(np.uint8)\n"
        "    runs.append((time.perf_counter() - t) * 1000)\n"
        "print(json.dumps({'runs_ms': runs}))\n";
    const fs::path file = folder.parent_path() / "pydicom_peer.py";
    std::ofstream(file) << script;
    return json::parse(bench::runCommand("/usr/bin/python3 '" + file.string() + "' '" + folder.string() + "' " +
                                         std::to_string(count)));
}

// Qt's floor for a PDF of `pages` pages, each an image and ten lines of text, no layout.
double pdfFloorMs(const QImage& image, int pages, const QString& path) {
    QElapsedTimer clock;
    clock.start();
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    QPainter painter(&writer);
    for (int page = 0; page < pages; ++page) {
        if (page > 0) writer.newPage();
        painter.drawImage(QRect(0, 0, 900, 900), image);
        for (int line = 0; line < 10; ++line)
            painter.drawText(QPoint(1000, 100 + 60 * line), QStringLiteral("Case %1: line %2 of the findings").arg(page).arg(line));
    }
    painter.end();
    return double(clock.nsecsElapsed()) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    struct {
        std::string demo, dir;
        int cases = 500, nextRuns = 60, dwellMs = 300;
    } o;
    {
        CLI::App cli{"VITask review benchmark: next case and worklist export, against peers"};
        cli.add_option("--demo", o.demo, "The demo folder (scripts/make_demo.py --out); made when missing");
        cli.add_option("--cases", o.cases, "Cases in the worklist")->check(CLI::Range(2, 5000));
        cli.add_option("--next-runs", o.nextRuns, "Cases moved through for the next-case timing")->check(CLI::Range(1, 5000));
        cli.add_option("--dwell-ms", o.dwellMs, "Time the reviewer looks at each case")->check(CLI::Range(0, 10000));
        cli.add_option("--dir", o.dir, "Work folder (default: a new one under /tmp)");
        CLI11_PARSE(cli, argc, argv);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const fs::path dir = bench::workFolder(o.dir, "review");
    qputenv("VITASK_CONFIG_DIR", (dir / "config").c_str());
    qputenv("VITASK_DATA_DIR", (dir / "data").c_str());
    bench::quietLogging("bench_review");
    QApplication app(argc, argv);
    const fs::path demo = o.demo.empty() ? fs::path(VITASK_BINARY_DIR) / "demo" : fs::path(o.demo);
    const json field = demoField(demo);
    const fs::path cases = dir / "cases";
    fs::remove_all(cases);
    writeCases(demo, cases, o.cases);

    json out{{"machine", {{"cpu", bench::cpuModel()}, {"cores", std::thread::hardware_concurrency()}}},
             {"load_average_before", bench::loadAverage()},
             {"cases", o.cases}};

    // The worklist, answered for real by the demo model and its TSM.
    ui::StudioSettings::setMaxNewTokens(16);
    ui::EngineBridge engine(service::EngineSettings{service::DeviceChoice::Cpu, 0, {}});
    bool modelReady = false, tsmReady = false;
    QObject::connect(&engine, &ui::EngineBridge::modelLoaded, [&] { modelReady = true; });
    QObject::connect(&engine, &ui::EngineBridge::tsmLoaded, [&] { tsmReady = true; });
    engine.loadModel(QString::fromStdString(field["model"]));
    engine.loadTsm(QString::fromStdString(field["tsm"]));
    if (!waitFor([&] { return modelReady && tsmReady; }, 120000)) throw std::runtime_error("the demo model did not load");
    QElapsedTimer clock;
    clock.start();
    const service::WorklistSource source = service::listWorklist(cases);
    const double listMs = double(clock.nsecsElapsed()) / 1e6;
    auto store = ui::ReviewStore::openDefault();
    ui::WorklistSettings settings;
    settings.question = QString::fromStdString(field["questions"]["chest_xray"]);
    settings.tsmSource = QString::fromStdString(field["tsm"]);
    const ui::Worklist worklist = ui::createWorklist(store, settings, source, *engine.model(), engine.tsm());

    ui::ReviewPanel panel;
    panel.resize(1400, 900);
    panel.show();
    auto session = std::make_unique<ui::WorklistSession>(store, worklist.id, QStringLiteral("Bench Reader"), &engine);
    bool answered = false;
    QObject::connect(session.get(), &ui::WorklistSession::answeringFinished, [&] { answered = true; });
    clock.restart();
    panel.setSession(std::move(session), true);
    if (!waitFor([&] { return answered; }, 3600000)) throw std::runtime_error("answering did not finish");
    const double answerS = double(clock.nsecsElapsed()) / 1e9;
    out["answering"] = {{"list_ms", listMs},
                        {"seconds", answerS},
                        {"per_case_ms", answerS * 1000 / o.cases},
                        {"answered", panel.session()->answeredCount()}};

    // 1. Next case, as a reviewer moves on.
    int shownFor = -1;
    QObject::connect(&panel, &ui::ReviewPanel::imageShown, [&](int position) { shownFor = position; });
    panel.showCase(0);
    waitFor([&] { return shownFor == 0; }, 10000);
    std::vector<double> warm, cold;
    const int runs = std::min(o.nextRuns, o.cases - 1);
    for (int i = 0; i < runs; ++i) {
        waitFor([] { return false; }, o.dwellMs);  // the reviewer looks; the next case is read
        clock.restart();
        panel.nextCase();
        waitFor([&] { return shownFor == panel.currentCase(); }, 10000);
        panel.repaint();
        warm.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::mt19937 random(7);
    for (int i = 0; i < std::min(20, o.cases / 4); ++i) {  // jumps far away: nothing prefetched
        const int target = int(random() % std::uint32_t(o.cases));
        if (std::abs(target - panel.currentCase()) <= 1) continue;
        waitFor([] { return false; }, 50);
        clock.restart();
        panel.showCase(target);
        waitFor([&] { return shownFor == target; }, 10000);
        panel.repaint();
        cold.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    const json peer = pydicomPeer(cases, runs);
    std::vector<double> peerMs = peer["runs_ms"].get<std::vector<double>>();
    out["next_case"] = {{"what", "nextCase() to the image and answers painted, after a dwell of " +
                                     std::to_string(o.dwellMs) + " ms; cold: a jump to a case not prefetched"},
                        {"ours_ms", summary(warm)},
                        {"cold_ms", summary(cold)},
                        {"peer", "pydicom reads the file and windows it to 8 bits (no display)"},
                        {"peer_ms", summary(peerMs)},
                        {"target_ms", 200},
                        {"met", percentile(warm, 0.95) < 200 && percentile(cold, 0.95) < 200}};

    // 2. Export: all accepted, then PDF + SR + SC, de-identified.
    for (int i = 0; i < panel.session()->caseCount(); ++i) {
        ui::Review review;
        review.decision = ui::Decision::Accept;
        review.read.label = QString::fromStdString(panel.session()->answer(i)->answer.vlmLabel);
        panel.session()->saveReview(i, review);
    }
    QList<ui::ExportCase> exportCases;
    for (int i = 0; i < panel.session()->caseCount(); ++i)
        exportCases << ui::ExportCase{panel.session()->caseAt(i), panel.session()->answer(i), panel.session()->review(i)};
    ui::ExportOptions options;
    options.folder = QString::fromStdString((dir / "export").string());
    QDir().mkpath(options.folder);
    options.pdf = options.dicom = true;
    clock.restart();
    const ui::ExportResult result = ui::exportWorklist(worklist, exportCases, options);
    const double exportS = double(clock.nsecsElapsed()) / 1e9;
    const QImage keyImage = QImage(64, 64, QImage::Format_RGB888);
    const double floorS = pdfFloorMs(keyImage, o.cases, QString::fromStdString((dir / "floor.pdf").string())) / 1000;
    out["export"] = {{"what", "exportWorklist(): PDF report + DICOM SR + Secondary Capture per case, de-identified"},
                     {"seconds", exportS},
                     {"files", result.files.size()},
                     {"problems", result.problems.size()},
                     {"pdf_bytes", fs::file_size(dir / "export" / "report.pdf")},
                     {"peer", "QPdfWriter + QPainter: each case's key image and ten lines of text on a page"},
                     {"peer_seconds", floorS},
                     {"target_s", 60},
                     {"met", exportS < 60 && result.problems.isEmpty()}};
    out["load_average_after"] = bench::loadAverage();
    std::cout << out.dump(2) << std::endl;
    return 0;
}
