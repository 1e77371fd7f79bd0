// The run monitor on real files and processes: metrics.jsonl followed while it is
// written (a torn last line waits, a resume's rewrite is read again), the parser's speed
// on 100,000 records (printed beside nlohmann::json's, not asserted), readRunSummary on a
// run directory written by a real `vitask train`, and the states a status can mean
// (a live trainer, a dead or reused pid, a zombie, another machine, not a run at all).
#include "vitask/service/run_monitor.h"
#include "vitask/vitask/run_directory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <fstream>

using namespace vitask::service;
namespace fs = std::filesystem;

namespace {

nlohmann::json trainRecord(int64_t step) {
    const double loss = 2.0 / (1.0 + 0.01 * static_cast<double>(step));
    return {{"type", "train"}, {"stage", "stage1"}, {"step", step}, {"epoch", static_cast<double>(step) / 37.0},
            {"loss", loss}, {"l_van", loss * 0.6}, {"l_ep", loss * 0.3}, {"l_rda", loss * 0.1}, {"l_crt", 0.0},
            {"lr", 1e-3}, {"grad_norm", 0.75}, {"samples_per_s", 123.4}};
}

void append(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::app | std::ios::binary);
    out << text;
}

void writeStatus(const fs::path& folder, const nlohmann::json& status) {
    std::ofstream(folder / "status.json") << status.dump(2);
}

int64_t now() { return static_cast<int64_t>(std::time(nullptr)); }

QString runCli(const QStringList& arguments, int* exitCode) {
    QProcess process;
    process.start(qEnvironmentVariable("VITASK_CLI"), arguments);
    process.waitForFinished(300000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

}  // namespace

class TestRunMonitor : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    fs::path root() const { return dir_.path().toStdString(); }

private Q_SLOTS:
    void tornLastLineWaitsForItsEnd() {
        const auto file = root() / "torn.jsonl";
        MetricsTail tail(file);
        QVERIFY(tail.poll().records.empty());  // not written yet
        const std::string line = trainRecord(1).dump() + "\n";
        append(file, line + line.substr(0, 40));
        auto update = tail.poll();
        QCOMPARE(update.records.size(), size_t{1});
        QCOMPARE(update.records[0].step, int64_t{1});
        QCOMPARE(update.records[0].stage, std::string("stage1"));
        QVERIFY(!update.records[0].isEval);
        QCOMPARE(update.records[0].values.at("l_van"), trainRecord(1)["l_van"].get<double>());
        QVERIFY(!update.records[0].values.count("step"));
        QCOMPARE(tail.offset(), uint64_t{line.size()});
        QVERIFY(tail.poll().records.empty());  // still torn
        append(file, line.substr(40));
        update = tail.poll();
        QCOMPARE(update.records.size(), size_t{1});
        QCOMPARE(update.damagedLines, int64_t{0});
        QVERIFY(!update.restarted);

        // An evaluation record, as the trainer writes it.
        append(file, nlohmann::json({{"type", "eval"}, {"split", "val"}, {"stage", "warmup"}, {"step", 8},
                                     {"exemplar", true}, {"accuracy", 0.5}, {"macro_f1", 0.25}}).dump() + "\n");
        update = tail.poll();
        QCOMPARE(update.records.size(), size_t{1});
        QVERIFY(update.records[0].isEval);
        QVERIFY(update.records[0].exemplar);
        QCOMPARE(update.records[0].split, std::string("val"));
        QCOMPARE(update.records[0].values.at("macro_f1"), 0.25);
    }

    void damagedLinesAreSkipped() {
        QVERIFY(!parseMetricLine("{\"loss\": 1}"));                           // no step
        QVERIFY(!parseMetricLine("{\"step\": 1, \"lo{\"type\": \"train\"}"));  // two torn lines run together
        QVERIFY(!parseMetricLine("{\"step\": 1} trailing"));
        QVERIFY(!parseMetricLine(""));
        const auto odd = parseMetricLine("{\"step\": 3, \"stage\": \"a\\\"b\", \"x\": null, \"nested\": {\"a\": [1, \"}\"]}, \"y\": -1.5e-3}");
        QVERIFY(odd);
        QCOMPARE(odd->stage, std::string("a\"b"));
        QCOMPARE(odd->values.size(), size_t{1});
        QCOMPARE(odd->values.at("y"), -1.5e-3);

        const auto file = root() / "damaged.jsonl";
        append(file, trainRecord(1).dump() + "\n{garbage\n\n" + trainRecord(2).dump() + "\r\n");
        MetricsTail tail(file);
        const auto update = tail.poll();
        QCOMPARE(update.records.size(), size_t{2});
        QCOMPARE(update.damagedLines, int64_t{1});
    }

    void aResumesRewriteIsReadAgain() {
        // The trainer's own resume path: RunDirectory::truncateMetricsAfter writes a new file.
        vitask::recipe::RunDirectory run(root() / "resumed");
        for (int64_t step = 1; step <= 10; ++step) run.appendMetrics(trainRecord(step));
        MetricsTail tail(run.metricsFile());
        QCOMPARE(tail.poll().records.size(), size_t{10});
        run.truncateMetricsAfter(6);
        run.appendMetrics(trainRecord(7));
        auto update = tail.poll();
        QVERIFY(update.restarted);
        QCOMPARE(update.records.size(), size_t{7});
        QCOMPARE(update.records.back().step, int64_t{7});

        // Rewritten in place (same inode, shorter): read again too.
        fs::resize_file(run.metricsFile(), 0);
        run.appendMetrics(trainRecord(1));
        update = tail.poll();
        QVERIFY(update.restarted);
        QCOMPARE(update.records.size(), size_t{1});
        QVERIFY(!tail.poll().restarted);
    }

    void aLongLogIsFollowedFromNearItsEnd() {
        const auto file = root() / "train.log";
        std::string text;
        for (int i = 0; i < 1000; ++i) text += "line " + std::to_string(i) + "\n";
        append(file, text);
        LineTail tail(file, 100);
        const auto first = tail.poll().text;
        QVERIFY(first.size() <= 100);
        QVERIFY2(first.rfind("line ", 0) == 0, first.c_str());  // starts at a whole line
        QVERIFY(first.find("line 999\n") != std::string::npos);
        append(file, "line 1000\nline 10");
        QCOMPARE(tail.poll().text, std::string("line 1000\n"));
    }

    void parsesOneHundredThousandLines() {
        const auto file = root() / "large.jsonl";
        {
            std::ofstream out(file, std::ios::binary);
            for (int64_t step = 1; step <= 100000; ++step) out << trainRecord(step).dump() << "\n";
        }
        QElapsedTimer timer;
        timer.start();
        MetricsTail tail(file);
        const auto update = tail.poll();
        const double oursMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        QCOMPARE(update.records.size(), size_t{100000});
        QCOMPARE(update.records.back().step, int64_t{100000});

        timer.restart();
        std::ifstream in(file);
        size_t parsed = 0;
        for (std::string line; std::getline(in, line);) parsed += nlohmann::json::parse(line).size() > 0;
        const double domMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        QCOMPARE(parsed, size_t{100000});
        qInfo("100,000 metrics lines (%.1f MB): MetricsTail %.0f ms, nlohmann::json per line %.0f ms",
              static_cast<double>(fs::file_size(file)) / 1e6, oursMs, domMs);
    }

    void summaryOfARealRun() {
        const QString data = dir_.filePath(QStringLiteral("synth"));
        int code = 0;
        QString output = runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"), data,
                                 QStringLiteral("--train"), QStringLiteral("32"), QStringLiteral("--val"),
                                 QStringLiteral("8"), QStringLiteral("--test"), QStringLiteral("8"),
                                 QStringLiteral("--modality"), QStringLiteral("chest_xray")},
                                &code);
        QVERIFY2(code == 0, qPrintable(output));
        const auto config = root() / "run.yaml";
        std::ofstream(config) << "preset: custom\nseed: 1\nthreads: 1\nmodel:\n  scratch: {tokenizer: "
                              << qEnvironmentVariable("VITASK_SOURCE_DIR").toStdString()
                              << "/resources/tokenizers/vitask-scratch, image_size: 28, patch_size: 7, vision_width: 32, "
                                 "vision_layers: 1, text_width: 32, text_layers: 1, heads: 2}\n"
                                 "data: [synth/synth_chest_xray.npz]\ntraining: {batch_size: 8, log_every: 1}\n"
                                 "stages:\n  - {name: warmup, epochs: 2, lr: 2.0e-3, losses: {van: 1}, "
                                 "trainable: [vision, projector, language]}\n";
        const auto run = root() / "real-run";
        output = runCli({QStringLiteral("train"), QString::fromStdString(config.string()), QStringLiteral("--out"),
                         QString::fromStdString(run.string())},
                        &code);
        QVERIFY2(code == 0, qPrintable(output));

        const auto summary = readRunSummary(run);
        QVERIFY2(summary.isRun(), summary.problem.c_str());
        QCOMPARE(summary.name, std::string("real-run"));
        QCOMPARE(summary.state, RunState::Finished);
        QCOMPARE(summary.trainerState, std::string("finished"));
        QCOMPARE(summary.step, int64_t{8});  // 2 epochs x 32 / 8
        QCOMPARE(summary.totalSteps, int64_t{8});
        QVERIFY(summary.stepsPerSecond > 0);
        QCOMPARE(summary.etaSeconds, 0.0);
        QCOMPARE(summary.host, thisHostName());
        QVERIFY(summary.onThisHost);
        QVERIFY(!summary.processAlive);  // the CLI has exited
        QVERIFY(summary.createdAt > 0 && summary.createdAt <= summary.updatedAt);
        QVERIFY(summary.startedAt > 0 && summary.startedAt <= summary.updatedAt);
        QCOMPARE(summary.finalFolder, run / "final");
        QVERIFY(summary.configText.find("batch_size: 8") != std::string::npos);
        const auto value = [&](const std::string& key) {
            for (const auto& [k, v] : summary.configValues)
                if (k == key) return v;
            return std::string("<none>");
        };
        QCOMPARE(value("training.batch_size"), std::string("8"));
        QCOMPARE(value("stages[0].lr"), std::string("0.002"));
        QCOMPARE(value("stages[0].trainable"), std::string("[vision, projector, language]"));
        QCOMPARE(summary.dataFiles.size(), size_t{1});
        QCOMPARE(summary.dataFiles[0].filename().string(), std::string("synth_chest_xray.npz"));

        // The final metrics are eval/test_score.json's.
        std::ifstream scoreFile(run / "eval" / "test_score.json");
        const auto score = nlohmann::json::parse(scoreFile);
        QCOMPARE(summary.finalMetrics.at("test_macro_f1"), score.at("mean_macro_f1").get<double>());
        QCOMPARE(summary.finalMetrics.at("test_accuracy"), score.at("mean_accuracy").get<double>());
        QVERIFY(!summary.finalMetrics.count("test_ep_macro_f1"));  // no TSM, no EP
        QVERIFY(summary.bestValMacroF1 >= 0);
        const auto evaluations = readRunEvaluations(run);
        QCOMPARE(evaluations.size(), size_t{1});
        QCOMPARE(evaluations[0].name, std::string("test_score"));
        QCOMPARE(evaluations[0].tasks.size(), size_t{1});

        // Its metrics as the trainer's own reader sees them.
        MetricsTail tail(run / "metrics.jsonl");
        const auto update = tail.poll();
        const auto records = vitask::recipe::RunDirectory(run).readMetrics();
        QCOMPARE(update.records.size(), records.size());
        size_t evalRecords = 0;
        for (size_t i = 0; i < records.size(); ++i) {
            QCOMPARE(update.records[i].step, records[i].at("step").get<int64_t>());
            QCOMPARE(update.records[i].isEval, records[i].at("type") == "eval");
            evalRecords += update.records[i].isEval;
            const char* key = update.records[i].isEval ? "macro_f1" : "loss";
            QCOMPARE(update.records[i].values.at(key), records[i].at(key).get<double>());
        }
        QCOMPARE(evalRecords, size_t{2});  // val after the stage, test at the end
    }

    void whatAStatusMeans() {
        const auto folder = root() / "states";
        fs::create_directories(folder);
        std::ofstream(folder / "config.yaml") << "not: [a valid run configuration\n";
        const auto host = thisHostName();

        // This process, as if it were the trainer: running and alive.
        writeStatus(folder, {{"state", "running"}, {"step", 3}, {"total_steps", 10}, {"pid", ::getpid()},
                             {"host", host}, {"started_at", now()}, {"steps_per_s", 2.5}, {"eta_s", 2.8},
                             {"world_size", 4}});
        auto run = readRunSummary(folder);
        QVERIFY2(run.isRun(), run.problem.c_str());
        QCOMPARE(run.state, RunState::Running);
        QVERIFY(run.processAlive);
        QCOMPARE(run.stepsPerSecond, 2.5);
        QCOMPARE(run.worldSize, 4);  // data parallel: the leader's status says how many processes
        QVERIFY(run.configValues.empty());  // the text is kept, the comparison has nothing
        QVERIFY(!run.configText.empty());

        // The same pid, but the trainer's session started an hour before this process did:
        // the pid was reused, the trainer is gone.
        writeStatus(folder, {{"state", "running"}, {"pid", ::getpid()}, {"host", host}, {"started_at", now() - 3600}});
        run = readRunSummary(folder);
        QCOMPARE(run.state, RunState::Interrupted);
        QVERIFY(!run.processAlive);
        QVERIFY2(run.message.find("is gone") != std::string::npos, run.message.c_str());
        QVERIFY(run.resumable());

        // A process that has exited.
        QProcess exited;
        exited.start(QStringLiteral("true"), {});
        QVERIFY(exited.waitForStarted());
        const auto deadPid = exited.processId();
        QVERIFY(exited.waitForFinished());
        writeStatus(folder, {{"state", "running"}, {"pid", deadPid}, {"host", host}});
        QCOMPARE(readRunSummary(folder).state, RunState::Interrupted);

        // An exited child nobody reaped (a zombie) is dead too.
        const pid_t zombie = ::fork();
        if (zombie == 0) ::_exit(0);
        QTest::qWait(200);
        writeStatus(folder, {{"state", "running"}, {"pid", zombie}, {"host", host}});
        QCOMPARE(readRunSummary(folder).state, RunState::Interrupted);
        ::waitpid(zombie, nullptr, 0);

        // Another machine's run cannot be checked from here.
        writeStatus(folder, {{"state", "running"}, {"pid", ::getpid()}, {"host", host + "-elsewhere"}});
        run = readRunSummary(folder);
        QCOMPARE(run.state, RunState::Unknown);
        QVERIFY(!run.onThisHost);
        QVERIFY2(run.message.find(host + "-elsewhere") != std::string::npos, run.message.c_str());
        std::string why;
        QVERIFY(!interruptRun(run, &why));
        QVERIFY2(why.find("not on this machine") != std::string::npos, why.c_str());

        // The trainer's other states; a status without host (older runs) is this machine's.
        writeStatus(folder, {{"state", "cancelled"}, {"message", "resume with vitask train --resume"}});
        run = readRunSummary(folder);
        QCOMPARE(run.state, RunState::Interrupted);
        QCOMPARE(run.trainerState, std::string("cancelled"));
        QVERIFY(run.onThisHost);
        writeStatus(folder, {{"state", "failed"}, {"message", "the loss became nan"}});
        run = readRunSummary(folder);
        QCOMPARE(run.state, RunState::Failed);
        QCOMPARE(run.message, std::string("the loss became nan"));
        QVERIFY(run.resumable());
        writeStatus(folder, {{"state", "exploded"}});
        QCOMPARE(readRunSummary(folder).state, RunState::Unknown);
        std::ofstream(folder / "status.json") << "{\"state\": \"runn";  // damaged
        run = readRunSummary(folder);
        QCOMPARE(run.state, RunState::Unknown);
        QVERIFY2(run.message.find("status.json") != std::string::npos, run.message.c_str());
        writeStatus(folder, {{"state", "running"}, {"step", "three"}, {"pid", "x"}});  // wrong types
        QCOMPARE(readRunSummary(folder).step, int64_t{0});
    }

    void foldersThatAreNotRuns() {
        const auto empty = root() / "not-a-run";
        fs::create_directories(empty);
        auto run = readRunSummary(empty);
        QVERIFY(!run.isRun());
        QCOMPARE(run.state, RunState::Unknown);
        QVERIFY2(run.problem.find(empty.string()) != std::string::npos, run.problem.c_str());
        QVERIFY2(run.problem.find("not a run folder") != std::string::npos, run.problem.c_str());
        QVERIFY2(run.problem.find("vitask train --out") != std::string::npos, run.problem.c_str());
        QVERIFY(!run.resumable());

        run = readRunSummary(root() / "missing");
        QVERIFY2(run.problem.find("does not exist") != std::string::npos, run.problem.c_str());
        const auto file = root() / "not-a-folder.jsonl";
        std::ofstream(file) << "{}\n";
        run = readRunSummary(file);
        QVERIFY2(run.problem.find("is a file") != std::string::npos, run.problem.c_str());
        QCOMPARE(readRunSummary(empty.string() + "/").name, std::string("not-a-run"));
    }

    void interruptStopsTheRunsProcess() {
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(sleeper.waitForStarted());
        const auto folder = root() / "sleeping";
        fs::create_directories(folder);
        writeStatus(folder, {{"state", "running"}, {"pid", sleeper.processId()}, {"host", thisHostName()},
                             {"started_at", now()}});
        const auto run = readRunSummary(folder);
        QCOMPARE(run.state, RunState::Running);
        std::string why;
        QVERIFY2(interruptRun(run, &why), why.c_str());
        QVERIFY(sleeper.waitForFinished(10000));
        QCOMPARE(sleeper.exitStatus(), QProcess::CrashExit);  // SIGINT's default: terminate
        QVERIFY(!interruptRun(readRunSummary(folder), &why));
        QVERIFY2(why.find("nothing to stop") != std::string::npos, why.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRunMonitor)
#include "test_run_monitor.moc"
