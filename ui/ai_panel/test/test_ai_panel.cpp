// The AI panel driven as a user drives it, offscreen, on real models (the fixtures' tiny
// LLaVA, a VITask model made from it, a slower scratch LLaVA), the ONNX TSM fixture and a
// real DICOM image; its answer is checked against `vitask chat` run as a child process.
#include "vitask/ui/ai_panel/agreement_badge.h"
#include "vitask/ui/ai_panel/probability_table.h"
#include "service_test_files.h"
#include "vitask/service/model_image.h"
#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/test_support/shown_texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <fstream>

using namespace vitask;
using namespace vitask::ui;
namespace fixtures = vitask::service::test;

namespace {

constexpr const char* kQuestion = "Analyze the given dermatoscope image for diagnosis.";

QJsonObject runChat(const QString& model, const QString& image, int maxTokens) {
    QProcess process;
    process.start(qEnvironmentVariable("VITASK_BINARY_DIR") + QStringLiteral("/bin/vitask"),
                  {QStringLiteral("--no-log-file"), QStringLiteral("chat"), QStringLiteral("--model"), model,
                   QStringLiteral("--image"), image, QStringLiteral("--question"), QString::fromUtf8(kQuestion),
                   QStringLiteral("--max-new-tokens"), QString::number(maxTokens), QStringLiteral("--device"),
                   QStringLiteral("cpu"), QStringLiteral("--json")});
    if (!process.waitForFinished(120000) || process.exitCode() != 0) return {};
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// The seconds an answer took ("4 tokens in 0.53 s") differ from one panel to the next.
QStringList withoutSeconds(QStringList texts) {
    static const QRegularExpression seconds(QStringLiteral("\\d+\\.\\d\\d"));
    for (QString& text : texts) text.replace(seconds, QStringLiteral("#"));
    return texts;
}

}  // namespace

class TestAiPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        qputenv("VITASK_CONFIG_DIR", dir_.filePath(QStringLiteral("config")).toUtf8());
        root_ = dir_.path().toStdString();
        fixtures::writeVitaskModel(root_ / "vitask-512", 512);
        fixtures::writeVitaskModel(root_ / "two-tasks", 512, true);
        manifest_ = fixtures::writeTsmManifest(root_ / "tsm");
        std::ofstream(root_ / "tsm" / "broken.tsm.json") << "{";
        fixtures::writeSlowLlava(root_ / "slow-llava");
        ct_ = fixtures::pydicomCtSmall();
    }

    void init() {
        engine_ = std::make_unique<EngineBridge>(service::EngineSettings{service::DeviceChoice::Cpu, 0, {root_ / "tsm"}});
        panel_ = std::make_unique<AiPanel>(engine_.get());
        panel_->resize(420, 800);
        panel_->show();
        panel_->setImageProvider([this](QString* why) -> std::optional<service::ModelImage> {
            if (ct_.empty()) {
                *why = QStringLiteral("no image");
                return std::nullopt;
            }
            return service::modelImageFromFile(ct_);
        });
    }

    void cleanup() {
        panel_.reset();
        engine_.reset();
    }

    // The text streamed into the panel is `vitask chat`'s answer on the same inputs, token
    // for token.
    void streamedAnswerEqualsVitaskChat() {
        if (ct_.empty()) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        StudioSettings::setMaxNewTokens(12);
        QSignalSpy ready(panel_.get(), &AiPanel::modelReady);
        panel_->loadModel(QString::fromStdString(fixtures::tinyLlava().string()));
        QVERIFY(ready.wait(60000));
        QCOMPARE(panel_->findChild<QCheckBox*>(QStringLiteral("withExemplar"))->isEnabled(), false);

        QString streamed;
        int pieces = 0;
        connect(engine_.get(), &EngineBridge::answerText, this, [&](int, const QString& added) {
            streamed += added;
            ++pieces;
        });
        QSignalSpy finished(panel_.get(), &AiPanel::answerFinished);
        panel_->setQuestion(QString::fromUtf8(kQuestion));
        QTest::mouseClick(panel_->findChild<QPushButton*>(QStringLiteral("askButton")), Qt::LeftButton);
        QVERIFY(panel_->asking());
        QVERIFY(finished.wait(60000));
        QVERIFY(!panel_->asking());

        const auto chat = runChat(QString::fromStdString(fixtures::tinyLlava().string()), QString::fromStdString(ct_.string()), 12);
        QVERIFY2(!chat.isEmpty(), "vitask chat failed");
        const auto& result = *panel_->lastResult();
        const auto expectedIds = chat[QStringLiteral("generated_ids")].toArray();
        QCOMPARE(static_cast<qsizetype>(result.generatedIds.size()), expectedIds.size());
        for (qsizetype i = 0; i < expectedIds.size(); ++i)
            QCOMPARE(static_cast<qint64>(result.generatedIds[static_cast<size_t>(i)]), expectedIds[i].toInteger());
        const QString expected = chat[QStringLiteral("answer")].toString();
        QCOMPARE(streamed, expected);
        QCOMPARE(panel_->answerText(), expected);
        QVERIFY2(pieces >= 2 || expectedIds.size() <= 1, "the answer did not stream");
    }

    // A VITask model beside its TSM: three columns of probabilities, the badge and the
    // saliency map for the viewer.
    void comparesTheVlmWithTheTsm() {
        if (ct_.empty()) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        StudioSettings::setMaxNewTokens(4);
        QSignalSpy ready(panel_.get(), &AiPanel::modelReady);
        QSignalSpy tsmReady(panel_.get(), &AiPanel::tsmReady);
        panel_->loadModel(QString::fromStdString((root_ / "vitask-512").string()));
        panel_->loadTsm(QString::fromStdString(manifest_.string()));
        QVERIFY(ready.wait(60000));
        QVERIFY(tsmReady.count() || tsmReady.wait(60000));
        // The task from vitask.json is chosen and its template fills the question.
        QCOMPARE(panel_->findChild<QComboBox*>(QStringLiteral("taskCombo"))->currentIndex(), 1);
        QVERIFY(panel_->findChild<QCheckBox*>(QStringLiteral("withExemplar"))->isEnabled());

        QSignalSpy saliency(panel_.get(), &AiPanel::saliencyChanged);
        QSignalSpy finished(panel_.get(), &AiPanel::answerFinished);
        panel_->ask();
        QVERIFY(finished.wait(60000));
        const auto& result = *panel_->lastResult();
        QVERIFY2(result.instruction.find("The possible diagnoses are: akiec") != std::string::npos, result.instruction.c_str());
        auto* table = panel_->probabilityTable();
        QCOMPARE(table->rowCount(), 7);
        double vlm = 0, ep = 0, tsm = 0;
        for (const auto& label : fixtures::tsmLabels()) {
            const QString name = QString::fromStdString(label);
            vlm += table->probability(name, ProbabilityTable::Vlm).value_or(-10);
            ep += table->probability(name, ProbabilityTable::VlmWithExemplar).value_or(-10);
            tsm += table->probability(name, ProbabilityTable::Tsm).value_or(-10);
        }
        QVERIFY(std::abs(vlm - 1) < 1e-6 && std::abs(ep - 1) < 1e-6 && std::abs(tsm - 1) < 1e-6);
        QCOMPARE(table->probability(QStringLiteral("mel"), ProbabilityTable::Tsm).value(),
                 result.tsm->probabilities[4].probability);
        QCOMPARE(panel_->agreementBadge()->agreement(), result.agreement);
        QVERIFY(!panel_->agreementBadge()->toolTip().isEmpty());
        // Cleared when asked, then the map of the answer.
        QVERIFY(saliency.count() >= 2);
        const auto map = saliency.last().at(0).value<std::optional<service::SaliencyMap>>();
        QVERIFY(map.has_value());
        QCOMPARE(map->width, 64);
    }

    // A question that is one of the model's templates chooses its task (the labels scored).
    void aTemplateQuestionChoosesItsTask() {
        QSignalSpy ready(panel_.get(), &AiPanel::modelReady);
        panel_->loadModel(QString::fromStdString((root_ / "two-tasks").string()));
        QVERIFY(ready.wait(60000));
        auto* task = panel_->findChild<QComboBox*>(QStringLiteral("taskCombo"));
        auto* variant = panel_->findChild<QComboBox*>(QStringLiteral("templateCombo"));
        QCOMPARE(task->count(), 3);  // none, dermamnist, chest
        QCOMPARE(task->currentIndex(), 1);
        const auto chest = service::questionTemplates(panel_->model()->tasks[1]);
        panel_->setQuestion(QString::fromStdString(chest[1].text));  // no_label_set
        QCOMPARE(task->currentIndex(), 2);
        QCOMPARE(variant->currentText(), QStringLiteral("no_label_set"));
        QCOMPARE(panel_->findChild<QPlainTextEdit*>(QStringLiteral("questionEdit"))->toPlainText(),
                 QString::fromStdString(chest[1].text));
        panel_->setQuestion(QStringLiteral("Is there a fracture?"));  // free text keeps the task
        QCOMPARE(task->currentIndex(), 2);
    }

    void cancelStopsGeneration() {
        StudioSettings::setMaxNewTokens(400);
        QSignalSpy ready(panel_.get(), &AiPanel::modelReady);
        panel_->loadModel(QString::fromStdString((root_ / "slow-llava").string()));
        QVERIFY(ready.wait(120000));
        panel_->setQuestion(QStringLiteral("Describe the image."));
        QSignalSpy progress(engine_.get(), &EngineBridge::answerProgress);
        QSignalSpy finished(panel_.get(), &AiPanel::answerFinished);
        panel_->ask();
        QVERIFY(progress.wait(60000));
        QTest::keyClick(panel_->findChild<QPushButton*>(QStringLiteral("cancelButton")), Qt::Key_Space);
        QVERIFY(finished.wait(60000));
        const auto& result = *panel_->lastResult();
        QCOMPARE(result.finish, std::string("cancelled"));
        QVERIFY2(result.generatedIds.size() < 400, "the answer ran to its end");
        QVERIFY(!panel_->findChild<QPushButton*>(QStringLiteral("cancelButton"))->isEnabled());
    }

    // The UI thread keeps running while a model loads and answers: a 5 ms timer on it is
    // never late by much (the benchmark in bench/studio holds the 50 ms target).
    void uiThreadIsNeverBlocked() {
        StudioSettings::setMaxNewTokens(200);
        QElapsedTimer clock;
        qint64 last = 0, longest = 0;
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longest = std::max(longest, now - last);
            last = now;
        });
        clock.start();
        tick.start();
        QSignalSpy ready(panel_.get(), &AiPanel::modelReady);
        QSignalSpy finished(panel_.get(), &AiPanel::answerFinished);
        panel_->loadModel(QString::fromStdString((root_ / "slow-llava").string()));
        QVERIFY(ready.wait(120000));
        panel_->setQuestion(QStringLiteral("Describe the image."));
        panel_->ask();
        QVERIFY(finished.wait(120000));
        tick.stop();
        qInfo("longest gap between UI timer ticks: %lld ms over %lld ms", longest, clock.elapsed());
        QVERIFY2(clock.elapsed() > 200, "the work was too short to say anything");
        QVERIFY2(longest < 250, qPrintable(QStringLiteral("the UI thread stalled for %1 ms").arg(longest)));
    }

    // Every TSM the registry finds is offered; a broken one is listed, with its error as
    // the tooltip, and cannot be chosen.
    void listsTsmsWithTheirStatus() {
        auto* combo = panel_->findChild<QComboBox*>(QStringLiteral("tsmCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(combo->count() >= 3, 30000);
        QCOMPARE(combo->itemText(0), QStringLiteral("(none)"));
        const auto* items = qobject_cast<QStandardItemModel*>(combo->model());
        // The test's folder holds one good and one broken manifest (the default folders
        // may add others, e.g. the example plug-in).
        int ready = -1, broken = -1;
        for (int row = 1; row < combo->count(); ++row) {
            if (combo->itemText(row).startsWith(QStringLiteral("squeezenet-demo"))) ready = row;
            if (combo->itemText(row).endsWith(QStringLiteral("(broken)"))) broken = row;
        }
        QVERIFY(ready > 0 && broken > 0);
        QVERIFY(items->item(ready)->isEnabled());
        QVERIFY(!items->item(broken)->isEnabled());
        QVERIFY(!combo->itemData(broken, Qt::ToolTipRole).toString().isEmpty());
    }

    void errorsAreMessagesNotCrashes() {
        QSignalSpy failed(panel_.get(), &AiPanel::failed);
        panel_->ask();  // no model
        QCOMPARE(failed.count(), 1);
        QVERIFY(panel_->errorText().contains(QStringLiteral("model")));

        const auto broken = root_ / "broken-model";
        std::filesystem::create_directories(broken);
        std::ofstream(broken / "config.json") << "{ not json";
        panel_->loadModel(QString::fromStdString(broken.string()));
        QVERIFY(failed.wait(30000));
        QVERIFY2(panel_->errorText().contains(QStringLiteral("config.json")), qPrintable(panel_->errorText()));
        QVERIFY(!panel_->hasModel());

        panel_->loadTsm(QStringLiteral("no-such-tsm"));
        QVERIFY(failed.wait(30000));
        QVERIFY2(panel_->errorText().contains(QStringLiteral("no-such-tsm")), qPrintable(panel_->errorText()));

        // An image the model cannot take: the provider's reason is shown.
        QSignalSpy ready(panel_.get(), &AiPanel::modelReady);
        panel_->loadModel(QString::fromStdString(fixtures::tinyLlava().string()));
        QVERIFY(ready.wait(60000));
        panel_->setImageProvider([](QString* why) -> std::optional<service::ModelImage> {
            *why = QStringLiteral("The series has no slice shown.");
            return std::nullopt;
        });
        panel_->ask();
        QCOMPARE(panel_->errorText(), QStringLiteral("The series has no slice shown."));
        QVERIFY(!panel_->asking());
    }

    // A model too big for this machine's memory (a 2 TiB layer declared in config.json):
    // the panel says so in words, has no model, and the next model loads as usual.
    void modelTooBigForMemoryIsAMessage() {
        const auto huge = root_ / "huge-llava";
        std::filesystem::copy(fixtures::tinyLlava(), huge, std::filesystem::copy_options::recursive);
        QFile config(QString::fromStdString((huge / "config.json").string()));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(config.readAll()).object();
        config.close();
        QJsonObject text = json[QStringLiteral("text_config")].toObject();
        text[QStringLiteral("intermediate_size")] = double(1LL << 33);
        json[QStringLiteral("text_config")] = text;
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QJsonDocument(json).toJson());
        config.close();

        QSignalSpy failed(panel_.get(), &AiPanel::failed);
        panel_->loadModel(QString::fromStdString(huge.string()));
        QVERIFY(failed.wait(60000));
        QVERIFY2(panel_->errorText().contains(QStringLiteral("out of memory")) &&
                     panel_->errorText().contains(QStringLiteral("GiB")),
                 qPrintable(panel_->errorText()));
        QVERIFY(!panel_->hasModel());
        QSignalSpy ready(panel_.get(), &AiPanel::modelReady);
        panel_->loadModel(QString::fromStdString(fixtures::tinyLlava().string()));
        QVERIFY(ready.wait(60000));
        QVERIFY(panel_->hasModel());
    }

    // A panel that has answered and then failed to load a TSM shows all of it in the
    // language switched to, as a panel built in that language does.
    void switchesLanguageWithoutRestart() {
        QVERIFY2(!ct_.empty(), "python3-pydicom's test files are not installed");
        using vitask::ui::test::shownTexts;
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        StudioSettings::setMaxNewTokens(4);
        // Both panels list the recent models in the same order: this model first.
        StudioSettings::addRecentModel(QString::fromStdString((root_ / "vitask-512").string()));
        EngineBridge engine(engineSettings());
        const auto panel = answeredPanel(engine);
        QVERIFY(panel);
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return withoutSeconds(shownTexts(*panel)); }, [&] {
            EngineBridge freshEngine(engineSettings());
            const auto fresh = answeredPanel(freshEngine);
            return fresh ? withoutSeconds(shownTexts(*fresh)) : QStringList{};
        }));
    }

private:
    service::EngineSettings engineSettings() const { return {service::DeviceChoice::Cpu, 0, {root_ / "tsm"}}; }

    // A panel on `engine` that has answered with the VITask model beside its TSM, then
    // failed to load another TSM; null if any step did not finish.
    std::unique_ptr<AiPanel> answeredPanel(EngineBridge& engine) {
        auto panel = std::make_unique<AiPanel>(&engine);
        panel->setImageProvider([this](QString*) { return std::optional(service::modelImageFromFile(ct_)); });
        QSignalSpy ready(panel.get(), &AiPanel::modelReady);
        QSignalSpy tsmReady(panel.get(), &AiPanel::tsmReady);
        QSignalSpy listed(&engine, &EngineBridge::tsmsListed);
        panel->loadModel(QString::fromStdString((root_ / "vitask-512").string()));
        panel->loadTsm(QString::fromStdString(manifest_.string()));
        if (!(ready.count() || ready.wait(60000)) || !(tsmReady.count() || tsmReady.wait(60000)) ||
            !(listed.count() || listed.wait(30000)))
            return nullptr;
        QSignalSpy finished(panel.get(), &AiPanel::answerFinished);
        panel->ask();
        if (!finished.wait(60000)) return nullptr;
        QSignalSpy tsmFailed(panel.get(), &AiPanel::tsmFailed);
        panel->loadTsm(QStringLiteral("no-such-tsm"));
        if (!tsmFailed.wait(30000)) return nullptr;
        return panel;
    }

    QTemporaryDir dir_;
    std::filesystem::path root_, manifest_, ct_;
    std::unique_ptr<EngineBridge> engine_;
    std::unique_ptr<AiPanel> panel_;
};

QTEST_MAIN(TestAiPanel)
#include "test_ai_panel.moc"
