// The Runs page with real processes: `vitask data synth` makes a dataset, the panel
// launches real `vitask train` runs and follows them from their folders: a short run
// shows starting/running then finished, with the final metrics and as many curve points
// as metrics.jsonl has records; it is evaluated with `vitask eval`. A longer run outlives
// the panel that started it (its own session), a new panel reattaches and follows it,
// Cancel (the shortcut and its confirmation) stops it with a checkpoint ("cancelled", the
// trainer's state), Resume continues it, SIGKILL shows it as crashed with Resume offered,
// and it finishes with every record once. Folders that are not runs and a missing
// program are refused with messages that name them. Those finished runs, shown in a panel
// whose language is switched at run time, read as in a panel built in that language.
#include "run_charts.h"
#include "run_compare_table.h"
#include "vitask/ui/runs_panel/runs_panel.h"
#include "vitask/ui/test_support/shown_texts.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <signal.h>
#include <unistd.h>

using namespace vitask;
using vitask::ui::RunsPanel;

namespace {

struct FileRecords {
    int train = 0, eval = 0;
};

FileRecords recordsIn(const QString& run) {
    FileRecords out;
    QFile file(run + QStringLiteral("/metrics.jsonl"));
    if (!file.open(QIODevice::ReadOnly)) return out;
    for (const auto& line : file.readAll().split('\n')) {
        if (line.contains("\"type\":\"train\"")) ++out.train;
        else if (line.contains("\"type\":\"eval\"")) ++out.eval;
    }
    return out;
}

// The panel has read every folder and handed every curve its points.
bool settled(RunsPanel& panel) { return panel.idle() && panel.charts()->settled(); }

int seriesPoints(RunsPanel& panel, const QString& run, const QString& key) {
    auto* series = panel.charts()->series(run, key);
    return series ? static_cast<int>(series->count()) : -1;
}

// Clicks Yes on the next modal question box (Cancel's confirmation).
void answerYesSoon() {
    auto* timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, timer, [timer] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->button(QMessageBox::Yes)->click();
            timer->deleteLater();
        }
    });
    timer->start(20);
}

}  // namespace

class TestRunsPanel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString shortConfig_, longConfig_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    QString writeConfig(const QString& name, int epochs) const {
        const QString file = path(name + QStringLiteral(".yaml"));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly)) return {};
        out.write(QStringLiteral(
                      "preset: custom\nseed: 5\nthreads: 1\n"
                      "model:\n  scratch: {tokenizer: %1/resources/tokenizers/vitask-scratch, image_size: 28, "
                      "patch_size: 7, vision_width: 48, vision_layers: 2, text_width: 64, text_layers: 2, heads: 4}\n"
                      "data: [synth/synth_chest_xray.npz]\n"
                      "training: {batch_size: 8, log_every: 1, checkpoint_every: 50}\n"
                      "stages:\n"
                      "  - {name: warmup, epochs: %2, lr: 2.0e-3, losses: {van: 1}, trainable: [vision, projector, language]}\n"
                      "  - {name: stage1, epochs: %2, lr: 1.0e-3, losses: {van: 1}, trainable: [language]}\n")
                      .arg(qEnvironmentVariable("VITASK_SOURCE_DIR"))
                      .arg(epochs)
                      .toUtf8());
        return file;
    }

    // The trainer's state in `run`'s status.json ("finished", ...); empty without one.
    static QString trainerState(const QString& run) {
        QFile status(run + QStringLiteral("/status.json"));
        if (!status.open(QIODevice::ReadOnly)) return {};
        return QJsonDocument::fromJson(status.readAll()).object().value(QStringLiteral("state")).toString();
    }

    // A finished run of `config` for the test functions that need one whatever ran before
    // them: `launched` when the function that launches it there left it finished, else one
    // `vitask train` writes into `fallback` now (once). Empty when training fails.
    QString finishedRun(const QString& launched, const QString& config, const QString& fallback) const {
        for (const QString& run : {path(launched), path(fallback)})
            if (trainerState(run) == QLatin1String("finished")) return run;
        QProcess train;
        train.start(qEnvironmentVariable("VITASK_CLI"),
                    {QStringLiteral("--no-log-file"), QStringLiteral("train"), config, QStringLiteral("--out"), path(fallback)});
        if (!train.waitForFinished(600000) || train.exitStatus() != QProcess::NormalExit || train.exitCode() != 0) {
            qWarning("vitask train %s failed: %s", qPrintable(config), train.readAllStandardError().constData());
            return {};
        }
        return path(fallback);
    }
    QString finishedShortRun() const { return finishedRun(QStringLiteral("runs/short"), shortConfig_, QStringLiteral("runs/short-cli")); }
    QString finishedLongRun() const { return finishedRun(QStringLiteral("runs/long"), longConfig_, QStringLiteral("runs/long-cli")); }

    // A panel showing `runs` as the user finds them: listed, selected, read and drawn;
    // `compare`: on the Compare tab. Null when a run cannot be listed or read.
    std::unique_ptr<RunsPanel> panelShowing(const QStringList& runs, bool compare) const {
        auto panel = std::make_unique<RunsPanel>();
        panel->resize(1400, 900);
        panel->show();
        for (const auto& run : runs)
            if (!panel->addRunFolder(run)) return nullptr;
        panel->selectRuns(runs);
        if (compare) panel->findChild<QAction*>(QStringLiteral("compareRunsAction"))->trigger();
        const bool read = QTest::qWaitFor(
            [&] {
                return settled(*panel) && std::all_of(runs.begin(), runs.end(), [&](const QString& run) {
                           return panel->runState(run) == QLatin1String("finished");
                       });
            },
            30000);
        return read ? std::move(panel) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // studio.ini, and the CLI's own log files, stay in the test's folder.
        qputenv("VITASK_CONFIG_DIR", path(QStringLiteral("config")).toUtf8());
        qputenv("VITASK_DATA_DIR", path(QStringLiteral("data")).toUtf8());
        QProcess synth;
        synth.start(qEnvironmentVariable("VITASK_CLI"),
                    {QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"), path(QStringLiteral("synth")),
                     QStringLiteral("--train"), QStringLiteral("96"), QStringLiteral("--val"), QStringLiteral("16"),
                     QStringLiteral("--test"), QStringLiteral("16"), QStringLiteral("--modality"),
                     QStringLiteral("chest_xray")});
        QVERIFY(synth.waitForFinished(120000));
        QVERIFY2(synth.exitCode() == 0, synth.readAllStandardError().constData());
        shortConfig_ = writeConfig(QStringLiteral("short"), 2);  // 2 x 2 epochs of 12 steps, a few seconds
        longConfig_ = writeConfig(QStringLiteral("long"), 25);   // 600 steps, half a minute
    }

    void aLaunchedRunIsFollowedToItsEnd() {
        RunsPanel panel;
        panel.setPollInterval(100);
        panel.resize(1400, 900);
        panel.show();
        QStringList states;
        connect(&panel, &RunsPanel::runStateChanged, this, [&](const QString&, const QString& state) { states << state; });
        const QString run = path(QStringLiteral("runs/short"));
        QVERIFY2(panel.launch(shortConfig_, run), qPrintable(panel.errorText()));
        QCOMPARE(panel.runFolders(), QStringList{run});
        QCOMPARE(panel.selectedRuns(), QStringList{run});
        QTRY_VERIFY_WITH_TIMEOUT(panel.runState(run) == QLatin1String("finished"), 120000);
        QVERIFY2(states.contains(QStringLiteral("running")), qPrintable(states.join(u',')));
        QCOMPARE(states.first(), QStringLiteral("starting"));
        QCOMPARE(states.last(), QStringLiteral("finished"));

        const auto summary = panel.summary(run);
        QVERIFY(summary);
        QCOMPARE(summary->step, int64_t{48});
        QCOMPARE(summary->totalSteps, int64_t{48});
        QVERIFY(summary->finalMetrics.count("test_macro_f1"));
        QVERIFY(!summary->finalFolder.empty());
        QVERIFY(QFile::exists(run + QStringLiteral("/stdout.log")));  // the console went to the run folder

        // Every record is read and drawn: a point per training record in each loss term,
        // a point per evaluation record over the macro-F1 curves.
        QTRY_VERIFY(settled(panel));
        const auto file = recordsIn(run);
        QCOMPARE(file.train, 48);
        QCOMPARE(file.eval, 3);  // val after each stage, test at the end
        QCOMPARE(panel.trainRecords(run), file.train);
        QCOMPARE(panel.evalRecords(run), file.eval);
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("loss")), file.train);
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("l_van")), file.train);
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("l_ep")), -1);  // logged as 0 throughout: not drawn
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("val/macro_f1")) + seriesPoints(panel, run, QStringLiteral("test/macro_f1")),
                 file.eval);
        // On a log scale every (positive) loss is still drawn; smoothing adds a curve over the raw one.
        panel.findChild<QCheckBox*>(QStringLiteral("logScale"))->setChecked(true);
        QTRY_VERIFY(settled(panel));
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("loss")), file.train);
        panel.findChild<QSlider*>(QStringLiteral("smoothing"))->setValue(60);
        QTRY_VERIFY(settled(panel));
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("loss|smoothed")), file.train);
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("loss")), file.train);
        panel.findChild<QSlider*>(QStringLiteral("smoothing"))->setValue(0);
        panel.findChild<QCheckBox*>(QStringLiteral("logScale"))->setChecked(false);
        QTRY_VERIFY(settled(panel));
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("loss|smoothed")), -1);

        auto* table = panel.findChild<QTableView*>(QStringLiteral("runsTable"));
        QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("finished"));
        QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("48 / 48"));
        QVERIFY(table->model()->index(0, 5).data().toString() != QStringLiteral("—"));  // the best val macro-F1

        // Evaluate: `vitask eval` on the final model, into the run's eval/ folder.
        QSignalSpy evaluated(&panel, &RunsPanel::evaluationFinished);
        QVERIFY2(panel.evaluateRun(run), qPrintable(panel.errorText()));
        QVERIFY(evaluated.wait(120000));
        QVERIFY2(evaluated.first().at(1).toString().contains(QStringLiteral("complete: accuracy")),
                 qPrintable(evaluated.first().at(1).toString()));
        QVERIFY(QFile::exists(run + QStringLiteral("/eval/test_score_complete.json")));
        auto* evaluations = panel.findChild<QTableWidget*>(QStringLiteral("runEvaluations"));
        QCOMPARE(evaluations->rowCount(), 2);  // the trainer's test_score and this one

        // Open in AI panel hands over the final model.
        QSignalSpy open(&panel, &RunsPanel::openModelRequested);
        panel.findChild<QAction*>(QStringLiteral("openInAiPanelAction"))->trigger();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toString(), run + QStringLiteral("/final"));
    }

    void aRunOutlivesThePanelAndIsCancelledResumedAndFinished() {
        const QString run = path(QStringLiteral("runs/long"));
        qint64 pid = 0;
        int seenBefore = 0;
        {
            RunsPanel panel;
            panel.setPollInterval(100);
            QVERIFY2(panel.launch(longConfig_, run), qPrintable(panel.errorText()));
            QTRY_VERIFY_WITH_TIMEOUT(panel.trainRecords(run) >= 20, 120000);
            QCOMPARE(panel.runState(run), QStringLiteral("running"));
            pid = panel.summary(run)->pid;
            seenBefore = panel.trainRecords(run);
        }
        // The panel is gone; the trainer is not, and it is in a session of its own (a
        // Ctrl+C or hang-up of the studio's terminal does not reach it).
        QVERIFY(::kill(static_cast<pid_t>(pid), 0) == 0);
        QVERIFY(::getsid(static_cast<pid_t>(pid)) != ::getsid(0));

        RunsPanel panel;  // a new studio: the run is listed from studio.ini and followed
        panel.setPollInterval(100);
        panel.resize(1400, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        QVERIFY(panel.runFolders().contains(run));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(run), QStringLiteral("running"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.trainRecords(run) > seenBefore + 10, 60000);  // follows new steps
        panel.selectRuns({run});
        QTRY_VERIFY(seriesPoints(panel, run, QStringLiteral("loss")) == panel.trainRecords(run));

        // Cancel through its shortcut and confirmation: the trainer checkpoints and stops.
        answerYesSoon();
        auto* table = panel.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(run), QStringLiteral("cancelled"), 60000);
        auto summary = panel.summary(run);
        QCOMPARE(summary->state, service::RunState::Interrupted);
        QCOMPARE(summary->trainerState, std::string("cancelled"));
        QVERIFY(summary->step < summary->totalSteps);
        QVERIFY(QFile::exists(run + QStringLiteral("/checkpoints/step-%1").arg(summary->step, 8, 10, QLatin1Char('0'))));
        QVERIFY(panel.findChild<QAction*>(QStringLiteral("resumeRunAction"))->isEnabled());
        QVERIFY(!panel.findChild<QAction*>(QStringLiteral("cancelRunAction"))->isEnabled());

        // Resume, then kill the trainer outright: its status still says running, its
        // process is gone, so it shows as crashed, with Resume offered again.
        QVERIFY2(panel.resumeRun(run), qPrintable(panel.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(run), QStringLiteral("running"), 60000);
        const int64_t resumedAt = panel.summary(run)->step;
        QTRY_VERIFY_WITH_TIMEOUT(panel.summary(run)->step > resumedAt + 5, 60000);
        QVERIFY(::kill(static_cast<pid_t>(panel.summary(run)->pid), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(run), QStringLiteral("crashed"), 30000);
        QCOMPARE(panel.summary(run)->trainerState, std::string("running"));
        QVERIFY(panel.findChild<QAction*>(QStringLiteral("resumeRunAction"))->isEnabled());

        // Resumed from its last checkpoint, it finishes; the records after that checkpoint
        // were dropped and written again, and the panel holds each record once.
        QVERIFY2(panel.resumeRun(run), qPrintable(panel.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(run), QStringLiteral("finished"), 240000);
        QTRY_VERIFY(settled(panel));
        const auto file = recordsIn(run);
        QCOMPARE(file.train, 600);
        QCOMPARE(panel.trainRecords(run), file.train);
        QCOMPARE(panel.evalRecords(run), file.eval);
        QTRY_COMPARE(seriesPoints(panel, run, QStringLiteral("loss")), file.train);

        // Both runs side by side: the configurations differ in the epochs only.
        const QString shortRun = finishedShortRun();
        QVERIFY2(!shortRun.isEmpty(), "no finished run of the short configuration");
        QVERIFY2(panel.addRunFolder(shortRun), qPrintable(panel.errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(shortRun), QStringLiteral("finished"), 30000);  // read
        panel.selectRuns({shortRun, run});
        QCOMPARE(panel.selectedRuns().size(), 2);
        QVERIFY(panel.findChild<QAction*>(QStringLiteral("compareRunsAction"))->isEnabled());
        panel.findChild<QAction*>(QStringLiteral("compareRunsAction"))->trigger();
        QCOMPARE(panel.compareTable()->differingKeys(),
                 (QStringList{QStringLiteral("stages[0].epochs"), QStringLiteral("stages[1].epochs")}));
        // Several runs overlaid: each run's total loss is drawn.
        QTRY_VERIFY(settled(panel));
        QCOMPARE(seriesPoints(panel, shortRun, QStringLiteral("loss")), 48);
        QCOMPARE(seriesPoints(panel, run, QStringLiteral("loss")), 600);
    }

    void theTsmIsTrainedFirstWhenAsked() {
        // As the tuning wizard asks: `vitask tsm train ...`, then the run, in one detached
        // session; the trainer keeps the pid the panel started.
        RunsPanel panel;
        panel.setPollInterval(100);
        const QString run = path(QStringLiteral("runs/after-tsm"));
        const QString tsm = path(QStringLiteral("tsm"));
        const QStringList tsmTrain{QStringLiteral("tsm"), QStringLiteral("train"), QStringLiteral("--data"),
                                   path(QStringLiteral("synth/synth_chest_xray.npz")), QStringLiteral("--out"), tsm,
                                   QStringLiteral("--depth"), QStringLiteral("10"), QStringLiteral("--width"),
                                   QStringLiteral("8"), QStringLiteral("--epochs"), QStringLiteral("1"),
                                   QStringLiteral("--device"), QStringLiteral("cpu")};
        QVERIFY2(panel.launch(shortConfig_, run, tsmTrain), qPrintable(panel.errorText()));
        QCOMPARE(panel.runState(run), QStringLiteral("starting"));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("runMessage"))->text().contains(QStringLiteral("TSM")));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(run), QStringLiteral("finished"), 180000);
        QVERIFY(QFile::exists(tsm + QStringLiteral("/tsm.tsm.json")));
        QVERIFY2(panel.statusText().contains(QStringLiteral("pid %1").arg(panel.summary(run)->pid)), qPrintable(panel.statusText()));

        // A TSM step that fails: the run never starts, and the page says why (its stderr).
        const QString failing = path(QStringLiteral("runs/tsm-fails"));
        QVERIFY(panel.launch(shortConfig_, failing,
                             {QStringLiteral("tsm"), QStringLiteral("train"), QStringLiteral("--data"),
                              path(QStringLiteral("no-such-data.npz")), QStringLiteral("--out"), tsm}));
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(failing), QStringLiteral("failed"), 60000);
        const QString message = panel.findChild<QLabel*>(QStringLiteral("runMessage"))->text();
        QVERIFY2(message.contains(QStringLiteral("no-such-data.npz")), qPrintable(message));
        QVERIFY(!QFile::exists(failing + QStringLiteral("/config.yaml")));
        panel.removeRun(run);
        panel.removeRun(failing);
    }

    void aLongRunIsDrawnDecimatedAndReadAgainWhenSelected() {
        // A run folder as the trainer writes one, with 25,000 training records and one
        // loss spike; its status names no process (finished).
        const QString run = path(QStringLiteral("runs/written"));
        QVERIFY(QDir().mkpath(run));
        QFile(run + QStringLiteral("/config.yaml")).open(QIODevice::WriteOnly);
        QFile status(run + QStringLiteral("/status.json"));
        QVERIFY(status.open(QIODevice::WriteOnly));
        status.write(R"({"state": "finished", "step": 25000, "total_steps": 25000})");
        status.close();
        QFile metrics(run + QStringLiteral("/metrics.jsonl"));
        QVERIFY(metrics.open(QIODevice::WriteOnly));
        for (int step = 1; step <= 25000; ++step)
            metrics.write(QStringLiteral("{\"type\":\"train\",\"stage\":\"s\",\"step\":%1,\"loss\":%2,\"l_van\":1.0}\n")
                              .arg(step)
                              .arg(step == 12345 ? 100.0 : 1.0 + 1.0 / step)
                              .toUtf8());
        metrics.close();

        RunsPanel panel;
        QVERIFY(panel.addRunFolder(run));
        QTRY_VERIFY_WITH_TIMEOUT(settled(panel) && panel.trainRecords(run) == 25000, 30000);
        auto* loss = panel.charts()->series(run, QStringLiteral("loss"));
        QVERIFY(loss);
        QVERIFY(loss->count() <= ui::RunCharts::kMaxPoints);
        const auto points = loss->points();
        QCOMPARE(std::max_element(points.begin(), points.end(), [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); })->y(),
                 100.0);  // the spike survives the decimation

        // Not selected, its training curves are let go (it is long); selected again, it is read again.
        panel.selectRuns({});
        QTRY_VERIFY(settled(panel));
        QCOMPARE(panel.trainRecords(run), 25000);
        panel.selectRuns({run});
        QTRY_VERIFY_WITH_TIMEOUT(settled(panel) && panel.charts()->series(run, QStringLiteral("loss")) &&
                                     panel.charts()->series(run, QStringLiteral("loss"))->count() > 0,
                                 30000);
        QCOMPARE(panel.trainRecords(run), 25000);
        panel.removeRun(run);
    }

    void badFoldersAndAMissingProgramAreNamed() {
        const QString finished = finishedShortRun();
        QVERIFY2(!finished.isEmpty(), "no finished run of the short configuration");
        RunsPanel panel;
        const QString notARun = path(QStringLiteral("just-a-folder"));
        QVERIFY(QDir().mkpath(notARun));
        QVERIFY(!panel.addRunFolder(notARun));
        QVERIFY2(panel.errorText().contains(notARun) && panel.errorText().contains(QStringLiteral("not a run folder")),
                 qPrintable(panel.errorText()));
        QVERIFY(!panel.runFolders().contains(notARun));
        QVERIFY(!panel.addRunFolder(path(QStringLiteral("nowhere"))));
        QVERIFY2(panel.errorText().contains(QStringLiteral("does not exist")), qPrintable(panel.errorText()));

        // A folder that holds a run is never launched into.
        QVERIFY(!panel.launch(shortConfig_, finished));
        QVERIFY2(panel.errorText().contains(QStringLiteral("already holds a run")), qPrintable(panel.errorText()));
        QVERIFY(!panel.launch(path(QStringLiteral("missing.yaml")), path(QStringLiteral("runs/other"))));
        QVERIFY2(panel.errorText().contains(QStringLiteral("missing.yaml")), qPrintable(panel.errorText()));
        // A finished run is neither cancelled nor resumed.
        QVERIFY2(panel.addRunFolder(finished), qPrintable(panel.errorText()));
        QVERIFY(!panel.cancelRun(finished));
        QVERIFY2(panel.errorText().contains(QStringLiteral("nothing to stop")), qPrintable(panel.errorText()));
        QVERIFY(!panel.resumeRun(finished));
        QVERIFY2(panel.errorText().contains(QStringLiteral("cannot be resumed")), qPrintable(panel.errorText()));

        const QByteArray cli = qgetenv("VITASK_CLI");
        qputenv("VITASK_CLI", path(QStringLiteral("no-such-vitask")).toUtf8());
        const bool launched = panel.launch(shortConfig_, path(QStringLiteral("runs/other")));
        qputenv("VITASK_CLI", cli);
        QVERIFY(!launched);
        QVERIFY2(panel.errorText().contains(QStringLiteral("no-such-vitask")) && panel.errorText().contains(QStringLiteral("VITASK_CLI")),
                 qPrintable(panel.errorText()));

        // A listed run whose folder was deleted stays listed, marked, with the reason.
        const QString gone = path(QStringLiteral("runs/gone"));
        QVERIFY(QDir().mkpath(gone));
        QFile(gone + QStringLiteral("/config.yaml")).open(QIODevice::WriteOnly);
        QVERIFY(panel.addRunFolder(gone));
        QVERIFY(QDir(gone).removeRecursively());
        QTRY_COMPARE_WITH_TIMEOUT(panel.runState(gone), QStringLiteral("missing"), 10000);
        panel.removeRun(gone);
        QVERIFY(!panel.runFolders().contains(gone));
    }

    // Finished runs (the tests above left them, else they are trained here), with their
    // curves, evaluations and stages: one alone, and two side by side (the curves told
    // apart by a legend line).
    void switchesLanguageWithoutRestart_data() {
        QTest::addColumn<bool>("compare");
        QTest::newRow("one run") << false;
        QTest::newRow("two runs compared") << true;
    }

    void switchesLanguageWithoutRestart() {
        QFETCH(bool, compare);
        QStringList runs{finishedShortRun()};
        if (compare) runs << finishedLongRun();
        QVERIFY2(!runs.contains(QString()), "no finished run of the short or the long configuration");
        using vitask::ui::test::shownTexts;
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        const auto panel = panelShowing(runs, compare);
        QVERIFY2(panel, qPrintable("the finished runs do not show: " + runs.join(QStringLiteral(", "))));
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shownTexts(*panel); }, [&] {
            const auto fresh = panelShowing(runs, compare);
            return fresh ? shownTexts(*fresh) : QStringList{};
        }));
    }
};

QTEST_MAIN(TestRunsPanel)
#include "test_runs_panel.moc"
