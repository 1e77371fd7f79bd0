// Faults during a long `vitask train`, each on a real child process: SIGKILL at 20 random
// moments (half of them while a checkpoint is being written), each followed by --resume,
// must end bit-identical to an uninterrupted run; a full disk (RLIMIT_FSIZE) during a
// checkpoint keeps the previous checkpoint and stops with a clear message; a model too big
// for memory stops with "out of memory" and what to do, not a crash.
#include "small_training_run.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <sys/resource.h>

namespace {

// Every metrics record, without the one field that measures time.
QList<QJsonObject> metricRecords(const QString& run) {
    QList<QJsonObject> out = metricsRecords(run);
    for (auto& record : out) record.remove(QStringLiteral("samples_per_s"));
    return out;
}

QByteArray sha256Of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// Checkpoint folders being written (.incomplete-step-N) in a run.
QStringList incompleteCheckpoints(const QString& run) {
    return QDir(run + QStringLiteral("/checkpoints")).entryList({QStringLiteral(".incomplete-*")}, QDir::Dirs | QDir::Hidden);
}

QStringList checkpoints(const QString& run) {
    return QDir(run + QStringLiteral("/checkpoints")).entryList({QStringLiteral("step-*")}, QDir::Dirs, QDir::Name);
}

}  // namespace

class TestCliTrainFaults : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString config_;
    QString full_;
    qint64 fullMs_ = 0;

    QStringList trainArguments(const QString& run) const {
        // A run whose configuration is written resumes; one killed before that starts again.
        if (QFile::exists(run + QStringLiteral("/config.yaml")))
            return {QStringLiteral("train"), QStringLiteral("--resume"), QStringLiteral("--out"), run};
        return {QStringLiteral("train"), config_, QStringLiteral("--out"), run};
    }

    // The run ends where the uninterrupted one did: every metric, the final weights and
    // configuration byte for byte, the test score, and no checkpoint left half-written.
    void compareWithFullRun(const QString& run) {
        QCOMPARE(metricRecords(run), metricRecords(full_));
        for (const char* file : {"final/model.safetensors", "final/config.json", "eval/test_score.json"}) {
            const QString name = QLatin1String(file);
            QVERIFY2(!sha256Of(run + QLatin1Char('/') + name).isEmpty(), qPrintable(run + QLatin1Char('/') + name));
            QVERIFY2(sha256Of(run + QLatin1Char('/') + name) == sha256Of(full_ + QLatin1Char('/') + name), qPrintable(name));
        }
        QVERIFY2(incompleteCheckpoints(run).isEmpty(), qPrintable(incompleteCheckpoints(run).join(QLatin1Char(' '))));
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        config_ = prepareSmallTrainingRun(dir_, &error);
        QVERIFY2(!config_.isEmpty(), qPrintable(error));
        full_ = dir_.filePath(QStringLiteral("full"));
        QElapsedTimer timer;
        timer.start();
        const CliResult full = runCli({QStringLiteral("train"), config_, QStringLiteral("--out"), full_});
        fullMs_ = timer.elapsed();
        QVERIFY2(full.exitCode == 0, qPrintable(full.err + full.text()));
        QCOMPARE(checkpoints(full_).size(), 2);  // keep_last_checkpoints
    }

    void twentyKillsAtRandomMomentsEndBitIdentical() {
        // The moments are random, but a failure names its seed: VITASK_KILL_SEED repeats them.
        const quint32 seed = qEnvironmentVariableIsSet("VITASK_KILL_SEED")
                                 ? qEnvironmentVariable("VITASK_KILL_SEED").toUInt()
                                 : QRandomGenerator::global()->generate();
        qInfo("kill seed %u (VITASK_KILL_SEED=%u repeats this test's moments)", seed, seed);
        QRandomGenerator random(seed);
        int kills = 0, duringCheckpoint = 0, runs = 0;
        while (kills < 20) {
            // One run directory, killed until a start happens to finish.
            const QString run = dir_.filePath(QStringLiteral("killed-%1").arg(++runs));
            for (bool finished = false; !finished;) {
                // A checkpoint folder left half-written by an earlier kill is not a new one.
                const QStringList leftOver = incompleteCheckpoints(run);
                QProcess child;
                child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
                child.start(qEnvironmentVariable("VITASK_CLI"), trainArguments(run));
                QVERIFY(child.waitForStarted());
                const bool atCheckpoint = kills % 2 == 1;
                const qint64 delay = atCheckpoint ? 0 : random.bounded(fullMs_);
                QElapsedTimer timer;
                timer.start();
                // Wait for the moment: a random time, or a checkpoint being written.
                while (child.state() == QProcess::Running &&
                       (atCheckpoint ? incompleteCheckpoints(run) == leftOver : timer.elapsed() < delay))
                    child.waitForFinished(atCheckpoint ? 0 : 1);
                if (child.state() == QProcess::Running && kills < 20) {
                    child.kill();  // SIGKILL: no handler, no clean-up
                    QVERIFY(child.waitForFinished(30000));
                    ++kills;
                    const QStringList after = incompleteCheckpoints(run);
                    if (!after.isEmpty() && after != leftOver) ++duringCheckpoint;
                    continue;
                }
                if (child.state() != QProcess::NotRunning) QVERIFY(child.waitForFinished(600000));
                QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                         qPrintable(QStringLiteral("seed %1: a start of %2 failed").arg(seed).arg(run)));
                finished = true;
            }
            compareWithFullRun(run);
            if (QTest::currentTestFailed()) {
                qWarning("seed %u: %s is kept for a look", seed, qPrintable(run));
                dir_.setAutoRemove(false);
                return;
            }
        }
        qInfo("%d kills over %d runs, %d of them during a checkpoint write", kills, runs, duringCheckpoint);
        QVERIFY2(duringCheckpoint >= 1, "no kill landed inside a checkpoint write");
    }

    void fullDiskDuringCheckpointKeepsThePreviousOne() {
        const QString run = dir_.filePath(QStringLiteral("disk-full"));
        // First a run killed after its first two checkpoints...
        QProcess child;
        child.start(qEnvironmentVariable("VITASK_CLI"), trainArguments(run));
        QVERIFY(child.waitForStarted());
        while (child.state() == QProcess::Running && checkpoints(run).size() < 2) child.waitForFinished(1);
        child.kill();
        child.waitForFinished();
        const QStringList before = checkpoints(run);
        QCOMPARE(before.size(), 2);
        const QString last = run + QStringLiteral("/checkpoints/") + before.last();
        const QByteArray weights = sha256Of(last + QStringLiteral("/weights.safetensors"));
        const QByteArray state = sha256Of(last + QStringLiteral("/trainer_state.json"));

        // ...then resumed where no file may grow past half a checkpoint's weights: the
        // next checkpoint cannot be written, as on a full disk.
        const qint64 limit = QFileInfo(last + QStringLiteral("/weights.safetensors")).size() / 2;
        QProcess resumed;
        resumed.setChildProcessModifier([limit] {
            const rlimit size{static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
            ::setrlimit(RLIMIT_FSIZE, &size);
        });
        resumed.start(qEnvironmentVariable("VITASK_CLI"), trainArguments(run));
        QVERIFY(resumed.waitForFinished(600000));
        const QString err = QString::fromUtf8(resumed.readAllStandardError());
        QCOMPARE(resumed.exitStatus(), QProcess::NormalExit);
        QCOMPARE(resumed.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("cannot write the checkpoint of step")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("File too large")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("it resumes from ") + before.last() + QStringLiteral(", which is intact")), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("internal error")), qPrintable(err));
        // The checkpoint it resumed from is untouched, nothing half-written stays behind...
        QVERIFY(checkpoints(run).contains(before.last()));
        QCOMPARE(sha256Of(last + QStringLiteral("/weights.safetensors")), weights);
        QCOMPARE(sha256Of(last + QStringLiteral("/trainer_state.json")), state);
        QVERIFY(incompleteCheckpoints(run).isEmpty());
        // ...and with space again the run ends as if nothing had happened.
        const CliResult again = runCli(trainArguments(run));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        compareWithFullRun(run);
    }

    void modelTooBigForMemoryIsAClearError() {
        // 256 GiB for one matrix of the language model: no machine running the tests has it
        // (ASan hands back null instead of aborting with allocator_may_return_null).
        QString huge = config_;
        huge.replace(QStringLiteral("run.yaml"), QStringLiteral("huge.yaml"));
        QFile in(config_), out(huge);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace("text_width: 64", "text_width: 262144"));
        out.close();
        const CliResult r = runCli({QStringLiteral("train"), huge, QStringLiteral("--out"), dir_.filePath(QStringLiteral("huge"))},
                                   {{QStringLiteral("ASAN_OPTIONS"), QStringLiteral("allocator_may_return_null=1")}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("error: out of memory: 256.0 GiB were asked for at once. Use a smaller model")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("internal error")), qPrintable(r.err));
    }

    void crashingTsmPluginIsProbedNeverLoaded() {
        // Exemplar prompting with a compiled TSM that segfaults as soon as it is used:
        // `vitask train` and `vitask eval` probe it in a child first, so they end with a
        // message naming it (exit 1) instead of dying, and the run writes no checkpoint.
        const QString plugin = QStringLiteral(VITASK_TEST_CRASHING_PLUGIN_DIR "/broken_segfault.so");
        QVERIFY2(QFile::exists(plugin), qPrintable(plugin));
        QString withTsm = config_;
        withTsm.replace(QStringLiteral("run.yaml"), QStringLiteral("crashing-tsm.yaml"));
        QFile in(config_), out(withTsm);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace("losses: {van: 1}", "losses: {van: 1, ep: 1}") + "tsm: " + plugin.toUtf8() + "\n");
        out.close();
        QTemporaryDir cache;
        const QMap<QString, QString> environment{{QStringLiteral("VITASK_CACHE_DIR"), cache.path()}};
        const QString expected = QStringLiteral("broken_segfault.so");
        const QString run = dir_.filePath(QStringLiteral("crashing-tsm"));
        const CliResult train = runCli({QStringLiteral("train"), withTsm, QStringLiteral("--out"), run}, environment);
        QCOMPARE(train.exitCode, 1);
        QVERIFY2(train.err.contains(expected) && train.err.contains(QStringLiteral("crashed with SIGSEGV")), qPrintable(train.err));
        QVERIFY2(checkpoints(run).isEmpty(), qPrintable(checkpoints(run).join(QLatin1Char(' '))));

        const CliResult eval = runCli({QStringLiteral("eval"), QStringLiteral("--model"), full_ + QStringLiteral("/final"),
                                       QStringLiteral("--data"), dir_.filePath(QStringLiteral("synth/synth_chest_xray.npz")),
                                       QStringLiteral("--exemplar"), QStringLiteral("--tsm"), plugin},
                                      environment);
        QCOMPARE(eval.exitCode, 1);
        QVERIFY2(eval.err.contains(expected) && eval.err.contains(QStringLiteral("crashed with SIGSEGV")), qPrintable(eval.err));
    }
};

QTEST_GUILESS_MAIN(TestCliTrainFaults)
#include "test_cli_train_faults.moc"
