// The tuning wizard filled as a user fills it (widgets set, Next pressed), offscreen, on
// real data and real processes: `vitask data synth` run by the wizard, its class counts
// compared with `vitask data inspect --json`, a corrupt .npz's error, the presets of
// docs/training.md, the parser's messages beside mistyped fields, and the YAML Launch
// writes trained for real: `vitask tsm train` then `vitask train`, to a finished run.
#include "base_model_page.h"
#include "dataset_page.h"
#include "hyperparameters_page.h"
#include "method_page.h"
#include "review_page.h"
#include "stages_table.h"
#include "wizard_paths.h"

#include "vitask/service/run_config.h"
#include "vitask/ui/test_support/screenshot_main.h"
#include "vitask/ui/tuning_wizard/tuning_wizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using vitask::ui::BaseModelPage;
using vitask::ui::TuningWizard;

namespace {

struct Child {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Child runCli(const QStringList& arguments, int timeoutMs = 300000) {
    QProcess process;
    process.start(qEnvironmentVariable("VITASK_CLI"), arguments);
    if (!process.waitForFinished(timeoutMs)) return {-1, {}, QStringLiteral("timed out: ") + arguments.join(u' ')};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

template <typename T>
T* child(const QObject* parent, const QString& name) {
    auto* found = parent->findChild<T*>(name);
    if (!found) qWarning("no child %s", qPrintable(name));
    return found;
}

bool nextEnabled(const TuningWizard& wizard) { return wizard.button(QWizard::NextButton)->isEnabled(); }

// The label that shows the parser's problem for a field (withProblem() puts it beside the field).
QLabel* problemBeside(QWidget* field) {
    for (auto* label : field->parentWidget()->findChildren<QLabel*>(QStringLiteral("problemLabel"), Qt::FindDirectChildrenOnly))
        return label;
    return nullptr;
}

QList<QJsonObject> records(const QString& run, const QString& type) {
    QFile file(run + QStringLiteral("/metrics.jsonl"));
    QList<QJsonObject> out;
    if (!file.open(QIODevice::ReadOnly)) return out;
    for (const auto& line : file.readAll().split('\n')) {
        const auto record = QJsonDocument::fromJson(line).object();
        if (record.value(QStringLiteral("type")).toString() == type) out << record;
    }
    return out;
}

}  // namespace

class TestTuningWizard : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString npz_;  // synth_chest_xray, 96/16/16 images

    // A dataset added and previewed: the page is ready.
    bool addDataset(TuningWizard& wizard, const QString& path) {
        QSignalSpy previewed(&wizard, &TuningWizard::datasetPreviewed);
        wizard.addDataset(path);
        return previewed.wait(120000);
    }

    // Dataset page filled with npz_, then Next to the page `id`.
    bool advanceTo(TuningWizard& wizard, int id) {
        wizard.show();
        if (!addDataset(wizard, npz_)) return false;
        while (wizard.currentId() < id) {
            if (!nextEnabled(wizard)) {
                qWarning("Next is disabled on page %d: %s", wizard.currentId(), qPrintable(wizard.problem()));
                return false;
            }
            wizard.next();
        }
        return wizard.currentId() == id;
    }

    // The TSM the wizard trains first for npz_ (`vitask tsm train` into the registry's user
    // folder): launchedConfigurationTrains leaves it there; when that has not run, the
    // wizard's own arguments for the same tiny TSM are run here. False when that fails.
    bool haveDatasetTsm() {
        TuningWizard wizard;
        if (!advanceTo(wizard, TuningWizard::BaseModelPageId)) return false;
        child<QSpinBox>(&wizard, QStringLiteral("tsmDepth"))->setValue(10);
        child<QSpinBox>(&wizard, QStringLiteral("tsmWidth"))->setValue(8);
        child<QSpinBox>(&wizard, QStringLiteral("tsmEpochs"))->setValue(1);
        const QStringList arguments = wizard.tsmTrainArguments();
        if (arguments.isEmpty()) return true;  // the registry holds one for the dataset already
        const int out = int(arguments.indexOf(QStringLiteral("--out")));
        const int name = int(arguments.indexOf(QStringLiteral("--name")));
        if (out < 0 || name < 0) return false;
        if (QFile::exists(arguments[out + 1] + u'/' + arguments[name + 1] + QStringLiteral(".tsm.json"))) return true;
        const Child tsm = runCli(arguments);
        if (tsm.exitCode != 0) qWarning("vitask %s failed: %s", qPrintable(arguments.join(u' ')), qPrintable(tsm.err));
        return tsm.exitCode == 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The studio's settings, logs and TSM registry folder stay in the test's folder.
        qputenv("VITASK_DATA_DIR", dir_.filePath(QStringLiteral("data")).toUtf8());
        qputenv("VITASK_CONFIG_DIR", dir_.filePath(QStringLiteral("config")).toUtf8());
        const Child synth = runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"),
                                    dir_.filePath(QStringLiteral("synth")), QStringLiteral("--train"), QStringLiteral("96"),
                                    QStringLiteral("--val"), QStringLiteral("16"), QStringLiteral("--test"),
                                    QStringLiteral("16"), QStringLiteral("--modality"), QStringLiteral("chest_xray")});
        QVERIFY2(synth.exitCode == 0, qPrintable(synth.err));
        npz_ = dir_.filePath(QStringLiteral("synth/synth_chest_xray.npz"));
    }

    void synthesizedDatasetShowsInspectsCounts() {
        TuningWizard wizard;
        wizard.show();
        QVERIFY(!nextEnabled(wizard));  // no dataset yet
        child<QLineEdit>(&wizard, QStringLiteral("synthFolder"))->setText(dir_.filePath(QStringLiteral("generated")));
        auto* modality = child<QComboBox>(&wizard, QStringLiteral("synthModality"));
        modality->setCurrentIndex(modality->findData(QStringLiteral("synth_dermoscopy")));
        child<QSpinBox>(&wizard, QStringLiteral("synthTrain"))->setValue(60);
        child<QSpinBox>(&wizard, QStringLiteral("synthVal"))->setValue(12);
        child<QSpinBox>(&wizard, QStringLiteral("synthTest"))->setValue(20);
        QSignalSpy synthFinished(&wizard, &TuningWizard::synthFinished);
        QSignalSpy previewed(&wizard, &TuningWizard::datasetPreviewed);
        QTest::mouseClick(child<QAbstractButton>(&wizard, QStringLiteral("synthGenerate")), Qt::LeftButton);
        QVERIFY(synthFinished.wait(120000));
        QVERIFY2(synthFinished.front().at(0).toBool(), qPrintable(synthFinished.front().at(1).toString()));
        QVERIFY(previewed.count() > 0 || previewed.wait(120000));
        const QString npz = dir_.filePath(QStringLiteral("generated/synth_dermoscopy.npz"));
        QCOMPARE(wizard.datasetPage()->datasets(), QStringList{npz});
        QVERIFY(nextEnabled(wizard));

        const Child inspect = runCli({QStringLiteral("data"), QStringLiteral("inspect"), npz, QStringLiteral("--json")});
        QVERIFY2(inspect.exitCode == 0, qPrintable(inspect.err));
        const auto report = QJsonDocument::fromJson(inspect.out).object();
        const auto labels = report.value(QStringLiteral("labels")).toArray();
        const auto splits = report.value(QStringLiteral("splits")).toObject();
        auto* table = child<QTableWidget>(&wizard, QStringLiteral("classCounts"));
        QCOMPARE(table->rowCount(), labels.size());
        const QStringList splitNames{QStringLiteral("train"), QStringLiteral("val"), QStringLiteral("test")};
        for (int c = 0; c < labels.size(); ++c) {
            QCOMPARE(table->item(c, 0)->text(), labels[c].toString());
            for (int s = 0; s < 3; ++s) {
                const auto counts = splits.value(splitNames[s]).toObject().value(QStringLiteral("class_counts")).toArray();
                QCOMPARE(table->item(c, s + 1)->text().toLongLong(), counts[c].toInteger());
            }
            QVERIFY(!table->item(c, 4)->icon().isNull());  // the class's thumbnails
        }
        // The column headers carry the split sizes.
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("train (60)"));
    }

    void corruptNpzShowsTheLoadersErrorAndBlocksNext() {
        const QString npz = dir_.filePath(QStringLiteral("broken.npz"));
        QFile file(npz);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("PK\x03\x04 not really a zip archive");
        file.close();
        TuningWizard wizard;
        wizard.show();
        QVERIFY(addDataset(wizard, npz));
        auto* errors = child<QLabel>(&wizard, QStringLiteral("datasetErrors"));
        QVERIFY(errors->isVisibleTo(&wizard));
        const Child inspect = runCli({QStringLiteral("data"), QStringLiteral("inspect"), npz});
        QCOMPARE(inspect.exitCode, 1);
        QVERIFY2(inspect.err.contains(errors->text()), qPrintable(errors->text() + " / " + inspect.err));
        QVERIFY(errors->text().contains(npz));
        QVERIFY(!nextEnabled(wizard));

        // A good dataset beside it does not make the page complete; removing the bad one does.
        QVERIFY(addDataset(wizard, npz_));
        QVERIFY(!nextEnabled(wizard));
        child<QListWidget>(&wizard, QStringLiteral("datasetList"))->setCurrentRow(0);
        QTest::mouseClick(child<QAbstractButton>(&wizard, QStringLiteral("removeDataset")), Qt::LeftButton);
        QCOMPARE(wizard.datasetPage()->datasets(), QStringList{npz_});
        QVERIFY(nextEnabled(wizard));
    }

    void presetsFillTheFieldsAsDocumented() {
        TuningWizard wizard;
        QVERIFY(advanceTo(wizard, TuningWizard::MethodPageId));
        auto* stages = child<vitask::ui::StagesTable>(&wizard, QStringLiteral("stagesTable"));
        auto* preset = child<QComboBox>(&wizard, QStringLiteral("presetCombo"));
        // A scratch model starts from the scratch preset.
        QCOMPARE(preset->currentData().toString(), QStringLiteral("scratch"));
        auto s = stages->stages();
        QCOMPARE(s.size(), 3);
        QCOMPARE(s[0].name, QStringLiteral("warmup"));
        QCOMPARE(s[0].epochs, QStringLiteral("4"));
        QCOMPARE(s[0].learningRate, QStringLiteral("0.002"));
        QVERIFY(s[0].van && !s[0].ep && !s[0].rda && !s[0].crt);
        QCOMPARE(s[0].trainable, (QStringList{QStringLiteral("vision"), QStringLiteral("projector"), QStringLiteral("language")}));
        QCOMPARE(s[1].learningRate, QStringLiteral("0.0005"));
        QVERIFY(s[1].van && s[1].ep && s[1].rda && !s[1].crt);
        QCOMPARE(s[1].trainable, (QStringList{QStringLiteral("language"), QStringLiteral("connector")}));
        QVERIFY(s[2].crt);
        QCOMPARE(s[2].trainable, QStringList{QStringLiteral("language")});
        QVERIFY(!wizard.yaml().contains(QStringLiteral("\nlora:")));

        preset->setCurrentIndex(preset->findData(QStringLiteral("paper")));
        Q_EMIT preset->activated(preset->currentIndex());
        s = stages->stages();
        QCOMPARE(s.size(), 2);
        QCOMPARE(s[0].name, QStringLiteral("stage1"));
        QCOMPARE(s[0].learningRate, QStringLiteral("0.0002"));
        QCOMPARE(s[0].epochs, QStringLiteral("1"));
        QVERIFY(s[0].van && s[0].ep && s[0].rda && !s[0].crt);
        QCOMPARE(s[0].trainable, (QStringList{QStringLiteral("lora"), QStringLiteral("connector")}));
        QVERIFY(s[1].crt);
        QCOMPARE(s[1].trainable, QStringList{QStringLiteral("lora")});
        QCOMPARE(child<QLineEdit>(&wizard, QStringLiteral("alpha"))->text(), QStringLiteral("0.5"));
        QCOMPARE(child<QLineEdit>(&wizard, QStringLiteral("beta"))->text(), QStringLiteral("0.1"));
        QVERIFY(child<QLineEdit>(&wizard, QStringLiteral("loraRank"))->isEnabled());
        // The YAML is what the parser expands the paper preset to: same stages, weights and LoRA.
        const QString yaml = wizard.yaml();
        QVERIFY2(yaml.contains(QStringLiteral("losses: {van: 1, ep: 1, rda: 0.5, crt: 0.1}")), qPrintable(yaml));
        QVERIFY2(yaml.contains(QStringLiteral("lora:\n  rank: 16")), qPrintable(yaml));
        QVERIFY2(wizard.problem().isEmpty(), qPrintable(wizard.problem()));

        // Vanilla: the same stages without the exemplar losses or the connector.
        QTest::mouseClick(child<QAbstractButton>(&wizard, QStringLiteral("methodVanilla")), Qt::LeftButton);
        for (const auto& stage : stages->stages()) {
            QVERIFY(stage.van && !stage.ep && !stage.rda && !stage.crt);
            QVERIFY(!stage.trainable.contains(QStringLiteral("connector")));
        }
        QVERIFY(!wizard.yaml().contains(QStringLiteral("\nrda:")));

        // Editing a stage makes the run custom; the edit stays.
        stages->item(0, 1)->setText(QStringLiteral("2"));
        QCOMPARE(preset->currentData().toString(), QStringLiteral("custom"));
        QCOMPARE(stages->stages()[0].epochs, QStringLiteral("2"));
        QVERIFY(wizard.yaml().contains(QStringLiteral("preset: custom")));
    }

    void mistypedValuesShowTheParsersMessageAndBlockNext_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero batch") << "training.batch_size" << "0" << "training.batch_size must be at least 1, not 0";
        QTest::newRow("text") << "training.batch_size" << "abc" << "training.batch_size has the wrong type ('abc')";
        QTest::newRow("empty") << "training.log_every" << "" << "training.log_every has the wrong type ('')";
        QTest::newRow("ratio") << "training.warmup_ratio" << "1.5" << "training.warmup_ratio must be in [0, 1)";
        QTest::newRow("keep") << "training.keep_last_checkpoints" << "0"
                              << "training.keep_last_checkpoints must be at least 1, not 0";
    }

    void mistypedValuesShowTheParsersMessageAndBlockNext() {
        QFETCH(QString, key);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        TuningWizard wizard;
        QVERIFY(advanceTo(wizard, TuningWizard::HyperparametersPageId));
        QVERIFY(nextEnabled(wizard));
        auto* field = wizard.hyperparametersPage()->field(key);
        QVERIFY(field);
        const QString before = field->text();
        field->setFocus();
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Delete);
        QTest::keyClicks(field, typed);
        QCOMPARE(field->text(), typed);

        // The parser's own message, beside the field, as `vitask train` would print it.
        const auto problems =
            vitask::service::checkRunConfig(wizard.yaml().toStdString(), wizard.configPath().toStdString());
        QCOMPARE(problems.size(), size_t{1});
        QCOMPARE(QString::fromStdString(problems[0].field), key);
        QCOMPARE(wizard.problem(), QString::fromStdString(problems[0].message));
        auto* label = problemBeside(field);
        QVERIFY(label);
        QVERIFY(label->isVisibleTo(&wizard));
        QCOMPARE(label->text(), QString::fromStdString(problems[0].text));
        QVERIFY2(label->text().startsWith(expected), qPrintable(label->text()));
        QVERIFY(!nextEnabled(wizard));

        field->setText(before);
        QVERIFY(label->isHidden());
        QVERIFY(nextEnabled(wizard));
    }

    void methodFieldsAreCheckedToo() {
        TuningWizard wizard;
        QVERIFY(advanceTo(wizard, TuningWizard::MethodPageId));
        auto* alpha = child<QLineEdit>(&wizard, QStringLiteral("alpha"));
        alpha->setText(QStringLiteral("x"));
        QVERIFY(!nextEnabled(wizard));
        QCOMPARE(problemBeside(alpha)->text().left(45), QStringLiteral("stages[1].losses.rda has the wrong type ('x')").left(45));
        alpha->setText(QStringLiteral("0.5"));
        auto* tau = child<QLineEdit>(&wizard, QStringLiteral("rdaTau"));
        tau->setText(QStringLiteral("0"));
        QVERIFY(problemBeside(tau)->text().startsWith(QStringLiteral("rda.tau must be positive")));
        QVERIFY(!nextEnabled(wizard));
        tau->setText(QStringLiteral("1"));
        QVERIFY(nextEnabled(wizard));

        // VITask without a TSM: the parser's message, on the method page (vanilla needs none).
        wizard.back();
        wizard.baseModelPage()->tsm()->setSource(BaseModelPage::TsmSource::None);
        QVERIFY(nextEnabled(wizard));  // the base model page is fine
        wizard.next();
        QVERIFY(!nextEnabled(wizard));
        QVERIFY2(wizard.problem().contains(QStringLiteral("tsm is missing, but a stage uses exemplar prompting")),
                 qPrintable(wizard.problem()));
        QTest::mouseClick(child<QAbstractButton>(&wizard, QStringLiteral("methodVanilla")), Qt::LeftButton);
        QVERIFY2(nextEnabled(wizard), qPrintable(wizard.problem()));
    }

    void reviewEditsAreChecked() {
        TuningWizard wizard;
        QVERIFY(advanceTo(wizard, TuningWizard::ReviewPageId));
        auto* launch = wizard.button(QWizard::FinishButton);
        QVERIFY(launch->isEnabled());
        auto* editor = child<QPlainTextEdit>(&wizard, QStringLiteral("yamlEdit"));
        const QString good = editor->toPlainText();
        QCOMPARE(wizard.yaml(), good);
        editor->setPlainText(good + QStringLiteral("epochs: 3\n"));
        QVERIFY(!launch->isEnabled());
        auto* problem = child<QLabel>(wizard.reviewPage(), QStringLiteral("pageProblem"));
        QVERIFY2(problem->text().startsWith(QStringLiteral("epochs is not a known key")), qPrintable(problem->text()));
        editor->setPlainText(good);
        QVERIFY(launch->isEnabled());

        // A mistake typed into the text is the text's: the field behind it stays fine, and
        // looking back leaves the edited text as it was.
        QVERIFY(good.contains(QStringLiteral("batch_size: 32\n")));
        QString bad = good;
        editor->setPlainText(bad.replace(QStringLiteral("batch_size: 32\n"), QStringLiteral("batch_size: 0\n")));
        QVERIFY(!launch->isEnabled());
        wizard.back();
        QVERIFY(nextEnabled(wizard));
        QVERIFY(problemBeside(wizard.hyperparametersPage()->field(QStringLiteral("training.batch_size")))->isHidden());
        wizard.next();
        QCOMPARE(editor->toPlainText(), bad);
        QVERIFY(!launch->isEnabled());
        editor->setPlainText(good);
        QVERIFY(launch->isEnabled());

        // A folder that already holds a run is refused, as the trainer refuses it.
        const QString taken = dir_.filePath(QStringLiteral("taken"));
        QDir().mkpath(taken);
        QFile config(taken + QStringLiteral("/config.yaml"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();
        wizard.setRunFolder(taken);
        QVERIFY(!launch->isEnabled());
        QVERIFY(child<QLabel>(&wizard, QStringLiteral("runFolderProblem"))->text().contains(QStringLiteral("already holds a run")));

        // Save writes exactly the text, atomically, anywhere.
        const QString saved = dir_.filePath(QStringLiteral("saved/run.yaml"));
        QVERIFY(wizard.saveYaml(saved));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), good);
    }

    // The whole way: the wizard's YAML is trained by `vitask train` to a finished run,
    // after the TSM it asked for is trained by `vitask tsm train`.
    void launchedConfigurationTrains() {
        TuningWizard wizard;
        QVERIFY(advanceTo(wizard, TuningWizard::BaseModelPageId));
        // A tiny scratch model and TSM, so that the run takes seconds.
        for (const auto& [name, value] : {std::pair{"visionWidth", "32"}, std::pair{"visionLayers", "1"},
                                          std::pair{"textWidth", "32"}, std::pair{"textLayers", "1"},
                                          std::pair{"heads", "2"}})
            child<QLineEdit>(&wizard, QLatin1String(name))->setText(QLatin1String(value));
        QCOMPARE(child<QLineEdit>(&wizard, QStringLiteral("imageSize"))->text(), QStringLiteral("28"));  // the dataset's
        QCOMPARE(wizard.baseModelPage()->tsm()->source(), BaseModelPage::TsmSource::TrainFirst);
        child<QSpinBox>(&wizard, QStringLiteral("tsmDepth"))->setValue(10);
        child<QSpinBox>(&wizard, QStringLiteral("tsmWidth"))->setValue(8);
        child<QSpinBox>(&wizard, QStringLiteral("tsmEpochs"))->setValue(1);
        QVERIFY(nextEnabled(wizard));
        wizard.next();
        QVERIFY(wizard.methodPage()->vitask());
        QCOMPARE(wizard.methodPage()->preset(), QStringLiteral("scratch"));
        child<QTableWidget>(&wizard, QStringLiteral("stagesTable"))->item(0, 1)->setText(QStringLiteral("1"));  // warm-up
        QVERIFY(nextEnabled(wizard));
        wizard.next();
        const QList<std::pair<QString, QString>> hyper{{QStringLiteral("training.batch_size"), QStringLiteral("8")},
                                                       {QStringLiteral("training.log_every"), QStringLiteral("1")},
                                                       {QStringLiteral("max_train_samples"), QStringLiteral("32")},
                                                       {QStringLiteral("threads"), QStringLiteral("1")}};
        for (const auto& [key, value] : hyper) wizard.hyperparametersPage()->field(key)->setText(value);
        QVERIFY2(nextEnabled(wizard), qPrintable(wizard.problem()));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(TuningWizard::ReviewPageId));
        const QString run = dir_.filePath(QStringLiteral("runs/wizard-run"));
        wizard.setRunFolder(run);
        QVERIFY2(wizard.problem().isEmpty(), qPrintable(wizard.problem()));

        QSignalSpy launched(&wizard, &TuningWizard::launchRequested);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(launched.count(), 1);
        const QString config = launched.front().at(0).toString();
        const QStringList tsmTrain = launched.front().at(2).toStringList();
        QCOMPARE(config, run + QStringLiteral(".yaml"));
        QCOMPARE(launched.front().at(1).toString(), run);
        QVERIFY(!QFile::exists(run + QStringLiteral("/config.yaml")));  // the trainer writes that one
        QCOMPARE(tsmTrain.mid(0, 2), (QStringList{QStringLiteral("tsm"), QStringLiteral("train")}));
        QVERIFY(!wizard.isVisible());
        QCOMPARE(vitask::ui::runsFolder(), dir_.filePath(QStringLiteral("runs")));  // the next run's default

        // What the Runs page does with it.
        const Child tsm = runCli(tsmTrain);
        QVERIFY2(tsm.exitCode == 0, qPrintable(tsm.err + QString::fromUtf8(tsm.out)));
        const Child train = runCli({QStringLiteral("train"), config, QStringLiteral("--out"), run});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err + QString::fromUtf8(train.out)));
        QFile status(run + QStringLiteral("/status.json"));
        QVERIFY(status.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(status.readAll()).object().value(QStringLiteral("state")).toString(),
                 QStringLiteral("finished"));
        const auto trainRecords = records(run, QStringLiteral("train"));
        QCOMPARE(trainRecords.size(), 12);  // 3 stages x 32 samples / batch 8
        QVERIFY(trainRecords.back().value(QStringLiteral("l_crt")).toDouble() > 0);  // stage2 is VITask's CRT stage
        QVERIFY(!records(run, QStringLiteral("eval")).isEmpty());
    }

    // The TSM the wizard trained for the dataset (launchedConfigurationTrains', else one
    // trained here) is in the registry's user folder, with the dataset's labels: the base
    // model page picks it instead of training another.
    void registryTsmOfTheDatasetIsChosen() {
        QVERIFY2(haveDatasetTsm(), "the TSM of the dataset could not be trained");
        TuningWizard wizard;
        wizard.show();
        QVERIFY(addDataset(wizard, npz_));
        QSignalSpy listed(wizard.baseModelPage()->tsm(), &vitask::ui::TsmChooser::listed);
        wizard.next();
        QVERIFY(listed.wait(60000));
        QCOMPARE(wizard.baseModelPage()->tsm()->source(), BaseModelPage::TsmSource::Registry);
        const auto& tsms = wizard.baseModelPage()->tsm()->tsms();
        const auto found = std::find_if(tsms.begin(), tsms.end(), [](const auto& t) { return t.name == "tsm_synth_chest_xray"; });
        QVERIFY(found != tsms.end());
        QVERIFY(found->ready);
        QVERIFY(wizard.tsmTrainArguments().isEmpty());
        QVERIFY2(wizard.yaml().contains(QStringLiteral("tsm: \"%1\"").arg(QString::fromStdString(found->source.string()))),
                 qPrintable(wizard.yaml()));
    }

    // docs/images/studio-wizard.png: the method page with the paper preset, written when
    // VITASK_SCREENSHOT_DIR names a folder.
    void screenshotMethodPage() {
        const QString folder = qEnvironmentVariable("VITASK_SCREENSHOT_DIR");
        QVERIFY2(!folder.isEmpty(), "set VITASK_SCREENSHOT_DIR");
        TuningWizard wizard;
        QVERIFY(advanceTo(wizard, TuningWizard::BaseModelPageId));
        wizard.baseModelPage()->setModel(BaseModelPage::Model::HuggingFace);
        child<QLineEdit>(&wizard, QStringLiteral("modelFolder"))->setText(qEnvironmentVariable("VITASK_SCREENSHOT_MODEL"));
        QVERIFY2(nextEnabled(wizard), "set VITASK_SCREENSHOT_MODEL to a folder with a config.json");
        wizard.next();
        QCOMPARE(wizard.methodPage()->preset(), QStringLiteral("paper"));
        wizard.resize(1180, 660);
        QTest::qWait(50);
        QVERIFY(wizard.grab().save(folder + QStringLiteral("/studio-wizard.png")));
    }
};

VITASK_QTEST_MAIN_WITH_SCREENSHOTS(TestTuningWizard, "VITASK_SCREENSHOT_DIR")
#include "test_tuning_wizard.moc"
