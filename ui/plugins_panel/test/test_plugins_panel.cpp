// The Plug-ins page driven offscreen on real files: the user's TSM folder holds the ONNX
// fixture's manifest (ready), a manifest naming a corrupt .onnx, a manifest that is not
// JSON and a built-in checkpoint trained by `vitask tsm train`; the user's plug-in folder
// a "plug-in" of random bytes; the build's plug-in folder the example plug-in; and
// $VITASK_TSM_PATH a manifest that is not the user's. The registry's own account is
// `vitask tsm list --json`, run as a child process ($VITASK_CLI).
#include "service_test_files.h"
#include "tsm_table_model.h"
#include "tsm_test_files.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/plugins_panel/add_onnx_tsm_dialog.h"
#include "vitask/ui/plugins_panel/plugins_panel.h"
#include "vitask/ui/test_support/shown_texts.h"
#include "vitask/ui/test_support/screenshot_main.h"

#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QDesktopServices>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace vitask;
using namespace vitask::ui;
namespace fs = std::filesystem;
namespace service_test = vitask::service::test;  // `test` would clash with vitask::ui::test

namespace {

constexpr int kListingTimeoutMs = 120000;  // the registry loads and probes every TSM

QString text(const fs::path& path) { return QString::fromStdString(path.string()); }

// Bytes no loader can make sense of, the same every run.
void writeRandomBytes(const fs::path& path, size_t size) {
    fs::create_directories(path.parent_path());
    std::mt19937 random(14);
    std::ofstream out(path, std::ios::binary);
    for (size_t i = 0; i < size; ++i) out.put(static_cast<char>(random() & 0xff));
}

QJsonObject runCli(const QStringList& arguments, int timeoutMs = 120000) {
    QProcess process;
    process.start(qEnvironmentVariable("VITASK_CLI"), QStringList{QStringLiteral("--no-log-file")} + arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitCode() != 0) {
        qWarning("vitask %s failed: %s", qPrintable(arguments.join(' ')), process.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QStringList strings(const QJsonArray& array) {
    QStringList out;
    for (const auto& value : array) out << value.toString();
    return out;
}

QStringList labelsOf(const service::TsmEntry& tsm) {
    QStringList out;
    for (const auto& label : tsm.labels) out << QString::fromStdString(label);
    return out;
}

// Clicks `button` of the confirmation the page shows next.
void answerConfirmation(QMessageBox::StandardButton button) {
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("removeTsmConfirmation"));
        box->button(button)->click();
    });
}

// Records what QDesktopServices::openUrl would have opened.
class UrlRecorder : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened << url; }
};

}  // namespace

class TestPluginsPanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path home_, userTsm_, userPlugins_, teamTsm_;
    std::unique_ptr<EngineBridge> engine_;
    std::unique_ptr<PluginsPanel> panel_;

    // A page as the user finds it: every TSM listed.
    std::unique_ptr<PluginsPanel> listedPanel() {
        auto panel = std::make_unique<PluginsPanel>(engine_.get());
        panel->resize(1280, 760);
        panel->show();
        QSignalSpy listed(panel.get(), &PluginsPanel::tsmsListed);
        return listed.wait(kListingTimeoutMs) ? std::move(panel) : nullptr;
    }

    bool waitForListing() {
        QSignalSpy listed(panel_.get(), &PluginsPanel::tsmsListed);
        return listed.wait(kListingTimeoutMs);
    }

    const service::TsmEntry* find(const std::string& name) const {
        for (const auto& tsm : panel_->tsms())
            if (tsm.name == name) return &tsm;
        return nullptr;
    }

    // What the table shows in `column` of the TSM `name`.
    QVariant cell(const std::string& name, int column, int role = Qt::DisplayRole) const {
        const auto* model = panel_->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, TsmTableModel::Name).data().toString() == QString::fromStdString(name))
                return model->index(row, column).data(role);
        return {};
    }

    void select(const std::string& name) {
        const auto* tsm = find(name);
        QVERIFY2(tsm, name.c_str());
        panel_->selectTsm(text(tsm->source));
        QCOMPARE(panel_->selectedTsm()->name, name);
    }

    // An "Add ONNX TSM" form filled in for the ONNX fixture.
    AddOnnxTsmDialog* fixtureForm(const QString& name) {
        auto* form = panel_->addOnnxTsm();
        form->setOnnxFile(text(fs::absolute(service_test::fixture("squeezenet_tsm.onnx"))));
        form->setName(name);
        form->setVersion(QStringLiteral("1.2"));
        form->setDescription(QStringLiteral("SqueezeNet features, added through the form"));
        form->setInputName(QStringLiteral("image"));
        form->setInputSize(64, 64);
        form->setChannels(3);
        form->setNormalization(NormalizationPreset::ImageNet);
        form->setOutputs(QStringLiteral("logits"), QStringLiteral("features"));
        return form;
    }

    QStringList filesIn(const fs::path& folder) const {
        QStringList names;
        for (const auto& entry : fs::directory_iterator(folder)) names << QString::fromStdString(entry.path().filename());
        return names;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // A home of its own, so paths show as "~/..." as on a user's machine (screenshot).
        home_ = fs::path(dir_.path().toStdString()) / "home";
        qputenv("HOME", text(home_).toUtf8());
        qputenv("VITASK_CONFIG_DIR", text(home_ / ".config" / "vitask-studio").toUtf8());
        teamTsm_ = home_ / "team-tsm";
        qputenv("VITASK_TSM_PATH", text(teamTsm_).toUtf8());
        qunsetenv("VITASK_PLUGIN_PATH");
        userTsm_ = home_ / ".config" / "vitask-studio" / "tsm";
        userPlugins_ = home_ / ".config" / "vitask-studio" / "plugins";

        service_test::writeTsmManifest(userTsm_);  // squeezenet-demo: ready
        writeRandomBytes(userTsm_ / "corrupt.onnx", 4096);
        auto corrupt = tsm::test::fixtureManifest("corrupt-onnx");
        corrupt["onnx"] = "corrupt.onnx";
        tsm::test::writeManifest(userTsm_, corrupt, "corrupt.tsm.json");
        std::ofstream(userTsm_ / "bad-json.tsm.json") << "{\"name\": \"bad-json\", \"version\": \"1.0\",";
        writeRandomBytes(userPlugins_ / "random_bytes.so", 8192);
        tsm::test::writeManifest(teamTsm_, tsm::test::fixtureManifest("team-squeezenet"), "team.tsm.json");

        // A real built-in TSM (ResNet-10, width 8, one epoch on 4 images): seconds on a CPU.
        const auto data = service_test::writeDermaMnist(fs::path(dir_.path().toStdString()) / "data");
        QProcess train;
        train.start(qEnvironmentVariable("VITASK_CLI"),
                    {QStringLiteral("--no-log-file"), QStringLiteral("tsm"), QStringLiteral("train"),
                     QStringLiteral("--data"), text(data), QStringLiteral("--out"), text(userTsm_ / "builtin-demo"),
                     QStringLiteral("--name"), QStringLiteral("builtin-demo"), QStringLiteral("--depth"),
                     QStringLiteral("10"), QStringLiteral("--width"), QStringLiteral("8"), QStringLiteral("--epochs"),
                     QStringLiteral("1"), QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--device"),
                     QStringLiteral("cpu")});
        QVERIFY(train.waitForFinished(300000));
        QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
    }

    void init() {
        engine_ = std::make_unique<EngineBridge>(service::EngineSettings{service::DeviceChoice::Cpu, 0, {}});
        panel_ = listedPanel();
        QVERIFY(panel_);
    }

    void cleanup() {
        panel_.reset();
        engine_.reset();
    }

    void listsEveryTsmWithItsStatus() {
        const auto* demo = find("squeezenet-demo");
        QVERIFY(demo && demo->ready);
        QCOMPARE(cell("squeezenet-demo", TsmTableModel::Kind).toString(), QStringLiteral("ONNX"));
        QCOMPARE(cell("squeezenet-demo", TsmTableModel::Version).toString(), QStringLiteral("1.0"));
        QCOMPARE(cell("squeezenet-demo", TsmTableModel::Input).toString(), QStringLiteral("3×64×64 · ImageNet"));
        QVERIFY(cell("squeezenet-demo", TsmTableModel::Input, Qt::ToolTipRole).toString().contains("0.485, 0.456, 0.406"));
        QCOMPARE(cell("squeezenet-demo", TsmTableModel::Labels).toString(), QStringLiteral("7"));
        QCOMPARE(cell("squeezenet-demo", TsmTableModel::Labels, Qt::ToolTipRole).toString(),
                 QStringLiteral("akiec\nbcc\nbkl\ndf\nmel\nnv\nvasc"));
        QCOMPARE(cell("squeezenet-demo", TsmTableModel::Features).toString(), QStringLiteral("512"));
        QCOMPARE(cell("squeezenet-demo", TsmTableModel::Status).toString(), QStringLiteral("Ready"));

        const auto* builtin = find("builtin-demo");
        QVERIFY(builtin);
        QVERIFY2(builtin->ready, builtin->error.c_str());
        QCOMPARE(cell("builtin-demo", TsmTableModel::Kind).toString(), QStringLiteral("Built-in"));
        QCOMPARE(cell("builtin-demo", TsmTableModel::Labels).toString(), QStringLiteral("7"));

        const auto* example = find("intensity-histogram");
        QVERIFY2(example, "the example plug-in (plugins/) is not in the build's plug-in folder");
        QVERIFY2(example->ready, example->error.c_str());
        QCOMPARE(cell("intensity-histogram", TsmTableModel::Kind).toString(), QStringLiteral("Compiled"));

        const auto* team = find("team-squeezenet");
        QVERIFY(team && team->ready);

        // Each broken one: listed, red, with an error that names its file.
        const std::vector<std::pair<std::string, std::string>> broken{
            {"corrupt-onnx", "corrupt.onnx"}, {"bad-json", "bad-json.tsm.json"}, {"random_bytes", "random_bytes.so"}};
        for (const auto& [name, file] : broken) {
            const auto* tsm = find(name);
            QVERIFY2(tsm, name.c_str());
            QVERIFY2(!tsm->ready, name.c_str());
            QVERIFY2(tsm->error.find(file) != std::string::npos, tsm->error.c_str());
            QVERIFY(cell(name, TsmTableModel::Status).toString().startsWith(QStringLiteral("Broken: ")));
            QCOMPARE(cell(name, TsmTableModel::Status, Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc62828));
            QCOMPARE(cell(name, TsmTableModel::Status, Qt::ToolTipRole).toString(), QString::fromStdString(tsm->error));
            select(name);
            // In full, the home folder written "~".
            const QString error = TsmTableModel::abbreviateHome(QString::fromStdString(tsm->error));
            QVERIFY2(panel_->detailsText().contains(error), qPrintable(panel_->detailsText()));
            QVERIFY2(cell(name, TsmTableModel::Status).toString().contains(QString::fromStdString(file)),
                     qPrintable(cell(name, TsmTableModel::Status).toString()));
        }
        QCOMPARE(find("random_bytes")->kind, std::string("plugin"));
        QCOMPARE(panel_->tsms().size(), size_t(7));
        QVERIFY2(panel_->findChild<QLabel*>(QStringLiteral("tsmSummary"))->text().contains("broken: 3"),
                 qPrintable(panel_->findChild<QLabel*>(QStringLiteral("tsmSummary"))->text()));

        // The broken ones take nothing from the others: the engine loads a ready one.
        QSignalSpy loaded(engine_.get(), &EngineBridge::tsmLoaded);
        engine_->loadTsm(QStringLiteral("squeezenet-demo"));
        QVERIFY(loaded.wait(kListingTimeoutMs));
        QCOMPARE(loaded.first().first().value<service::TsmEntry>().name, std::string("squeezenet-demo"));
    }

    void refreshKeyListsAgain() {
        std::ofstream(userTsm_ / "late.tsm.json") << "not json";
        QSignalSpy listed(panel_.get(), &PluginsPanel::tsmsListed);
        panel_->table()->setFocus();
        QTest::keyClick(panel_->table(), Qt::Key_F5);
        QVERIFY(listed.wait(kListingTimeoutMs));
        QVERIFY(find("late"));
        fs::remove(userTsm_ / "late.tsm.json");
    }

    void foldersAreTheRegistrys() {
        const auto list = runCli({QStringLiteral("tsm"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(!list.isEmpty());
        QCOMPARE(panel_->manifestFolders(), strings(list[QStringLiteral("search_paths")].toArray()));
        QCOMPARE(panel_->pluginFolders(), strings(list[QStringLiteral("plugin_search_paths")].toArray()));
        QVERIFY(panel_->manifestFolders().contains(text(userTsm_)));
        QVERIFY(panel_->pluginFolders().contains(text(userPlugins_)));

        // The same TSMs, in the same order and state, as the registry lists them.
        const auto tsms = list[QStringLiteral("tsms")].toArray();
        QCOMPARE(static_cast<size_t>(tsms.size()), panel_->tsms().size());
        for (int i = 0; i < tsms.size(); ++i) {
            const auto& shown = panel_->tsms()[static_cast<size_t>(i)];
            QCOMPARE(tsms[i][QStringLiteral("name")].toString(), QString::fromStdString(shown.name));
            QCOMPARE(tsms[i][QStringLiteral("status")].toString(),
                     shown.ready ? QStringLiteral("ready") : QStringLiteral("broken"));
        }

        // Every searched folder is in the "Open Plug-in Folder" menu.
        const auto actions = panel_->findChild<QToolButton*>(QStringLiteral("openFolderButton"))->menu()->actions();
        QCOMPARE(actions.size(), panel_->manifestFolders().size() + panel_->pluginFolders().size());
    }

    void addFormWritesACheckedManifest() {
        const fs::path labelFile = fs::path(dir_.path().toStdString()) / "labels.txt";
        std::ofstream(labelFile) << "# DermaMNIST, in logit order\nakiec\nbcc\nbkl\ndf\n\nmel\nnv\nvasc\n";
        QPointer<AddOnnxTsmDialog> form = fixtureForm(QStringLiteral("added-squeezenet"));
        QVERIFY(form->loadLabels(text(labelFile)));
        const QStringList labels = form->labels();
        QCOMPARE(labels, labelsOf(*find("squeezenet-demo")));
        const QString manifest = form->manifestPath();
        QCOMPARE(manifest, text(userTsm_ / "added-squeezenet.tsm.json"));

        QSignalSpy added(form.data(), &AddOnnxTsmDialog::added);
        form->submit();
        QVERIFY(form->checking());
        QVERIFY(added.wait(kListingTimeoutMs));
        QVERIFY2(form.isNull() || !form->isVisible(), "the form stays open after the TSM was added");
        QVERIFY(QFileInfo::exists(manifest));

        const auto* tsm = find("added-squeezenet");
        QVERIFY(tsm);
        QVERIFY2(tsm->ready, tsm->error.c_str());
        QCOMPARE(tsm->version, std::string("1.2"));
        QCOMPARE(labelsOf(*tsm), labels);
        QCOMPARE(panel_->selectedTsm()->name, std::string("added-squeezenet"));

        const auto list = runCli({QStringLiteral("tsm"), QStringLiteral("list"), QStringLiteral("--json")});
        bool listed = false;
        for (const auto& value : list[QStringLiteral("tsms")].toArray()) {
            const auto entry = value.toObject();
            if (entry[QStringLiteral("name")].toString() != QStringLiteral("added-squeezenet")) continue;
            listed = true;
            QCOMPARE(entry[QStringLiteral("status")].toString(), QStringLiteral("ready"));
            QCOMPARE(entry[QStringLiteral("source")].toString(), manifest);
            QCOMPARE(strings(entry[QStringLiteral("labels")].toArray()), labelsOf(*tsm));
        }
        QVERIFY2(listed, "vitask tsm list --json does not list the TSM the form added");
        fs::remove(manifest.toStdString());
    }

    void addFormFailsAtTheCheck_data() {
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("logits");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong input size") << 32 << QStringLiteral("logits") << QStringLiteral("input.size");
        QTest::newRow("wrong output name") << 64 << QStringLiteral("probabilities") << QStringLiteral("probabilities");
    }

    void addFormFailsAtTheCheck() {
        QFETCH(int, size);
        QFETCH(QString, logits);
        QFETCH(QString, expected);
        const auto before = filesIn(userTsm_);
        auto* form = fixtureForm(QStringLiteral("checked-wrong"));
        form->setLabels(labelsOf(*find("squeezenet-demo")));
        form->setInputSize(size, size);
        form->setOutputs(logits, QStringLiteral("features"));
        const QString manifest = form->manifestPath();

        QSignalSpy failed(form, &AddOnnxTsmDialog::failed);
        form->submit();
        QVERIFY(failed.wait(kListingTimeoutMs));
        QVERIFY2(form->errorText().contains(expected), qPrintable(form->errorText()));
        QVERIFY(form->errorText().contains(QStringLiteral("not kept")));
        QVERIFY(form->isVisible());  // to correct and try again
        QVERIFY(!QFileInfo::exists(manifest));
        QCOMPARE(filesIn(userTsm_), before);  // nor a temporary file

        // The page lists it no longer once the engine has listed again.
        QTRY_VERIFY_WITH_TIMEOUT(!find("checked-wrong"), kListingTimeoutMs);
        form->close();
    }

    void addFormRefusesBeforeWriting() {
        const auto before = filesIn(userTsm_);
        auto* form = fixtureForm(QStringLiteral("squeezenet-demo"));
        form->setLabels(labelsOf(*find("squeezenet-demo")));
        QSignalSpy failed(form, &AddOnnxTsmDialog::failed);
        form->submit();  // a name already listed
        QCOMPARE(failed.size(), 1);
        QVERIFY2(form->errorText().contains(QStringLiteral("already listed")), qPrintable(form->errorText()));

        form->setName(QStringLiteral("fresh-name"));
        form->setLabels({});
        form->submit();
        QVERIFY2(form->errorText().contains(QStringLiteral("labels")), qPrintable(form->errorText()));

        form->setLabels({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a")});
        form->submit();
        QVERIFY2(form->errorText().contains(QStringLiteral("twice")), qPrintable(form->errorText()));

        form->setLabels({QStringLiteral("a"), QStringLiteral("b")});
        form->setMeanStd(QStringLiteral("0.5, 0.5"), QStringLiteral("0.5, 0.5, 0.5"));
        form->submit();
        QVERIFY2(form->errorText().startsWith(QStringLiteral("Mean")), qPrintable(form->errorText()));
        QCOMPARE(failed.size(), 4);
        QVERIFY(!form->checking());
        QCOMPARE(filesIn(userTsm_), before);
        form->close();
    }

    void presetsFollowChannels() {
        auto* form = panel_->addOnnxTsm();
        form->setNormalization(NormalizationPreset::ImageNet);
        form->setChannels(1);
        QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("inputMean"))->text(), QStringLiteral("0.449"));
        form->setNormalization(NormalizationPreset::Half);
        form->setChannels(3);
        QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("inputStd"))->text(), QStringLiteral("0.5, 0.5, 0.5"));
        form->setMeanStd(QStringLiteral("0, 0, 0"), QStringLiteral("1, 1, 1"));
        QCOMPARE(form->findChild<QComboBox*>(QStringLiteral("normalizationPreset"))->currentText(), QStringLiteral("none"));
        form->close();
    }

    void removeDeletesAUserTsm() {
        tsm::test::writeManifest(userTsm_, tsm::test::fixtureManifest("to-remove"), "to-remove.tsm.json");
        writeRandomBytes(userPlugins_ / "doomed_plugin.so", 1024);
        panel_->refresh();
        QVERIFY(waitForListing());
        select("to-remove");
        auto* removeButton = panel_->findChild<QPushButton*>(QStringLiteral("removeTsmButton"));
        QVERIFY(removeButton->isEnabled());

        // Cancel keeps it; Yes deletes the manifest only (the .onnx it names stays).
        answerConfirmation(QMessageBox::Cancel);
        removeButton->click();
        QVERIFY(fs::exists(userTsm_ / "to-remove.tsm.json"));
        QSignalSpy removed(panel_.get(), &PluginsPanel::tsmRemoved);
        answerConfirmation(QMessageBox::Yes);
        removeButton->click();
        QCOMPARE(removed.size(), 1);
        QVERIFY(!fs::exists(userTsm_ / "to-remove.tsm.json"));
        QVERIFY(fs::exists(service_test::fixture("squeezenet_tsm.onnx")));
        QVERIFY(waitForListing());
        QVERIFY(!find("to-remove"));

        // A plug-in in the user's plug-in folder goes too.
        QString why;
        QVERIFY2(panel_->removeTsm(text(find("doomed_plugin")->source), &why), qPrintable(why));
        QVERIFY(!fs::exists(userPlugins_ / "doomed_plugin.so"));
        QVERIFY(waitForListing());
        QVERIFY(!find("doomed_plugin"));
    }

    void removeRefusesBuiltinsAndForeignFiles() {
        auto* removeButton = panel_->findChild<QPushButton*>(QStringLiteral("removeTsmButton"));
        const std::vector<std::pair<std::string, QString>> refused{
            {"builtin-demo", QStringLiteral("built-in")},
            {"intensity-histogram", QStringLiteral("not in your folders")},
            {"team-squeezenet", QStringLiteral("not in your folders")}};
        for (const auto& [name, reason] : refused) {
            QVERIFY2(find(name), name.c_str());
            const auto source = find(name)->source;
            select(name);
            QVERIFY2(!removeButton->isEnabled(), name.c_str());
            QVERIFY(removeButton->toolTip().contains(reason));
            QString why;
            QVERIFY(!panel_->removeTsm(text(source), &why));
            QVERIFY2(why.contains(reason), qPrintable(why));
            QVERIFY(fs::exists(source));
            panel_->removeSelected();  // refused with the reason, never asking
            QVERIFY(panel_->errorText().contains(reason));
        }
    }

    void openFolderOpensTheSearchedFolders() {
        UrlRecorder recorder;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &recorder, "open");
        panel_->openFolder(text(userPlugins_));
        QCOMPARE(recorder.opened, QList<QUrl>{QUrl::fromLocalFile(text(userPlugins_))});

        // The user's folder is created when missing; anyone else's is not.
        panel_->openFolder(text(teamTsm_ / "missing"));
        QVERIFY(panel_->errorText().contains(QStringLiteral("does not exist")));
        QVERIFY(!fs::exists(teamTsm_ / "missing"));
        QCOMPARE(recorder.opened.size(), 1);

        const auto actions = panel_->findChild<QToolButton*>(QStringLiteral("openFolderButton"))->menu()->actions();
        for (auto* action : actions)
            if (action->text().contains(text(userTsm_))) action->trigger();
        QCOMPARE(recorder.opened.last(), QUrl::fromLocalFile(text(userTsm_)));
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    }

    // Switched at run time, the page shows what a page built in that language shows: the
    // summary, the table's headers and cells, the selected TSM's details, the folders.
    void switchesLanguageWithoutRestart() {
        using vitask::ui::test::shownTexts;
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        const QString source = text(find("squeezenet-demo")->source);
        panel_->selectTsm(source);
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shownTexts(*panel_); }, [&] {
            const auto fresh = listedPanel();
            if (!fresh) return QStringList{};
            fresh->selectTsm(source);
            return shownTexts(*fresh);
        }));
    }

    // VITASK_SCREENSHOT=FILE: the page with the mix above (docs/images/studio-plugins.png).
    void screenshot() {
        const QString file = qEnvironmentVariable("VITASK_SCREENSHOT");
        QVERIFY2(!file.isEmpty(), "set VITASK_SCREENSHOT");
        panel_->resize(1200, 640);
        select("corrupt-onnx");
        QTest::qWait(50);
        QVERIFY(panel_->grab().save(file));
    }
};

VITASK_QTEST_MAIN_WITH_SCREENSHOTS(TestPluginsPanel, "VITASK_SCREENSHOT")
#include "test_plugins_panel.moc"
