// `vitask tsm list`, `predict`, `train` and `eval` as a user runs them: a real child
// process, the ONNX fixture (../shared/fixtures/squeezenet_tsm.onnx) described by
// manifests written here, a DICOM file from pydicom's corpus, and a small synthetic
// MedMNIST-layout .npz written with NumPy (class: the image half holding a bright bar).
#include "cli_runner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

const QString kDicom = pydicomCtSmall();

QJsonObject goodManifest(const QString& name) {
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("version"), QStringLiteral("1.0")},
        {QStringLiteral("onnx"), QDir(fixture(QStringLiteral("squeezenet_tsm.onnx"))).absolutePath()},
        {QStringLiteral("input"), QJsonObject{{QStringLiteral("name"), QStringLiteral("image")},
                                              {QStringLiteral("size"), QJsonArray{64, 64}},
                                              {QStringLiteral("channels"), 3},
                                              {QStringLiteral("mean"), QJsonArray{0.485, 0.456, 0.406}},
                                              {QStringLiteral("std"), QJsonArray{0.229, 0.224, 0.225}}}},
        {QStringLiteral("outputs"), QJsonObject{{QStringLiteral("logits"), QStringLiteral("logits")},
                                                {QStringLiteral("features"), QStringLiteral("features")}}},
        {QStringLiteral("labels"), QJsonArray{QStringLiteral("akiec"), QStringLiteral("bcc"), QStringLiteral("bkl"),
                                              QStringLiteral("df"), QStringLiteral("mel"), QStringLiteral("nv"),
                                              QStringLiteral("vasc")}},
    };
}

// 28x28 grey images, class 0: bright bar in the top half, class 1: in the bottom half.
bool writeHalvesNpz(const QString& path) {
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"PY(
import sys, numpy as np
rng = np.random.default_rng(5)
out = {}
for split, n in (("train", 256), ("val", 64), ("test", 64)):
    labels = rng.integers(0, 2, n)
    images = rng.normal(40, 15, (n, 28, 28))
    for i, c in enumerate(labels):
        y = 3 + 14 * c + rng.integers(0, 6)
        images[i, y:y + 4, 4:24] += 160
    out[split + "_images"] = np.clip(images, 0, 255).astype(np.uint8)
    out[split + "_labels"] = labels.reshape(-1, 1).astype(np.uint8)
np.savez(sys.argv[1], **out)
)PY"), path});
    return python.waitForFinished(60000) && python.exitCode() == 0;
}

QString write(const QString& folder, const QString& file, const QByteArray& content) {
    QDir().mkpath(folder);
    QFile out(folder + QLatin1Char('/') + file);
    if (!out.open(QIODevice::WriteOnly)) return {};
    out.write(content);
    return out.fileName();
}

}  // namespace

class TestCliTsm : public QObject {
    Q_OBJECT
private:
    QTemporaryDir root_;
    QString good_, broken_, manifest_;

    // Runs the CLI with an empty user config folder and no $VITASK_TSM_PATH unless given.
    // TSM searches confined to this test's folders (VITASK_TSM_PATH only when given).
    CliResult runTsmCli(const QStringList& arguments, const QString& tsmPath = {}) {
        return runCli(arguments, {{QStringLiteral("VITASK_DATA_DIR"), root_.filePath(QStringLiteral("data"))},
                                  {QStringLiteral("VITASK_CONFIG_DIR"), root_.filePath(QStringLiteral("config"))},
                                  {QStringLiteral("VITASK_TSM_PATH"), tsmPath}});
    }

    // The two-class dataset of writeHalvesNpz in this test's folder, written on first use
    // (train and the bad-input checks both read it, whichever runs first); empty when
    // Python cannot write it.
    QString halvesNpz() {
        const QString npz = root_.filePath(QStringLiteral("halves.npz"));
        return QFile::exists(npz) || writeHalvesNpz(npz) ? npz : QString();
    }

    QJsonObject predictJson(const QStringList& arguments, const QString& tsmPath = {}) {
        const CliResult r = runTsmCli(QStringList{QStringLiteral("tsm"), QStringLiteral("predict"), QStringLiteral("--image"),
                                            kDicom, QStringLiteral("--json")} + arguments,
                                tsmPath);
        if (r.exitCode != 0) qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out).object();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(root_.isValid());
        good_ = root_.filePath(QStringLiteral("good"));
        broken_ = root_.filePath(QStringLiteral("broken"));
        manifest_ = write(good_, QStringLiteral("demo.tsm.json"), QJsonDocument(goodManifest(QStringLiteral("demo"))).toJson());
        QJsonObject wrongLabels = goodManifest(QStringLiteral("wrong-labels"));
        wrongLabels[QStringLiteral("labels")] = QJsonArray{QStringLiteral("benign"), QStringLiteral("malignant")};
        write(broken_, QStringLiteral("wrong-labels.tsm.json"), QJsonDocument(wrongLabels).toJson());
        QVERIFY(!manifest_.isEmpty());
    }

    void listShowsReadyAndBroken() {
        const CliResult r = runTsmCli({QStringLiteral("tsm"), QStringLiteral("list"), QStringLiteral("--json"),
                                 QStringLiteral("--path"), good_, QStringLiteral("--path"), broken_});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QVERIFY(json[QStringLiteral("onnx_backend")].toBool());
        const auto paths = json[QStringLiteral("search_paths")].toArray();
        QCOMPARE(paths[0].toString(), good_);
        QCOMPARE(paths[1].toString(), broken_);
        const auto tsms = json[QStringLiteral("tsms")].toArray();
        QCOMPARE(tsms.size(), 3);  // the two manifests, then the in-tree example plug-in

        const auto demo = tsms[0].toObject();
        QCOMPARE(demo[QStringLiteral("name")].toString(), QStringLiteral("demo"));
        QCOMPARE(demo[QStringLiteral("status")].toString(), QStringLiteral("ready"));
        QCOMPARE(demo[QStringLiteral("kind")].toString(), QStringLiteral("onnx"));
        QCOMPARE(demo[QStringLiteral("labels")].toArray().size(), 7);
        QCOMPARE(demo[QStringLiteral("feature_width")].toInt(), 512);
        QCOMPARE(demo[QStringLiteral("input")].toObject()[QStringLiteral("height")].toInt(), 64);
        QCOMPARE(demo[QStringLiteral("source")].toString(), manifest_);

        const auto wrong = tsms[1].toObject();
        QCOMPARE(wrong[QStringLiteral("name")].toString(), QStringLiteral("wrong-labels"));
        QCOMPARE(wrong[QStringLiteral("status")].toString(), QStringLiteral("broken"));
        const QString error = wrong[QStringLiteral("error")].toString();
        QVERIFY2(error.contains(QStringLiteral("wrong-labels.tsm.json: labels")), qPrintable(error));

        // Compiled plug-ins come from the application's plug-in folder beside the binary.
        const auto plugin = tsms[2].toObject();
        QCOMPARE(plugin[QStringLiteral("name")].toString(), QStringLiteral("intensity-histogram"));
        QCOMPARE(plugin[QStringLiteral("kind")].toString(), QStringLiteral("plugin"));
        QCOMPARE(plugin[QStringLiteral("status")].toString(), QStringLiteral("ready"));
        QVERIFY(!json[QStringLiteral("plugin_search_paths")].toArray().isEmpty());
    }

    void listAsText() {
        const CliResult r = runTsmCli({QStringLiteral("tsm"), QStringLiteral("list")}, good_ + QStringLiteral(":") + broken_);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("demo 1.0 (onnx): 7 classes, input 3x64x64")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("wrong-labels 1.0 (onnx): BROKEN")), qPrintable(text));
        QVERIFY2(text.contains(root_.filePath(QStringLiteral("config/tsm"))), qPrintable(text));  // searched
        QVERIFY2(text.contains(QStringLiteral("Searched for compiled plug-ins (*.so) in:")), qPrintable(text));
    }

    void predictByManifestGivesProbabilitiesAndFeatures() {
        if (!QFile::exists(kDicom)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        const auto json = predictJson({QStringLiteral("--tsm"), manifest_});
        QCOMPARE(json[QStringLiteral("tsm")].toString(), QStringLiteral("demo"));
        const auto labels = json[QStringLiteral("labels")].toArray();
        const auto probabilities = json[QStringLiteral("probabilities")].toArray();
        const auto logits = json[QStringLiteral("logits")].toArray();
        QCOMPARE(labels.size(), 7);
        QCOMPARE(probabilities.size(), 7);
        QCOMPARE(logits.size(), 7);
        QCOMPARE(json[QStringLiteral("features")].toArray().size(), 512);

        // probabilities = softmax(logits); the prediction is the most likely label.
        double total = 0, maxLogit = -1e30;
        int best = 0;
        for (int i = 0; i < 7; ++i) {
            total += std::exp(logits[i].toDouble());
            if (logits[i].toDouble() > maxLogit) maxLogit = logits[i].toDouble(), best = i;
        }
        for (int i = 0; i < 7; ++i)
            QVERIFY(std::abs(probabilities[i].toDouble() - std::exp(logits[i].toDouble()) / total) < 1e-5);
        QCOMPARE(json[QStringLiteral("prediction")].toString(), labels[best].toString());
    }

    // The same model reached by name through --path or $VITASK_TSM_PATH answers the same.
    void predictByNameMatchesByManifest() {
        if (!QFile::exists(kDicom)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        const auto byManifest = predictJson({QStringLiteral("--tsm"), manifest_});
        const auto byPath = predictJson({QStringLiteral("--tsm"), QStringLiteral("demo"), QStringLiteral("--path"), good_});
        const auto byEnv = predictJson({QStringLiteral("--tsm"), QStringLiteral("demo")}, broken_ + QStringLiteral(":") + good_);
        QVERIFY(!byManifest.isEmpty());
        QCOMPARE(byPath[QStringLiteral("logits")], byManifest[QStringLiteral("logits")]);
        QCOMPARE(byEnv[QStringLiteral("features")], byManifest[QStringLiteral("features")]);
    }

    void predictAsTextListsTopClasses() {
        if (!QFile::exists(kDicom)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        const CliResult r = runTsmCli({QStringLiteral("tsm"), QStringLiteral("predict"), QStringLiteral("--tsm"), manifest_,
                                 QStringLiteral("--image"), kDicom, QStringLiteral("--top"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = QString::fromUtf8(r.out).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);  // header + 3 classes
        QVERIFY(lines[0].startsWith(QStringLiteral("demo 1.0 on ")));
    }

    void trainThenEvalListAndPredict();  // defined below the class: they are long
    void trainAndEvalExplainBadInputs();

    void unknownAndBrokenNamesAreExplained() {
        if (!QFile::exists(kDicom)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        CliResult r = runTsmCli({QStringLiteral("tsm"), QStringLiteral("predict"), QStringLiteral("--tsm"), QStringLiteral("resnet"),
                           QStringLiteral("--image"), kDicom, QStringLiteral("--path"), good_});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("TSM 'resnet'")) && r.err.contains(QStringLiteral("available: demo")),
                 qPrintable(r.err));

        r = runTsmCli({QStringLiteral("tsm"), QStringLiteral("predict"), QStringLiteral("--tsm"), QStringLiteral("wrong-labels"),
                    QStringLiteral("--image"), kDicom, QStringLiteral("--path"), broken_});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("lists 2 labels but the model's output 'logits' has 7 classes")),
                 qPrintable(r.err));
    }
};

void TestCliTsm::trainThenEvalListAndPredict() {
    const QString npz = halvesNpz();
    QVERIFY2(!npz.isEmpty(), "/usr/bin/python3 with numpy could not write halves.npz");
    const QString out = root_.filePath(QStringLiteral("trained/halves-resnet"));
    const CliResult train = runTsmCli({QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("tsm"),
                                       QStringLiteral("train"), QStringLiteral("--data"), npz, QStringLiteral("--out"), out,
                                       QStringLiteral("--depth"), QStringLiteral("10"), QStringLiteral("--width"),
                                       QStringLiteral("8"), QStringLiteral("--epochs"), QStringLiteral("3"),
                                       QStringLiteral("--batch"), QStringLiteral("32"), QStringLiteral("--lr"),
                                       QStringLiteral("0.003"), QStringLiteral("--no-augment"), QStringLiteral("--device"),
                                       QStringLiteral("cpu")});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err + train.text()));
    QVERIFY2(train.text().contains(QStringLiteral("ETA ")), qPrintable(train.text()));
    QVERIFY(train.text().contains(QStringLiteral("halves test: accuracy")));

    const CliResult eval = runTsmCli({QStringLiteral("tsm"), QStringLiteral("eval"), QStringLiteral("--tsm"), out,
                                      QStringLiteral("--data"), npz, QStringLiteral("--json")});
    QVERIFY2(eval.exitCode == 0, qPrintable(eval.err));
    const auto metrics = QJsonDocument::fromJson(eval.out).object();
    QCOMPARE(metrics[QStringLiteral("tsm")].toString(), QStringLiteral("halves-resnet"));
    QCOMPARE(metrics[QStringLiteral("samples")].toInt(), 64);
    QVERIFY2(metrics[QStringLiteral("accuracy")].toDouble() >= 0.9, eval.out.constData());
    QCOMPARE(metrics[QStringLiteral("per_class")].toArray().size(), 2);
    int confusionTotal = 0;
    for (const auto& row : metrics[QStringLiteral("confusion")].toArray())
        for (const auto& v : row.toArray()) confusionTotal += v.toInt();
    QCOMPARE(confusionTotal, 64);

    // The checkpoint is listed by the registry and predicts like any TSM.
    const CliResult list = runTsmCli({QStringLiteral("tsm"), QStringLiteral("list"), QStringLiteral("--json"),
                                      QStringLiteral("--path"), root_.filePath(QStringLiteral("trained"))});
    QJsonObject listed;
    for (const auto& t : QJsonDocument::fromJson(list.out).object()[QStringLiteral("tsms")].toArray())
        if (t.toObject()[QStringLiteral("name")] == QStringLiteral("halves-resnet")) listed = t.toObject();
    QCOMPARE(listed[QStringLiteral("kind")].toString(), QStringLiteral("builtin"));
    QCOMPARE(listed[QStringLiteral("status")].toString(), QStringLiteral("ready"));
    const auto predicted = predictJson({QStringLiteral("--tsm"), QStringLiteral("halves-resnet"), QStringLiteral("--path"),
                                        root_.filePath(QStringLiteral("trained"))});
    QCOMPARE(predicted[QStringLiteral("probabilities")].toArray().size(), 2);
}

void TestCliTsm::trainAndEvalExplainBadInputs() {
    const QString npz = halvesNpz();
    QVERIFY2(!npz.isEmpty(), "/usr/bin/python3 with numpy could not write halves.npz");
    const CliResult noData = runTsmCli({QStringLiteral("tsm"), QStringLiteral("train"), QStringLiteral("--data"),
                                        root_.filePath(QStringLiteral("missing.npz")), QStringLiteral("--out"),
                                        root_.filePath(QStringLiteral("x"))});
    QVERIFY(noData.exitCode != 0);
    QVERIFY2(noData.err.contains(QStringLiteral("missing.npz")), qPrintable(noData.err));

    const CliResult badArch = runTsmCli({QStringLiteral("tsm"), QStringLiteral("train"), QStringLiteral("--data"), npz,
                                         QStringLiteral("--out"), root_.filePath(QStringLiteral("x")),
                                         QStringLiteral("--arch"), QStringLiteral("vgg")});
    QVERIFY(badArch.exitCode != 0);
    QVERIFY2(badArch.err.contains(QStringLiteral("vgg")), qPrintable(badArch.err));

    const CliResult badDepth = runTsmCli({QStringLiteral("tsm"), QStringLiteral("train"), QStringLiteral("--data"), npz,
                                          QStringLiteral("--out"), root_.filePath(QStringLiteral("x")),
                                          QStringLiteral("--depth"), QStringLiteral("50")});
    QCOMPARE(badDepth.exitCode, 1);
    QVERIFY2(badDepth.err.contains(QStringLiteral("10, 18 or 34")), qPrintable(badDepth.err));

    // The ONNX fixture has 7 labels; the dataset 2 classes.
    const CliResult mismatch = runTsmCli({QStringLiteral("tsm"), QStringLiteral("eval"), QStringLiteral("--tsm"),
                                          manifest_, QStringLiteral("--data"), npz});
    QCOMPARE(mismatch.exitCode, 1);
    QVERIFY2(mismatch.err.contains(QStringLiteral("7 labels")), qPrintable(mismatch.err));

    const CliResult emptyFolder = runTsmCli({QStringLiteral("tsm"), QStringLiteral("eval"), QStringLiteral("--tsm"),
                                             root_.path(), QStringLiteral("--data"), npz});
    QCOMPARE(emptyFolder.exitCode, 1);
    QVERIFY2(emptyFolder.err.contains(QStringLiteral("no *.tsm.json")), qPrintable(emptyFolder.err));
}

QTEST_GUILESS_MAIN(TestCliTsm)
#include "test_cli_tsm.moc"
