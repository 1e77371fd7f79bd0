// The Compare and Robustness panels driven as a user drives them, offscreen, on the
// fixture VITask model (EP connector of width 512), a second one without a connector, the
// ONNX TSM fixture and a small dataset: the figures shown are those `vitask eval` and
// `vitask tsm eval` print (run as child processes), the disagreement filter keeps exactly
// the rows whose labels differ, the CSV export reads back as the table, a row shows its
// sample with the TSM's saliency, and the robustness grid has a row per instruction whose
// values are `vitask eval --variant X`'s. Both panels, left with results, switch their
// language at run time to what panels built in that language show.
#include "confusion_matrix_view.h"
#include "metrics_table.h"
#include "service_test_files.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/compare_panel/compare_panel.h"
#include "vitask/ui/compare_panel/robustness_panel.h"
#include "vitask/ui/test_support/shown_texts.h"
#include "vitask/ui/viewer/slice_viewer.h"
#include "vitask/vitask/npz_writer.h"
#include "vitask/ui/test_support/screenshot_main.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

using namespace vitask;
using namespace vitask::ui;
namespace fixture = vitask::service::test;
namespace fs = std::filesystem;

namespace {

constexpr int kSamples = 12;

// A dataset outside the MedMNIST catalog whose sidecar names the TSM's 7 labels (the only
// words the fixture model's tokenizer spells out) and the dermatoscope modality.
fs::path writeDataset(const fs::path& folder, int testSamples) {
    recipe::NpzWriter npz;
    for (const auto& [split, count] : {std::pair<std::string, int>{"train", 7}, {"val", 7}, {"test", testSamples}}) {
        std::vector<uint8_t> pixels, labels;
        for (int i = 0; i < count; ++i) {
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x)
                    for (int c = 0; c < 3; ++c) pixels.push_back(fixture::dermaMnistPixel(i * 3 + 1, y, x, c));
            labels.push_back(static_cast<uint8_t>(i % 7));
        }
        npz.addUint8(split + "_images", {count, 28, 28, 3}, std::move(pixels));
        npz.addUint8(split + "_labels", {count, 1}, std::move(labels));
    }
    fs::create_directories(folder);
    npz.write(folder / "derm7.npz");
    std::ofstream(folder / "derm7.json")
        << nlohmann::json{{"name", "derm7"}, {"modality", "dermatoscope"}, {"labels", fixture::tsmLabels()}}.dump();
    return folder / "derm7.npz";
}

nlohmann::json runCli(const QStringList& arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("VITASK_CLI"), QStringList{QStringLiteral("--no-log-file")} + arguments);
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        qWarning("vitask %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAllStandardError().constData());
        return {};
    }
    return nlohmann::json::parse(process.readAllStandardOutput().toStdString());
}

nlohmann::json readJson(const fs::path& file) {
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

// RFC 4180 records (quoted fields with "" for a quote, CRLF line ends).
std::vector<QStringList> parseCsv(const QByteArray& bytes) {
    const QString text = QString::fromUtf8(bytes);
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) field += text[++i];
            else if (c == QLatin1Char('"')) quoted = false;
            else field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            record << field;
            records.push_back(record);
            record.clear();
            field.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    return records;
}

double probabilityField(const QString& field) { return field.isEmpty() ? std::nan("") : field.toDouble(); }

bool sameProbability(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace

class TestComparePanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path root_, model_, modelWithoutEp_, manifest_, dataset_, bigDataset_;
    std::unique_ptr<EngineBridge> engine_;
    std::unique_ptr<ComparePanel> panel_;

    QString path(const fs::path& p) const { return QString::fromStdString(p.string()); }

    // The panel after a run of the fixture dataset with EP and the TSM.
    void runPanel() {
        panel_->setDataset(path(dataset_));
        QSignalSpy finished(panel_.get(), &ComparePanel::evaluationFinished);
        QTest::mouseClick(panel_->findChild<QPushButton*>(QStringLiteral("runButton")), Qt::LeftButton);
        QVERIFY(panel_->running());
        QVERIFY(finished.wait(120000));
        QVERIFY(!panel_->running());
        QVERIFY(panel_->result() && !panel_->result()->cancelled);
    }

    // Shows the table's row `row` with its sample, as a user leaves the panel after a run.
    static void showRow(ComparePanel& panel, int row) {
        QSignalSpy ready(&panel, &ComparePanel::sampleReady);
        panel.activateRow(row);
        QVERIFY(ready.wait(30000));
    }

    // A panel built now (in the language of the moment) showing `result` and its row 3.
    std::unique_ptr<ComparePanel> comparePanelShowing(const service::DatasetEvaluation& result) {
        auto panel = std::make_unique<ComparePanel>(engine_.get());
        panel->setDataset(path(dataset_));
        panel->showResult(result);
        showRow(*panel, 3);
        return panel;
    }

    // A Robustness panel built now, after a run of the loaded model with two variants and
    // an instruction of one's own.
    std::unique_ptr<RobustnessPanel> evaluatedRobustnessPanel() {
        auto panel = std::make_unique<RobustnessPanel>(engine_.get());
        panel->setDataset(path(dataset_));
        panel->setMaxSamples(4);
        panel->setVariants({"complete", "paraphrase"});
        panel->setCustomInstruction(QStringLiteral("Which lesion is this?"));
        QSignalSpy finished(panel.get(), &RobustnessPanel::runFinished);
        panel->run();
        if (!finished.wait(120000)) qWarning("the robustness run did not finish");
        return panel;
    }

    // `panel` in English, then switched to each language: it shows what one built in that
    // language (by `build`, in the same state) shows, and after English what it showed.
    template <class Panel, class Build>
    static void checkLanguageSwitches(Panel& panel, Build build) {
        using vitask::ui::test::shownTexts;
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shownTexts(panel); }, [&] {
            const auto fresh = build();
            return fresh ? shownTexts(*fresh) : QStringList{};
        }));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("VITASK_CONFIG_DIR", dir_.filePath(QStringLiteral("config")).toUtf8());
        root_ = dir_.path().toStdString();
        model_ = fixture::writeVitaskModel(root_ / "vitask-512", 512);
        modelWithoutEp_ = fixture::writeVitaskModel(root_ / "vitask-no-ep", 0);
        manifest_ = fixture::writeTsmManifest(root_ / "tsm");
        dataset_ = writeDataset(root_ / "data", kSamples);
        bigDataset_ = writeDataset(root_ / "big", 80);
        engine_ = std::make_unique<EngineBridge>(service::EngineSettings{service::DeviceChoice::Cpu, 2, {root_ / "tsm"}});
        QSignalSpy model(engine_.get(), &EngineBridge::modelLoaded);
        QSignalSpy tsm(engine_.get(), &EngineBridge::tsmLoaded);
        engine_->loadModel(path(model_));
        engine_->loadTsm(path(manifest_));
        QVERIFY(model.wait(60000));
        QVERIFY(tsm.count() == 1 || tsm.wait(60000));
    }

    void init() {
        panel_ = std::make_unique<ComparePanel>(engine_.get());
        panel_->resize(1400, 900);
        panel_->show();
        // Its shortcuts work only in the active window.
        panel_->activateWindow();
        QApplication::setActiveWindow(panel_.get());
        QVERIFY(QTest::qWaitForWindowActive(panel_.get()));
    }

    void cleanup() { panel_.reset(); }

    void cleanupTestCase() { engine_.reset(); }

    // Every figure the panel shows is the CLI's: VLM and VLM + EP from `vitask eval`, the
    // TSM from `vitask tsm eval`; the confusion matrices cell by cell.
    void figuresEqualVitaskEval() {
        runPanel();
        QCOMPARE(panel_->findChild<QTableView*>(QStringLiteral("sampleTable"))->model()->rowCount(), kSamples);
        const auto out = root_ / "cli";
        const QStringList eval{QStringLiteral("eval"), QStringLiteral("--model"), path(model_), QStringLiteral("--data"),
                               path(dataset_), QStringLiteral("--out"), path(out), QStringLiteral("--json")};
        const auto plain = runCli(eval);
        const auto ep = runCli(eval + QStringList{QStringLiteral("--exemplar"), QStringLiteral("--tsm"), path(manifest_)});
        const auto tsm = runCli({QStringLiteral("tsm"), QStringLiteral("eval"), QStringLiteral("--tsm"), path(manifest_),
                                 QStringLiteral("--data"), path(dataset_), QStringLiteral("--json")});
        QVERIFY(!plain.empty() && !ep.empty() && !tsm.empty());

        const auto* metrics = panel_->findChild<MetricsTable*>(QStringLiteral("metricsTable"));
        const struct {
            MetricsTable::System system;
            nlohmann::json figures;
            const char* confusion;
        } systems[] = {
            {MetricsTable::Vlm, readJson(out / "test_score_complete.json")["tasks"][0]["metrics"], "confusionVlm"},
            {MetricsTable::VlmWithExemplar, readJson(out / "test_score_ep_complete.json")["tasks"][0]["metrics"],
             "confusionVlmEp"},
            {MetricsTable::Tsm, tsm, "confusionTsm"},
        };
        QCOMPARE(*metrics->value(MetricsTable::Vlm, MetricsTable::MacroF1), plain[0]["mean_macro_f1"].get<double>());
        QCOMPARE(*metrics->value(MetricsTable::Vlm, MetricsTable::Accuracy), plain[0]["mean_accuracy"].get<double>());
        QCOMPARE(*metrics->value(MetricsTable::VlmWithExemplar, MetricsTable::MacroF1), ep[0]["mean_macro_f1"].get<double>());
        for (const auto& s : systems) {
            const auto& f = s.figures;
            QCOMPARE(*metrics->value(s.system, MetricsTable::Accuracy), f["accuracy"].get<double>());
            QCOMPARE(*metrics->value(s.system, MetricsTable::MacroF1), f["macro_f1"].get<double>());
            QCOMPARE(*metrics->value(s.system, MetricsTable::MacroAuc), f["macro_auc"].get<double>());
            QCOMPARE(*metrics->value(s.system, MetricsTable::Samples), double{kSamples});
            QCOMPARE(metrics->item(s.system, MetricsTable::MacroF1)->text(),
                     QString::number(f["macro_f1"].get<double>(), 'f', 4));
            const auto* view = panel_->findChild<ConfusionMatrixView*>(QLatin1String(s.confusion));
            const auto confusion = f["confusion"].get<std::vector<std::vector<int64_t>>>();
            for (size_t t = 0; t < confusion.size(); ++t)
                for (size_t p = 0; p < confusion.size(); ++p)
                    QCOMPARE(view->count(int(t), int(p)), qint64(confusion[t][p]));
        }
    }

    // The filter keeps exactly the rows whose VLM, VLM + EP and TSM labels are not all
    // the same; the counts line says how many.
    void disagreementFilterShowsExactlyTheDifferingRows() {
        runPanel();
        const auto& rows = panel_->result()->instructions.front().rows;
        std::set<int64_t> differing;
        for (const auto& row : rows)
            if (row.vlm.label != row.vlmWithExemplar->label || row.vlm.label != row.tsm->label) differing.insert(row.index);
        QVERIFY2(!differing.empty(), "the fixture should disagree somewhere");

        QTest::keyClick(panel_->findChild<QTableView*>(QStringLiteral("sampleTable")), Qt::Key_D, Qt::ControlModifier);
        QVERIFY(panel_->onlyDisagreements());
        QVERIFY(panel_->findChild<QCheckBox*>(QStringLiteral("onlyDisagreements"))->isChecked());
        std::set<int64_t> shown;
        for (const auto* row : panel_->shownRows()) shown.insert(row->index);
        QCOMPARE(shown, differing);
        QCOMPARE(panel_->findChild<QTableView*>(QStringLiteral("sampleTable"))->model()->rowCount(), int(differing.size()));
        QVERIFY(panel_->findChild<QLabel*>(QStringLiteral("sampleCounts"))
                    ->text()
                    .contains(QStringLiteral("%1 with disagreement").arg(differing.size())));
        panel_->setOnlyDisagreements(false);
        QCOMPARE(panel_->shownRows().size(), size_t{kSamples});
    }

    // The CSV holds the rows shown, in the table's order (here sorted by the TSM's label,
    // descending), every field as the table's row has it; probabilities to the last bit.
    void csvExportRoundTrips() {
        runPanel();
        auto* table = panel_->findChild<QTableView*>(QStringLiteral("sampleTable"));
        table->sortByColumn(4, Qt::DescendingOrder);
        const auto shown = panel_->shownRows();
        const QString file = dir_.filePath(QStringLiteral("export/table.csv"));
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QString error;
        QVERIFY2(panel_->exportCsv(file, &error), qPrintable(error));
        QCOMPARE(QDir(QFileInfo(file).absolutePath()).entryList(QDir::Files), QStringList{QStringLiteral("table.csv")});
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const auto records = parseCsv(in.readAll());
        QCOMPARE(records.size(), shown.size() + 1);
        QCOMPARE(records[0].join(QLatin1Char(',')),
                 QStringLiteral("index,truth,vlm,vlm_probability,vlm_answer,vlm_ep,vlm_ep_probability,vlm_ep_answer,tsm,"
                                "tsm_probability,agreement"));
        for (size_t i = 0; i < shown.size(); ++i) {
            const auto& r = records[i + 1];
            const auto& row = *shown[i];
            QCOMPARE(r.size(), 11);
            QCOMPARE(r[0].toLongLong(), qlonglong(row.index));
            QCOMPARE(r[1].toStdString(), row.truth);
            QCOMPARE(r[2].toStdString(), row.vlm.label);
            QVERIFY(sameProbability(probabilityField(r[3]), row.vlm.probability));
            QCOMPARE(r[4].toStdString(), row.vlm.answer);
            QCOMPARE(r[5].toStdString(), row.vlmWithExemplar->label);
            QVERIFY(sameProbability(probabilityField(r[6]), row.vlmWithExemplar->probability));
            QCOMPARE(r[8].toStdString(), row.tsm->label);
            QVERIFY(sameProbability(probabilityField(r[9]), row.tsm->probability));
            QCOMPARE(r[10].toStdString(), std::string(service::agreementName(row.agreement)));
        }
        for (size_t i = 1; i < shown.size(); ++i) QVERIFY(shown[i - 1]->tsm->label >= shown[i]->tsm->label);
    }

    // A click on a row names the sample for the main window and shows it with the TSM's
    // saliency in the panel's viewer.
    void rowShowsSampleWithSaliency() {
        runPanel();
        QSignalSpy activated(panel_.get(), &ComparePanel::sampleActivated);
        QSignalSpy ready(panel_.get(), &ComparePanel::sampleReady);
        auto* table = panel_->findChild<QTableView*>(QStringLiteral("sampleTable"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(3, 1)).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated[0][0].toString(), path(dataset_));
        QCOMPARE(activated[0][1].toString(), QStringLiteral("test"));
        QCOMPARE(activated[0][2].toLongLong(), qint64(3));
        QVERIFY(ready.wait(30000));
        const auto& sample = *panel_->sample();
        QCOMPARE(sample.index, int64_t{3});
        QCOMPARE(sample.task.labels, fixture::tsmLabels());
        QCOMPARE(sample.tsm->probabilities[sample.tsm->top].label, panel_->shownRows()[3]->tsm->label);
        const auto* viewer = panel_->findChild<SliceViewer*>(QStringLiteral("sampleViewer"));
        QVERIFY(viewer->hasImage() && viewer->hasHeatmap() && viewer->heatmapShown());
        QCOMPARE(viewer->volume()->dims[0], std::size_t{28});
    }

    // Cancel stops the run early: no figures, the rows so far, and the status says so.
    void cancelStopsEarly() {
        panel_->setDataset(path(bigDataset_));
        QSignalSpy finished(panel_.get(), &ComparePanel::evaluationFinished);
        connect(engine_.get(), &EngineBridge::evaluationProgress, panel_.get(),
                [this](int, const service::DatasetEvaluationProgress& p) {
                    if (p.done == 2) QTest::keyClick(QApplication::focusWidget(), Qt::Key_Period, Qt::ControlModifier);
                });
        auto* table = panel_->findChild<QTableView*>(QStringLiteral("sampleTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(panel_->running());
        QVERIFY(finished.wait(120000));
        QVERIFY(panel_->result()->cancelled);
        QVERIFY(panel_->result()->instructions.front().rows.size() < 80);
        QVERIFY(!panel_->findChild<MetricsTable*>(QStringLiteral("metricsTable"))->value(MetricsTable::Vlm,
                                                                                          MetricsTable::MacroF1));
        QVERIFY(panel_->findChild<QLabel*>(QStringLiteral("runStatus"))->text().startsWith(QStringLiteral("Cancelled")));
    }

    // Two models, every variant and a free-text instruction: a row per instruction, and
    // the values for "paraphrase" are `vitask eval --variant paraphrase`'s (with and
    // without --exemplar); the model without a connector has no EP column values; the
    // model loaded before the run is loaded again after it.
    void robustnessGridEqualsVitaskEvalVariant() {
        panel_.reset();
        RobustnessPanel robustness(engine_.get());
        robustness.resize(1300, 900);
        robustness.show();
        QCOMPARE(robustness.models(), QStringList{path(model_)});  // the model loaded
        robustness.setModels({path(model_), path(modelWithoutEp_)});
        robustness.setDataset(path(dataset_));
        robustness.setCustomInstruction(QStringLiteral("Which lesion is this?"));
        QSignalSpy finished(&robustness, &RobustnessPanel::runFinished);
        QTest::mouseClick(robustness.findChild<QPushButton*>(QStringLiteral("runButton")), Qt::LeftButton);
        QVERIFY(robustness.running());
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished[0][0].toBool(), false);

        const auto& variants = service::instructionVariantNames();
        auto* grid = robustness.findChild<QTableWidget*>(QStringLiteral("robustnessTable"));
        QCOMPARE(grid->rowCount(), int(variants.size()) + 1);
        QCOMPARE(grid->columnCount(), 2 * 3);
        QCOMPARE(robustness.instructions().back().variant, std::string(service::kCustomInstruction));
        const int paraphrase = int(std::find(variants.begin(), variants.end(), "paraphrase") - variants.begin());
        const QStringList eval{QStringLiteral("eval"),   QStringLiteral("--model"),   path(model_),
                               QStringLiteral("--data"), path(dataset_),              QStringLiteral("--variant"),
                               QStringLiteral("paraphrase"), QStringLiteral("--json")};
        const auto plain = runCli(eval);
        const auto ep = runCli(eval + QStringList{QStringLiteral("--exemplar"), QStringLiteral("--tsm"), path(manifest_)});
        const auto tsm = runCli({QStringLiteral("tsm"), QStringLiteral("eval"), QStringLiteral("--tsm"), path(manifest_),
                                 QStringLiteral("--data"), path(dataset_), QStringLiteral("--json")});
        QCOMPARE(*robustness.macroF1(paraphrase, 0, RobustnessPanel::Vlm), plain[0]["mean_macro_f1"].get<double>());
        QCOMPARE(*robustness.macroF1(paraphrase, 0, RobustnessPanel::VlmWithExemplar), ep[0]["mean_macro_f1"].get<double>());
        QCOMPARE(*robustness.macroF1(paraphrase, 0, RobustnessPanel::Tsm), tsm["macro_f1"].get<double>());
        QCOMPARE(grid->item(paraphrase, 1)->text(), QString::number(ep[0]["mean_macro_f1"].get<double>(), 'f', 4));
        for (int r = 0; r < grid->rowCount(); ++r) {
            QVERIFY(robustness.macroF1(r, 0, RobustnessPanel::Vlm));
            QVERIFY(robustness.macroF1(r, 1, RobustnessPanel::Vlm));
            QVERIFY(!robustness.macroF1(r, 1, RobustnessPanel::VlmWithExemplar));
        }
        QVERIFY(robustness.results()[1]->exemplarSkipped.find("no exemplar connector") != std::string::npos);
        QVERIFY(QTest::qWaitFor([&] { return engine_->model() && engine_->model()->folder == model_; }, 60000));
    }

    // The panel after a run, a row's sample shown, switched to German, Chinese and back:
    // its texts are those of a panel built in that language showing the same evaluation.
    void switchesLanguageWithoutRestart() {
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        runPanel();
        showRow(*panel_, 3);
        const auto result = *panel_->result();
        checkLanguageSwitches(*panel_, [&] { return comparePanelShowing(result); });
    }

    // The Robustness panel after a run (grid, chart, status) likewise, against a panel
    // built and run in that language.
    void robustnessSwitchesLanguageWithoutRestart() {
        panel_.reset();
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        const auto robustness = evaluatedRobustnessPanel();
        QCOMPARE(robustness->results().size(), size_t{1});
        QVERIFY(robustness->macroF1(1, 0, RobustnessPanel::Vlm));
        checkLanguageSwitches(*robustness, [this] { return evaluatedRobustnessPanel(); });
    }

    // docs/images/studio-compare.png and studio-robustness.png, when VITASK_SCREENSHOT_DIR
    // names a folder: the panels grabbed with real results of the models in
    // VITASK_SCREENSHOT_MODELS (';' between folders; the first one for Compare), the TSM
    // VITASK_SCREENSHOT_TSM and the dataset VITASK_SCREENSHOT_DATA (docs/studio.md says
    // which were used); without them, of the fixtures. Real models take longer than Qt
    // Test's 5 minutes per function: set QTEST_FUNCTION_TIMEOUT (ms) too.
    void screenshotCompare() {
        const auto shots = screenshotInputs();
        QVERIFY2(!shots.folder.isEmpty(), "set VITASK_SCREENSHOT_DIR");
        loadForScreenshots(shots);
        panel_.reset();
        ComparePanel compare(engine_.get());
        compare.resize(1500, 1000);
        compare.show();
        compare.setDataset(shots.data);
        QSignalSpy finished(&compare, &ComparePanel::evaluationFinished);
        compare.run();
        QVERIFY(finished.wait(1800000));
        QSignalSpy ready(&compare, &ComparePanel::sampleReady);
        // A sample the systems disagree on, the case a reader would look at.
        compare.setOnlyDisagreements(true);
        compare.activateRow(std::min<int>(2, int(compare.shownRows().size()) - 1));
        QVERIFY(ready.wait(60000));
        compare.setOnlyDisagreements(false);
        QTest::qWait(200);
        QVERIFY(compare.grab().save(shots.folder + QStringLiteral("/studio-compare.png")));
    }

    void screenshotRobustness() {
        const auto shots = screenshotInputs();
        QVERIFY2(!shots.folder.isEmpty(), "set VITASK_SCREENSHOT_DIR");
        loadForScreenshots(shots);
        panel_.reset();
        RobustnessPanel robustness(engine_.get());
        robustness.resize(1500, 1000);
        robustness.show();
        robustness.setModels(shots.models);
        robustness.setDataset(shots.data);
        robustness.setCustomInstruction(QStringLiteral("Which finding does this image show?"));
        QSignalSpy done(&robustness, &RobustnessPanel::runFinished);
        robustness.run();
        QVERIFY(done.wait(3600000));
        QTest::qWait(200);
        QVERIFY(robustness.grab().save(shots.folder + QStringLiteral("/studio-robustness.png")));
    }

private:
    struct ScreenshotInputs {
        QString folder, tsm, data;
        QStringList models;
    };

    ScreenshotInputs screenshotInputs() const {
        ScreenshotInputs in{qEnvironmentVariable("VITASK_SCREENSHOT_DIR"),
                            qEnvironmentVariable("VITASK_SCREENSHOT_TSM", path(manifest_)),
                            qEnvironmentVariable("VITASK_SCREENSHOT_DATA", path(bigDataset_)),
                            qEnvironmentVariable("VITASK_SCREENSHOT_MODELS").split(QLatin1Char(';'), Qt::SkipEmptyParts)};
        if (in.models.isEmpty()) in.models = {path(model_), path(modelWithoutEp_)};
        return in;
    }

    void loadForScreenshots(const ScreenshotInputs& shots) {
        QSignalSpy loaded(engine_.get(), &EngineBridge::modelLoaded);
        QSignalSpy tsmLoaded(engine_.get(), &EngineBridge::tsmLoaded);
        engine_->loadModel(shots.models.front());
        engine_->loadTsm(shots.tsm);
        QVERIFY(loaded.wait(120000));
        QVERIFY(tsmLoaded.count() == 1 || tsmLoaded.wait(60000));
    }
};

VITASK_QTEST_MAIN_WITH_SCREENSHOTS(TestComparePanel, "VITASK_SCREENSHOT_DIR")
#include "test_compare_panel.moc"
