// The researcher's way through the main window, offscreen, with real processes: the
// tuning wizard opened from the Research menu and filled as a user fills it, its Launch
// (`vitask tsm train`, then `vitask train`, detached) followed on the Runs page; the studio
// closed while the run trains and opened again finds it, follows it to its end and shows
// its final metrics.
#include "hyperparameters_page.h"

#include "vitask/common/logging.h"
#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/compare_panel/compare_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/viewer/slice_viewer.h"
#include "vitask/ui/mode_bar.h"
#include "vitask/ui/research_pages.h"
#include "vitask/ui/runs_panel/runs_panel.h"
#include "vitask/ui/tuning_wizard/tuning_wizard.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using vitask::ui::MainWindow;
using vitask::ui::TuningWizard;

class TestResearchPages : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString npz_;
    QString finalModel_, tsm_;  // the run the first test trains

    QString path(const QString& name) const { return dir_.filePath(name); }

    // Runs `vitask ARGUMENTS` to its end; false (with its error output) when it fails.
    static bool runCli(const QStringList& arguments) {
        QProcess cli;
        cli.start(qEnvironmentVariable("VITASK_CLI"), QStringList{QStringLiteral("--no-log-file")} + arguments);
        if (cli.waitForFinished(600000) && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0) return true;
        qWarning("vitask %s failed: %s", qPrintable(arguments.join(u' ')), cli.readAllStandardError().constData());
        return false;
    }

    // A finished run's final model and its TSM: the wizard's run when
    // aWizardRunIsFollowedAcrossAStudioRestart ran before, else a run of the same kind (a
    // tiny scratch model with exemplar prompting, its built-in TSM trained first) made here
    // with `vitask tsm train` and `vitask train`, so a test function that needs one does not
    // depend on which ran before it.
    bool haveTrainedRun() {
        if (!finalModel_.isEmpty()) return true;
        const QString tsmFolder = path(QStringLiteral("cli-tsm"));
        if (!runCli({QStringLiteral("tsm"), QStringLiteral("train"), QStringLiteral("--data"), npz_, QStringLiteral("--out"),
                     tsmFolder, QStringLiteral("--name"), QStringLiteral("cli-tsm"), QStringLiteral("--depth"),
                     QStringLiteral("10"), QStringLiteral("--width"), QStringLiteral("8"), QStringLiteral("--epochs"),
                     QStringLiteral("1"), QStringLiteral("--device"), QStringLiteral("cpu")}))
            return false;
        const QString manifest = tsmFolder + QStringLiteral("/cli-tsm.tsm.json");
        const QString config = path(QStringLiteral("cli-run.yaml"));
        QFile yaml(config);
        if (!yaml.open(QIODevice::WriteOnly)) return false;
        yaml.write(QStringLiteral(
                       "preset: custom\nseed: 5\nthreads: 1\n"
                       "model:\n  scratch: {tokenizer: %1/resources/tokenizers/vitask-scratch, image_size: 28, patch_size: 7,"
                       " vision_width: 32, vision_layers: 1, text_width: 32, text_layers: 1, heads: 2}\n"
                       "tsm: %2\ndata: [%3]\ntraining: {batch_size: 8}\n"
                       "stages:\n"
                       "  - {name: warmup, epochs: 1, lr: 3.0e-3, losses: {van: 1}, trainable: [vision, projector, language]}\n"
                       "  - {name: stage1, epochs: 1, lr: 1.0e-3, losses: {van: 1, ep: 1, rda: 0.5}, trainable: [language, connector]}\n")
                       .arg(qEnvironmentVariable("VITASK_SOURCE_DIR"), manifest, npz_)
                       .toUtf8());
        yaml.close();
        const QString run = path(QStringLiteral("runs/from-the-cli"));
        if (!runCli({QStringLiteral("train"), config, QStringLiteral("--out"), run})) return false;
        finalModel_ = run + QStringLiteral("/final");
        tsm_ = manifest;
        return true;
    }

    template <typename T>
    static T* child(const QObject* parent, const char* name) {
        auto* found = parent->findChild<T*>(QLatin1String(name));
        if (!found) qWarning("no child %s", name);
        return found;
    }

    // The wizard of the Research menu, filled for a tiny scratch model whose TSM it trains
    // first, stages long enough (1440 steps, 10 s or more) to close the studio in the middle.
    static bool fillWizard(TuningWizard& wizard, const QString& npz, const QString& run) {
        QSignalSpy previewed(&wizard, &TuningWizard::datasetPreviewed);
        wizard.addDataset(npz);
        if (!previewed.wait(120000)) return false;
        wizard.next();
        for (const auto& [name, value] : {std::pair{"visionWidth", "32"}, std::pair{"visionLayers", "1"},
                                          std::pair{"textWidth", "32"}, std::pair{"textLayers", "1"},
                                          std::pair{"heads", "2"}})
            child<QLineEdit>(&wizard, name)->setText(QLatin1String(value));
        child<QSpinBox>(&wizard, "tsmDepth")->setValue(10);
        child<QSpinBox>(&wizard, "tsmWidth")->setValue(8);
        child<QSpinBox>(&wizard, "tsmEpochs")->setValue(1);
        wizard.next();
        auto* stages = child<QTableWidget>(&wizard, "stagesTable");
        for (int row = 0; row < stages->rowCount(); ++row) stages->item(row, 1)->setText(QStringLiteral("40"));
        wizard.next();
        for (const auto& [key, value] : {std::pair{"training.batch_size", "8"}, std::pair{"training.log_every", "1"},
                                         std::pair{"threads", "1"}})
            wizard.hyperparametersPage()->field(QLatin1String(key))->setText(QLatin1String(value));
        wizard.next();
        wizard.setRunFolder(run);
        if (wizard.currentId() != TuningWizard::ReviewPageId || !wizard.problem().isEmpty()) {
            qWarning("the wizard stopped on page %d: %s", wizard.currentId(), qPrintable(wizard.problem()));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("VITASK_CONFIG_DIR", path(QStringLiteral("config")).toUtf8());
        qputenv("VITASK_DATA_DIR", path(QStringLiteral("data")).toUtf8());
        vitask::LogOptions log;
        log.toConsole = false;
        log.toFile = false;
        vitask::initLogging(log);
        QProcess synth;
        synth.start(qEnvironmentVariable("VITASK_CLI"),
                    {QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"), path(QStringLiteral("synth")),
                     QStringLiteral("--train"), QStringLiteral("96"), QStringLiteral("--val"), QStringLiteral("16"),
                     QStringLiteral("--test"), QStringLiteral("16"), QStringLiteral("--modality"),
                     QStringLiteral("chest_xray")});
        QVERIFY(synth.waitForFinished(120000));
        QVERIFY2(synth.exitCode() == 0, synth.readAllStandardError().constData());
        npz_ = path(QStringLiteral("synth/synth_chest_xray.npz"));
    }

    void aWizardRunIsFollowedAcrossAStudioRestart() {
        const QString run = path(QStringLiteral("runs/from-the-wizard"));
        qint64 pid = 0;
        int seenBefore = 0;
        {
            MainWindow window(QString{});
            window.show();
            auto* runs = window.research()->runs();
            runs->setPollInterval(100);
            window.research()->newTuningRun();
            auto* wizard = window.findChild<TuningWizard*>();
            QVERIFY(wizard);
            QVERIFY(wizard->isModal() || wizard->windowModality() == Qt::WindowModal);
            QVERIFY(fillWizard(*wizard, npz_, run));
            QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

            // The Runs page shows, with the run starting (its TSM trains first), then training.
            QCOMPARE(window.modeBar()->current(), QStringLiteral("runs"));
            QVERIFY(runs->isVisible());
            QVERIFY(runs->runFolders().contains(run));
            QTRY_COMPARE_WITH_TIMEOUT(runs->runState(run), QStringLiteral("running"), 180000);
            QTRY_VERIFY_WITH_TIMEOUT(runs->trainRecords(run) >= 10, 120000);
            const auto summary = runs->summary(run);
            QVERIFY(summary->totalSteps > summary->step);
            QVERIFY(summary->stepsPerSecond > 0);
            pid = summary->pid;
            seenBefore = runs->trainRecords(run);
            window.close();
        }
        // The studio is gone; its run is not.
        QVERIFY(::kill(static_cast<pid_t>(pid), 0) == 0);

        MainWindow reopened(QString{});
        reopened.show();
        auto* runs = reopened.research()->runs();
        runs->setPollInterval(100);
        QVERIFY(reopened.showPanel(QStringLiteral("runs")));
        QVERIFY(runs->runFolders().contains(run));
        QTRY_COMPARE_WITH_TIMEOUT(runs->runState(run), QStringLiteral("running"), 10000);  // reattached
        QCOMPARE(runs->summary(run)->pid, pid);                                             // to the same trainer
        QTRY_VERIFY_WITH_TIMEOUT(runs->trainRecords(run) > seenBefore, 60000);              // and follows its steps
        QTRY_COMPARE_WITH_TIMEOUT(runs->runState(run), QStringLiteral("finished"), 300000);

        // Its final metrics: the test split with and without the exemplar, in the run's summary
        // and in the list's columns.
        QTRY_VERIFY_WITH_TIMEOUT(runs->summary(run)->finalMetrics.count("test_macro_f1") == 1, 30000);
        const auto metrics = runs->summary(run)->finalMetrics;
        QVERIFY(metrics.count("test_ep_macro_f1") == 1);
        const double f1 = metrics.at("test_macro_f1");
        QVERIFY(f1 >= 0.0 && f1 <= 1.0);
        auto* table = reopened.findChild<QTableView*>(QStringLiteral("runsTable"));
        QVERIFY(table);
        QStringList header, row;
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            header << table->model()->headerData(column, Qt::Horizontal).toString();
            row << table->model()->index(0, column).data().toString();
        }
        QCOMPARE(row.at(header.indexOf(QStringLiteral("Test macro-F1"))), QString::number(f1, 'f', 4));
        QCOMPARE(row.at(header.indexOf(QStringLiteral("Test macro-F1 + EP"))),
                 QString::number(metrics.at("test_ep_macro_f1"), 'f', 4));
        finalModel_ = QString::fromStdString(runs->summary(run)->finalFolder.string());
        tsm_ = QString::fromStdString(runs->summary(run)->tsm.string());
    }

    // The finished run's model (the wizard's, else one trained here) against its TSM on the
    // Compare page; a row's Open in Viewer shows that image in the main viewer with the
    // TSM's heatmap and sets the AI panel's question to the dataset's task, which then
    // answers about it.
    void aCompareRowOpensInTheViewer() {
        QVERIFY2(haveTrainedRun(), "no finished run to compare: neither the wizard's nor one trained with the CLI");
        MainWindow window(QString{});
        window.show();
        auto* ai = window.aiPanel();
        QSignalSpy model(ai, &vitask::ui::AiPanel::modelReady);
        QSignalSpy tsm(ai, &vitask::ui::AiPanel::tsmReady);
        ai->loadModel(finalModel_);
        ai->loadTsm(tsm_);
        QVERIFY(model.count() > 0 || model.wait(60000));
        QVERIFY(tsm.count() > 0 || tsm.wait(60000));
        QVERIFY(window.showPanel(QStringLiteral("compare")));
        auto* compare = window.research()->compare();
        compare->setDataset(npz_);
        compare->setSplit(QStringLiteral("test"));
        compare->setMaxSamples(4);
        QSignalSpy finished(compare, &vitask::ui::ComparePanel::evaluationFinished);
        compare->run();
        QVERIFY(finished.wait(120000));
        QSignalSpy ready(compare, &vitask::ui::ComparePanel::sampleReady);
        compare->activateRow(2);
        QVERIFY(ready.wait(30000));
        const auto sample = *compare->sample();

        auto* open = compare->findChild<QPushButton*>(QStringLiteral("openSampleButton"));
        QVERIFY(open && open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(window.modeBar()->current(), QStringLiteral("viewer"));
        auto* viewer = window.viewer();
        QVERIFY(viewer->isVisible() && viewer->hasImage());
        QCOMPARE(viewer->volume()->dims[0], std::size_t(sample.image.width));
        QCOMPARE(viewer->volume()->dims[1], std::size_t(sample.image.height));
        QVERIFY(sample.saliency);
        QVERIFY(viewer->hasHeatmap() && viewer->heatmapVisible());
        QVERIFY(ai->findChild<QPlainTextEdit*>(QStringLiteral("questionEdit"))->toPlainText().startsWith(QStringLiteral("Analyze the given chest X-ray image")));

        // Asked now, the model answers about the sample shown, with a label of its task.
        QSignalSpy answered(ai, &vitask::ui::AiPanel::answerFinished);
        ai->ask();
        QVERIFY(answered.wait(60000));
        const QStringList labels{QStringLiteral("normal"), QStringLiteral("nodule"), QStringLiteral("pleural effusion"),
                                 QStringLiteral("cardiomegaly")};
        QVERIFY2(labels.contains(QString::fromStdString(ai->lastResult()->vlmLabel)), ai->lastResult()->vlmLabel.c_str());
    }
};

QTEST_MAIN(TestResearchPages)
#include "test_research_pages.moc"
