// vitask-studio as a user or a script runs it: a real child process (offscreen) that
// opens a real DICOM file, loads the fixtures' LLaVA and ONNX TSM, asks, and writes what
// its AI panel shows. The answer must be `vitask chat`'s and `vitask infer`'s on the same
// image, token for token; failures must be reported, not crash.
#include "cli_runner.h"
#include "tsm_test_files.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QtTest>

namespace {

const QString kQuestion = QStringLiteral("Analyze the given dermatoscope image for diagnosis.");

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

}  // namespace

class TestStudioScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        manifest_ = QString::fromStdString(vitask::tsm::test::writeManifest(dir_.path().toStdString() + "/tsm",
                                                                            vitask::tsm::test::fixtureManifest(),
                                                                            "squeezenet-demo.tsm.json")
                                               .string());
        // The studio's settings and recent lists stay in the test's folder.
        environment_[QStringLiteral("VITASK_CONFIG_DIR")] = dir_.filePath(QStringLiteral("config"));
    }

    void answersAsVitaskChat() {
        if (!QFile::exists(pydicomCtSmall())) QFAIL("python3-pydicom's test files are missing: run scripts/install-deps.sh");
        const QString json = dir_.filePath(QStringLiteral("chat.json"));
        const auto studio = runProgram(qEnvironmentVariable("VITASK_STUDIO"),
                                       {QStringLiteral("--open"), pydicomCtSmall(), QStringLiteral("--model"),
                                        fixture(QStringLiteral("tiny-llava")), QStringLiteral("--question"), kQuestion,
                                        QStringLiteral("--json"), json},
                                       environment_);
        QVERIFY2(studio.exitCode == 0, qPrintable(studio.err));
        const auto shown = readJson(json);

        const auto chat = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
                                  QStringLiteral("--image"), pydicomCtSmall(), QStringLiteral("--question"), kQuestion,
                                  QStringLiteral("--max-new-tokens"), QStringLiteral("64"), QStringLiteral("--json")});
        QVERIFY2(chat.exitCode == 0, qPrintable(chat.err));
        const auto expected = QJsonDocument::fromJson(chat.out).object();
        QCOMPARE(shown[QStringLiteral("prompt_ids")].toArray(), expected[QStringLiteral("prompt_ids")].toArray());
        QCOMPARE(shown[QStringLiteral("generated_ids")].toArray(), expected[QStringLiteral("generated_ids")].toArray());
        QCOMPARE(shown[QStringLiteral("answer")].toString(), expected[QStringLiteral("answer")].toString());
        QCOMPARE(shown[QStringLiteral("finish_reason")].toString(), expected[QStringLiteral("finish_reason")].toString());
    }

    // With a TSM: the TSM's prediction is `vitask infer`'s on the same file.
    void comparesWithTheTsmAsVitaskInfer() {
        if (!QFile::exists(pydicomCtSmall())) QFAIL("python3-pydicom's test files are missing: run scripts/install-deps.sh");
        const QString json = dir_.filePath(QStringLiteral("tsm.json"));
        const QString shot = dir_.filePath(QStringLiteral("tsm.png"));
        const auto studio = runProgram(qEnvironmentVariable("VITASK_STUDIO"),
                                       {QStringLiteral("--open"), pydicomCtSmall(), QStringLiteral("--model"),
                                        fixture(QStringLiteral("tiny-llava")), QStringLiteral("--tsm"), manifest_,
                                        QStringLiteral("--question"), kQuestion, QStringLiteral("--panel"), QStringLiteral("tags"),
                                        QStringLiteral("--json"), json, QStringLiteral("--screenshot"), shot},
                                       environment_);
        QVERIFY2(studio.exitCode == 0, qPrintable(studio.err));
        const auto shown = readJson(json);
        const auto infer = runCli({QStringLiteral("infer"), pydicomCtSmall(), QStringLiteral("--model"),
                                   fixture(QStringLiteral("tiny-llava")), QStringLiteral("--tsm"), manifest_,
                                   QStringLiteral("--question"), kQuestion, QStringLiteral("--max-new-tokens"),
                                   QStringLiteral("64"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")});
        QVERIFY2(infer.exitCode == 0, qPrintable(infer.err));
        const auto expected = QJsonDocument::fromJson(infer.out).object();
        QCOMPARE(shown[QStringLiteral("generated_ids")].toArray(), expected[QStringLiteral("generated_ids")].toArray());
        const auto tsm = shown[QStringLiteral("tsm")].toObject();
        const auto expectedTsm = expected[QStringLiteral("tsm")].toObject();
        QCOMPARE(tsm[QStringLiteral("name")].toString(), QStringLiteral("squeezenet-demo"));
        QCOMPARE(tsm[QStringLiteral("label")].toString(), expectedTsm[QStringLiteral("label")].toString());
        QVERIFY(std::abs(tsm[QStringLiteral("probability")].toDouble() - expectedTsm[QStringLiteral("probability")].toDouble()) < 1e-6);
        QCOMPARE(tsm[QStringLiteral("probabilities")].toArray().size(), 7);
        QCOMPARE(shown[QStringLiteral("saliency")].toObject()[QStringLiteral("width")].toInt(), 64);
        // The screenshot is of the whole window, taken once the answer was in.
        const QImage image(shot);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 600);
    }

    // README command 1's studio: the built-in demo's first study asked with its VITask model
    // beside its TSM; the answer, the label probabilities and the TSM's are those
    // scripts/make_demo.py recorded with `vitask infer` (resources/demo/expected_answers.json),
    // and the TSM's heatmap is on the image.
    void theDemoAnswersAsRecorded() {
        const QString demo = qEnvironmentVariable("VITASK_SOURCE_DIR") + QStringLiteral("/resources/demo");
        const QString json = dir_.filePath(QStringLiteral("demo.json"));
        const QString shot = dir_.filePath(QStringLiteral("demo.png"));
        auto environment = environment_;
        environment[QStringLiteral("VITASK_CONFIG_DIR")] = dir_.filePath(QStringLiteral("demo-config"));
        const auto studio = runProgram(qEnvironmentVariable("VITASK_STUDIO"),
                                       {QStringLiteral("--demo"), QStringLiteral("--json"), json, QStringLiteral("--screenshot"), shot},
                                       environment);
        QVERIFY2(studio.exitCode == 0, qPrintable(studio.err));
        const auto shown = readJson(json);
        QCOMPARE(shown[QStringLiteral("model")].toString(), demo + QStringLiteral("/vitask-demo"));

        QFile recorded(demo + QStringLiteral("/expected_answers.json"));
        QVERIFY(recorded.open(QIODevice::ReadOnly));
        QJsonObject expected;
        for (const auto& entry : QJsonDocument::fromJson(recorded.readAll()).array()) {
            const auto answer = entry.toObject();
            if (answer[QStringLiteral("image")].toString() == QLatin1String("studies/chest_xray/chest_01.dcm") &&
                answer[QStringLiteral("exemplar")].toBool() == shown[QStringLiteral("exemplar")].toBool())
                expected = answer;
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(shown[QStringLiteral("answer")].toString(), expected[QStringLiteral("answer")].toString());
        const auto probabilities = [](const QJsonArray& list) {
            QMap<QString, double> out;
            for (const auto& item : list)
                out[item.toObject()[QStringLiteral("label")].toString()] = item.toObject()[QStringLiteral("probability")].toDouble();
            return out;
        };
        const bool exemplar = shown[QStringLiteral("exemplar")].toBool();
        const auto got = probabilities(shown[exemplar ? QStringLiteral("label_probabilities_with_exemplar")
                                                      : QStringLiteral("label_probabilities")].toArray());
        const auto want = probabilities(expected[QStringLiteral("label_probabilities")].toArray());
        QCOMPARE(got.keys(), want.keys());
        for (const QString& label : want.keys()) QVERIFY2(std::abs(got[label] - want[label]) < 1e-4, qPrintable(label));
        const auto tsm = shown[QStringLiteral("tsm")].toObject();
        QCOMPARE(tsm[QStringLiteral("label")].toString(), expected[QStringLiteral("tsm")].toObject()[QStringLiteral("label")].toString());
        QVERIFY(std::abs(tsm[QStringLiteral("probability")].toDouble() -
                         expected[QStringLiteral("tsm")].toObject()[QStringLiteral("probability")].toDouble()) < 1e-5);
        QVERIFY(shown[QStringLiteral("saliency")].toObject()[QStringLiteral("width")].toInt() > 0);
        QVERIFY(!QImage(shot).isNull());
    }

    void failuresAreReported() {
        const QString json = dir_.filePath(QStringLiteral("missing.json"));
        const auto missing = runProgram(qEnvironmentVariable("VITASK_STUDIO"),
                                        {QStringLiteral("--open"), dir_.filePath(QStringLiteral("no-such-study")),
                                         QStringLiteral("--json"), json},
                                        environment_);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no-such-study")), qPrintable(missing.err));
        QVERIFY(readJson(json)[QStringLiteral("study_error")].toString().contains(QStringLiteral("no-such-study")));

        const auto badModel = runProgram(qEnvironmentVariable("VITASK_STUDIO"),
                                         {QStringLiteral("--model"), dir_.path(), QStringLiteral("--question"), kQuestion,
                                          QStringLiteral("--json"), json},
                                         environment_);
        QCOMPARE(badModel.exitCode, 1);
        QVERIFY2(badModel.err.contains(QStringLiteral("config.json")), qPrintable(badModel.err));
        QVERIFY(readJson(json)[QStringLiteral("error")].toString().contains(QStringLiteral("config.json")));

        const auto badPanel = runProgram(qEnvironmentVariable("VITASK_STUDIO"),
                                         {QStringLiteral("--panel"), QStringLiteral("nope"), QStringLiteral("--json"), json},
                                         environment_);
        QCOMPARE(badPanel.exitCode, 2);
        QVERIFY(badPanel.err.contains(QStringLiteral("nope")));
    }

private:
    QTemporaryDir dir_;
    QString manifest_;
    QMap<QString, QString> environment_;
};

QTEST_GUILESS_MAIN(TestStudioScript)
#include "test_studio_script.moc"
