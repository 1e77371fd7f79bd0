// `vitask train` and `vitask eval` as a user runs them, as real child processes: a run
// killed with SIGKILL in the middle and resumed with --resume ends with exactly the
// metrics of an uninterrupted run; configuration mistakes name their key; an existing
// run is never overwritten.
#include "small_training_run.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <optional>

namespace {

QList<QJsonObject> trainRecords(const QString& run) {
    QList<QJsonObject> out;
    for (const auto& record : metricsRecords(run))
        if (record.value(QStringLiteral("type")).toString() == QStringLiteral("train")) out.append(record);
    return out;
}

}  // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString config_;
    std::optional<CliResult> full_;

    // `vitask train CONFIG --out <dir>/full`, run on first use: the killed run must end
    // with its metrics, so killedRunResumesExactly gets it whether or not
    // uninterruptedRun ran before it.
    const CliResult& fullRun() {
        if (!full_) full_ = runCli({QStringLiteral("train"), config_, QStringLiteral("--out"), dir_.filePath(QStringLiteral("full"))});
        return *full_;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        config_ = prepareSmallTrainingRun(dir_, &error);
        QVERIFY2(!config_.isEmpty(), qPrintable(error));
    }

    void uninterruptedRun() {
        const QString run = dir_.filePath(QStringLiteral("full"));
        const CliResult& r = fullRun();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.text()));
        QVERIFY2(r.text().contains(QStringLiteral("ETA")), qPrintable(r.text()));
        QCOMPARE(trainRecords(run).size(), 36);  // 3 epochs x 96 / 8
        QVERIFY(QFile::exists(run + QStringLiteral("/final/vitask.json")));
        QVERIFY(QFile::exists(run + QStringLiteral("/eval/test_score.json")));

        const CliResult again = runCli({QStringLiteral("train"), config_, QStringLiteral("--out"), run});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already holds a run")), qPrintable(again.err));

        const CliResult eval = runCli({QStringLiteral("eval"), QStringLiteral("--model"), run + QStringLiteral("/final"),
                                       QStringLiteral("--data"), dir_.filePath(QStringLiteral("synth/synth_chest_xray.npz")),
                                       QStringLiteral("--variant"), QStringLiteral("all"), QStringLiteral("--json")});
        QVERIFY2(eval.exitCode == 0, qPrintable(eval.err));
        const auto grid = QJsonDocument::fromJson(eval.out).array();
        QCOMPARE(grid.size(), 7);
        // The CLI's evaluation of the complete instruction is the trainer's final one.
        QFile summary(run + QStringLiteral("/eval/test_score.json"));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QCOMPARE(grid[0].toObject().value(QStringLiteral("mean_macro_f1")).toDouble(),
                 QJsonDocument::fromJson(summary.readAll()).object().value(QStringLiteral("mean_macro_f1")).toDouble());
    }

    void killedRunResumesExactly() {
        const CliResult& full = fullRun();
        QVERIFY2(full.exitCode == 0, qPrintable(full.err + full.text()));
        const QString run = dir_.filePath(QStringLiteral("killed"));
        QTemporaryDir data;
        QProcess child;
        startCli(child, {QStringLiteral("train"), config_, QStringLiteral("--out"), run}, data);
        QVERIFY(child.waitForStarted());
        // Kill it outright once its second checkpoint exists (no chance to clean up).
        const QString checkpoint = run + QStringLiteral("/checkpoints/step-00000008");
        QElapsedTimer timer;
        timer.start();
        while (!QFileInfo::exists(checkpoint) && timer.elapsed() < 120000 && child.state() == QProcess::Running)
            QThread::msleep(2);
        QVERIFY2(QFileInfo::exists(checkpoint), "the run ended or stalled before its second checkpoint");
        child.kill();
        child.waitForFinished();
        QVERIFY2(trainRecords(run).size() < 36, "the run finished before it could be killed");

        const CliResult resumed = runCli({QStringLiteral("train"), QStringLiteral("--resume"), QStringLiteral("--out"), run});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err + resumed.text()));
        const auto expected = trainRecords(dir_.filePath(QStringLiteral("full")));
        const auto got = trainRecords(run);
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < got.size(); ++i)
            for (const char* key : {"step", "loss", "l_van", "lr", "grad_norm"})
                QCOMPARE(got[i].value(QLatin1String(key)).toDouble(), expected[i].value(QLatin1String(key)).toDouble());
    }

    void mistakesNameTheKey() {
        const QString bad = dir_.filePath(QStringLiteral("bad.yaml"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("model: {scratch: {tokenizer: t}}\ndata: [a.npz]\ntraining: {batch_sise: 4}\n");
        file.close();
        const CliResult r = runCli({QStringLiteral("train"), bad, QStringLiteral("--out"), dir_.filePath(QStringLiteral("bad"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("training.batch_sise is not a known key")), qPrintable(r.err));
        const CliResult noRun = runCli({QStringLiteral("train"), QStringLiteral("--resume"), QStringLiteral("--out"),
                                        dir_.filePath(QStringLiteral("nothing"))});
        QCOMPARE(noRun.exitCode, 1);
        QVERIFY2(noRun.err.contains(QStringLiteral("no run to resume")), qPrintable(noRun.err));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "test_cli_train.moc"
