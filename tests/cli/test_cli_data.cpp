// `vitask data inspect` as a user runs it: a real child process on .npz files written by
// NumPy at test time.
#include "cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
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
        if (!probe.waitForFinished(60000) || probe.exitCode() != 0) QSKIP("/usr/bin/python3 with numpy is not available");
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
};

QTEST_GUILESS_MAIN(TestCliData)
#include "test_cli_data.moc"
