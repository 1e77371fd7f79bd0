// `vitask data inspect` and `vitask data synth` as a user runs them: a real child process
// on .npz files written by NumPy, and on a CSV manifest of PNGs written by PIL, at test time.
#include "cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A bloodmnist-shaped set: RGB 28 px, labels n % 8, except that class 7 never occurs in val.
bool writeNpz(const QString& path, const QString& extra = {}) {
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral("-c"),
                   QStringLiteral("import sys, numpy as np\n"
                                  "s = {}\n"
                                  "for name, n, k in (('train', 24, 8), ('val', 7, 7), ('test', 8, 8)):\n"
                                  "    s[name + '_images'] = np.zeros((n, 28, 28, 3), np.uint8)\n"
                                  "    s[name + '_labels'] = (np.arange(n) % k).reshape(n, 1).astype(np.uint8)\n") +
                       extra + QStringLiteral("\nnp.savez_compressed(sys.argv[1], **s)\n"),
                   path});
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

}  // namespace

class TestCliData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import numpy")});
        if (!probe.waitForFinished(60000) || probe.exitCode() != 0) QFAIL("/usr/bin/python3 with numpy is needed: install python3-numpy (scripts/install-deps.sh installs it)");
    }

    void inspectPrintsSplitsCountsAndWarnings() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bloodmnist.npz"));
        QVERIFY(writeNpz(path));
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), path});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("blood cell microscope")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("28x28x3")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("7   platelet")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("val split has no sample of class 7 (platelet)")), qPrintable(out));
    }

    void inspectJson() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cells.npz"));  // not a catalog name
        QVERIFY(writeNpz(path, QStringLiteral("s['train_labels'][:20] = 0")));
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), path, QStringLiteral("--dataset"),
                                 QStringLiteral("bloodmnist"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("dataset")].toString(), QStringLiteral("bloodmnist"));
        QCOMPARE(json[QStringLiteral("labels")].toArray().size(), 8);
        QCOMPARE(json[QStringLiteral("labels")].toArray()[0].toString(), QStringLiteral("basophil"));
        const auto train = json[QStringLiteral("splits")].toObject()[QStringLiteral("train")].toObject();
        QCOMPARE(train[QStringLiteral("size")].toInt(), 24);
        QCOMPARE(train[QStringLiteral("channels")].toInt(), 3);
        const auto counts = train[QStringLiteral("class_counts")].toArray();
        QCOMPARE(counts[0].toInt(), 20);  // 20 forced to 0 (class 0 already among them)
        QCOMPARE(counts[4].toInt(), 1);
        QCOMPARE(train[QStringLiteral("imbalance_ratio")].toDouble(), 20.0);
        bool imbalanceWarned = false;
        for (const auto& w : json[QStringLiteral("warnings")].toArray())
            imbalanceWarned |= w.toString().startsWith(QStringLiteral("train split is imbalanced"));
        QVERIFY(imbalanceWarned);
    }

    void badFileExitsWithTheKeyNamed() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bloodmnist.npz"));
        QVERIFY(writeNpz(path, QStringLiteral("s['test_labels'][2, 0] = 99")));
        CliResult r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("bloodmnist.npz: test_labels")) &&
                     r.err.contains(QStringLiteral("label 99")),
                 qPrintable(r.err));

        r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), path, QStringLiteral("--dataset"),
                    QStringLiteral("nosuchmnist")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--dataset")), qPrintable(r.err));
    }

    void synthWritesReproducibleNamedDatasets() {
        QTemporaryDir dir;
        const QStringList args = {QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--train"),
                                  QStringLiteral("30"), QStringLiteral("--val"), QStringLiteral("6"),
                                  QStringLiteral("--test"), QStringLiteral("9"), QStringLiteral("--modality"),
                                  QStringLiteral("retinal_oct"), QStringLiteral("--seed"), QStringLiteral("11"),
                                  QStringLiteral("--out")};
        CliResult r = runCli(args + QStringList{dir.filePath(QStringLiteral("a"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.text().contains(QStringLiteral("synth_retinal_oct.npz")) && r.text().contains(QStringLiteral("30/6/9")),
                 qPrintable(r.text()));
        const QString npz = dir.filePath(QStringLiteral("a/synth_retinal_oct.npz"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("a/synth_retinal_oct.json"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a/synth_histology.npz"))));

        // The same seed gives the same bytes.
        QVERIFY(runCli(args + QStringList{dir.filePath(QStringLiteral("b"))}).exitCode == 0);
        QFile a(npz), b(dir.filePath(QStringLiteral("b/synth_retinal_oct.npz")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());

        // inspect reads the names from the sidecar.
        r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), npz, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("modality")].toString(), QStringLiteral("retinal OCT"));
        QCOMPARE(json[QStringLiteral("labels")].toArray()[1].toString(), QStringLiteral("drusen"));
        const auto test = json[QStringLiteral("splits")].toObject()[QStringLiteral("test")].toObject();
        QCOMPARE(test[QStringLiteral("size")].toInt(), 9);
        QCOMPARE(test[QStringLiteral("class_counts")].toArray()[0].toInt(), 3);  // 9 over 4 classes: 3, 2, 2, 2

        r = runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"), dir.path(),
                    QStringLiteral("--modality"), QStringLiteral("mri")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--modality")) && r.err.contains(QStringLiteral("synth_chest_xray")),
                 qPrintable(r.err));
    }

    void inspectCsvManifest() {
        QTemporaryDir dir;
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys, os, numpy as np\nfrom PIL import Image\n"
                                     "for i in range(8):\n"
                                     "    Image.fromarray(np.full((40, 30), 20 * i, np.uint8)).save(os.path.join(sys.argv[1], 'p%d.png' % i))\n"),
                      dir.path()});
        if (!python.waitForFinished(60000) || python.exitCode() != 0) QFAIL("/usr/bin/python3 has no PIL: install python3-pil (scripts/install-deps.sh installs it)");
        QFile csv(dir.filePath(QStringLiteral("set.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("path,label,split\np0.png,cyst,train\np1.png,cyst,train\np2.png,cyst,train\np3.png,solid,train\n"
                  "p4.png,cyst,val\np5.png,solid,val\np6.png,solid,test\np7.png,cyst,test\n");
        csv.close();
        CliResult r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), csv.fileName(), QStringLiteral("--size"),
                              QStringLiteral("32")});
        if (r.exitCode == 1 && r.err.contains(QStringLiteral("no imaging module"))) QSKIP("this build has no imaging");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.text().contains(QStringLiteral("32x32x1")), qPrintable(r.text()));
        QVERIFY2(r.text().contains(QStringLiteral("1   solid")), qPrintable(r.text()));
        QVERIFY2(r.text().contains(QStringLiteral("train  4")), qPrintable(r.text()));

        // A missing file is named with its line, and the command fails.
        QVERIFY(csv.open(QIODevice::Append));
        csv.write("gone.png,solid,test\n");
        csv.close();
        r = runCli({QStringLiteral("data"), QStringLiteral("inspect"), csv.fileName()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("line 10: gone.png")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliData)
#include "test_cli_data.moc"
