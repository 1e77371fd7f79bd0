// `vitask chat` as a user runs it: a real child process on the fixture checkpoint and
// real image files (a DICOM file from pydicom's corpus, a PNG written by numpy/zlib).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Result {
    int exitCode;
    QByteArray out;
    QString err;
};

Result runCli(const QStringList& arguments) {
    QTemporaryDir data;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VITASK_DATA_DIR"), data.path());
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("VITASK_CLI"), QStringList{QStringLiteral("--no-log-file")} + arguments);
    if (!process.waitForFinished(120000)) return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

QString fixture(const QString& name) { return qEnvironmentVariable("VITASK_SHARED_DIR") + QStringLiteral("/fixtures/") + name; }

const QString kDicom = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

}  // namespace

class TestCliChat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonHasPromptIdsGeneratedIdsAndLogProbs() {
        if (!QFile::exists(kDicom)) QSKIP("python3-pydicom's test files are not installed");
        const Result r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
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
        if (!QFile::exists(kDicom)) QSKIP("python3-pydicom's test files are not installed");
        auto sample = [&](const QString& seed) {
            const Result r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
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
        const Result r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
                                 QStringLiteral("--image"), fake});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("scan.png")), qPrintable(r.err));
    }

    void incompleteModelFolderIsNamed() {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(fixture(QStringLiteral("tiny-llava/config.json")), dir.filePath(QStringLiteral("config.json"))));
        const Result r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), dir.path(), QStringLiteral("--image"), kDicom});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("safetensors")), qPrintable(r.err));
    }

    void badDeviceIsExplained() {
        const Result r = runCli({QStringLiteral("chat"), QStringLiteral("--model"), fixture(QStringLiteral("tiny-llava")),
                                 QStringLiteral("--image"), kDicom, QStringLiteral("--device"), QStringLiteral("tpu")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--device")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "test_cli_chat.moc"
