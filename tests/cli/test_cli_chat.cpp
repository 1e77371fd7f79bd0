// `vitask chat` as a user runs it: a real child process on the fixture checkpoint and
// real image files (a DICOM file from pydicom's corpus, a PNG written by numpy/zlib).
#include "cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kDicom = pydicomCtSmall();

}  // namespace

class TestCliChat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonHasPromptIdsGeneratedIdsAndLogProbs() {
        if (!QFile::exists(kDicom)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        const CliResult r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
                                 QStringLiteral("--image"), kDicom, QStringLiteral("--question"),
                                 QStringLiteral("Analyze the given dermatoscope image for diagnosis."),
                                 QStringLiteral("--max-new-tokens"), QStringLiteral("5"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();

        // The prompt is the fixture's: transformers' input_ids row 0 (first 49 generated ids).
        QFile notesFile(fixture(QStringLiteral("tiny_llava_notes.json")));
        QVERIFY(notesFile.open(QIODevice::ReadOnly));
        const auto expected = QJsonDocument::fromJson(notesFile.readAll()).object()[QStringLiteral("generated_ids")].toArray()[0].toArray();
        const auto prompt = json[QStringLiteral("prompt_ids")].toArray();
        QCOMPARE(prompt.size(), 49);
        for (int i = 0; i < 49; ++i) QCOMPARE(prompt[i].toInt(), expected[i].toInt());

        const auto generated = json[QStringLiteral("generated_ids")].toArray();
        const auto logProbs = json[QStringLiteral("log_probs")].toArray();
        QVERIFY(generated.size() >= 1 && generated.size() <= 5);
        QCOMPARE(logProbs.size(), generated.size());
        for (const auto& lp : logProbs) QVERIFY(lp.toDouble() <= 0.0);
        const QString finish = json[QStringLiteral("finish_reason")].toString();
        QVERIFY(finish == QStringLiteral("length") || (finish == QStringLiteral("stop") && generated.last().toInt() == 2));
        QVERIFY(json.contains(QStringLiteral("answer")));
    }

    void samplingIsReproducibleBySeed() {
        if (!QFile::exists(kDicom)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        auto sample = [&](const QString& seed) {
            const CliResult r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
                                     QStringLiteral("--image"), kDicom, QStringLiteral("--temperature"), QStringLiteral("2"),
                                     QStringLiteral("--seed"), seed, QStringLiteral("--max-new-tokens"), QStringLiteral("8"),
                                     QStringLiteral("--json")});
            return QJsonDocument::fromJson(r.out).object()[QStringLiteral("generated_ids")].toArray();
        };
        const auto first = sample(QStringLiteral("11"));
        QVERIFY(!first.isEmpty());
        QCOMPARE(sample(QStringLiteral("11")), first);
    }

    void corruptImageIsNamed() {
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("scan.png"));
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a PNG");
        file.close();
        const CliResult r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
                                 QStringLiteral("--image"), fake});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("scan.png")), qPrintable(r.err));
    }

    void incompleteModelFolderIsNamed() {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture(QStringLiteral("tiny-llava/config.json")), dir.filePath(QStringLiteral("config.json"))));
        const CliResult r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), dir.path(), QStringLiteral("--image"), kDicom});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("safetensors")), qPrintable(r.err));
    }

    void badDeviceIsExplained() {
        const CliResult r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
                                 QStringLiteral("--image"), kDicom, QStringLiteral("--device"), QStringLiteral("tpu")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--device")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "test_cli_chat.moc"
