// Data-parallel `vitask train` on c10d/Gloo, as users start it: `--nproc 2` (the same
// variables torchrun sets) against one process with the same global batch. Step for
// step the same losses, the same final weights and test metrics (within float32
// reduction order); a process killed mid-run stops the other with the message within the
// timeout, and the run resumes in one process; a batch that does not divide is refused.
#include "small_training_run.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <cmath>
#include <cstring>

namespace {

QList<QJsonObject> records(const QString& run, const QString& type) {
    QList<QJsonObject> out;
    for (const auto& record : metricsRecords(run))
        if (record.value(QStringLiteral("type")).toString() == type) out.append(record);
    return out;
}

// The float32 tensors of a safetensors file, by name.
QMap<QString, QVector<float>> readSafetensors(const QString& path) {
    QFile file(path);
    QMap<QString, QVector<float>> out;
    if (!file.open(QIODevice::ReadOnly)) return out;
    const QByteArray bytes = file.readAll();
    quint64 headerSize = 0;
    std::memcpy(&headerSize, bytes.constData(), 8);
    const auto header = QJsonDocument::fromJson(bytes.mid(8, static_cast<int>(headerSize))).object();
    const char* data = bytes.constData() + 8 + headerSize;
    for (auto it = header.begin(); it != header.end(); ++it) {
        const auto entry = it.value().toObject();
        if (entry.value(QStringLiteral("dtype")).toString() != QStringLiteral("F32")) continue;
        const auto offsets = entry.value(QStringLiteral("data_offsets")).toArray();
        const auto begin = offsets[0].toInteger(), end = offsets[1].toInteger();
        QVector<float> values(static_cast<int>((end - begin) / 4));
        std::memcpy(values.data(), data + begin, static_cast<size_t>(end - begin));
        out.insert(it.key(), values);
    }
    return out;
}

bool close(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance * (1 + std::abs(b)); }

}  // namespace

class TestCliTrainDistributed : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString config_;

    QString writeConfig(const QString& name, const QString& extraTraining, int crtEpochs) {
        QFile base(config_);
        if (!base.open(QIODevice::ReadOnly)) return {};
        QString text = QString::fromUtf8(base.readAll());
        // A second stage with CRT: its loss is a mean over other tokens than L_van's.
        text.replace(QStringLiteral("checkpoint_every: 4}"), QStringLiteral("checkpoint_every: 4") + extraTraining + "}");
        text += QStringLiteral("  - {name: crt, epochs: %1, lr: 1.0e-3, losses: {van: 1, crt: 0.3}, trainable: [language]}\n")
                    .arg(crtEpochs);
        const QString path = dir_.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) return {};
        out.write(text.toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        config_ = prepareSmallTrainingRun(dir_, &error);
        QVERIFY2(!config_.isEmpty(), qPrintable(error));
    }

    void twoProcessesTrainAsOne() {
        const QString config = writeConfig(QStringLiteral("dp.yaml"), {}, 1);
        const QString one = dir_.filePath(QStringLiteral("one")), two = dir_.filePath(QStringLiteral("two"));
        const CliResult single = runCli({QStringLiteral("train"), config, QStringLiteral("--out"), one});
        QVERIFY2(single.exitCode == 0, qPrintable(single.err));
        const CliResult pair =
            runCli({QStringLiteral("train"), config, QStringLiteral("--out"), two, QStringLiteral("--nproc"), QStringLiteral("2")});
        QVERIFY2(pair.exitCode == 0, qPrintable(pair.err + pair.text()));
        // Rank 0 alone reports and writes: one progress line per step, not two.
        QCOMPARE(pair.text().count(QStringLiteral("] step 1/")), 1);

        const auto expected = records(one, QStringLiteral("train")), got = records(two, QStringLiteral("train"));
        QCOMPARE(got.size(), 48);  // 36 warm-up steps + 12 CRT steps
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < got.size(); ++i)
            for (const char* key : {"loss", "l_van", "l_crt", "grad_norm"}) {
                const double a = got[i].value(QLatin1String(key)).toDouble(), b = expected[i].value(QLatin1String(key)).toDouble();
                QVERIFY2(close(a, b, 2e-4), qPrintable(QStringLiteral("step %1 %2: %3 vs %4").arg(i + 1).arg(key).arg(a).arg(b)));
            }
        const auto weightsOne = readSafetensors(one + QStringLiteral("/final/model.safetensors"));
        const auto weightsTwo = readSafetensors(two + QStringLiteral("/final/model.safetensors"));
        QVERIFY(!weightsOne.isEmpty());
        QCOMPARE(weightsTwo.keys(), weightsOne.keys());
        double worst = 0;
        for (auto it = weightsOne.begin(); it != weightsOne.end(); ++it) {
            const auto& other = weightsTwo[it.key()];
            for (int k = 0; k < it.value().size(); ++k) worst = std::max(worst, double(std::abs(it.value()[k] - other[k])));
        }
        QVERIFY2(worst < 1e-3, qPrintable(QStringLiteral("largest weight difference %1").arg(worst)));
        // Validation after each stage and the test split, each process scoring its block.
        const auto evalOne = records(one, QStringLiteral("eval")), evalTwo = records(two, QStringLiteral("eval"));
        QCOMPARE(evalTwo.size(), 3);
        QCOMPARE(evalTwo.size(), evalOne.size());
        for (int i = 0; i < evalOne.size(); ++i)
            QCOMPARE(evalTwo[i].value(QStringLiteral("macro_f1")).toDouble(), evalOne[i].value(QStringLiteral("macro_f1")).toDouble());
        QFile predictionsOne(one + QStringLiteral("/eval/test_score_predictions.jsonl"));
        QFile predictionsTwo(two + QStringLiteral("/eval/test_score_predictions.jsonl"));
        QVERIFY(predictionsOne.open(QIODevice::ReadOnly) && predictionsTwo.open(QIODevice::ReadOnly));
        QCOMPARE(predictionsTwo.readAll().count('\n'), predictionsOne.readAll().count('\n'));
        QFile status(two + QStringLiteral("/status.json"));
        QVERIFY(status.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(status.readAll()).object().value(QStringLiteral("world_size")).toInt(), 2);
    }

    void aKilledProcessStopsTheOtherAndTheRunResumesAlone() {
        const QString config = writeConfig(QStringLiteral("kill.yaml"), QStringLiteral(", distributed_timeout_s: 20"), 8);
        const QString run = dir_.filePath(QStringLiteral("killed"));
        QProcess launcher;
        QTemporaryDir data;
        startCli(launcher, {QStringLiteral("train"), config, QStringLiteral("--out"), run, QStringLiteral("--nproc"), QStringLiteral("2")},
                 data);
        QVERIFY(launcher.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (!QFileInfo::exists(run + QStringLiteral("/checkpoints/step-00000008")) && timer.elapsed() < 120000 &&
               launcher.state() == QProcess::Running)
            QThread::msleep(5);
        // The launcher's children, in rank order; rank 1 dies without a word.
        QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(launcher.processId()));
        QVERIFY(children.open(QIODevice::ReadOnly));
        const auto pids = QString::fromUtf8(children.readAll()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QCOMPARE(pids.size(), 2);
        QVERIFY(::kill(pids[1].toInt(), SIGKILL) == 0);
        timer.restart();
        QVERIFY(launcher.waitForFinished(60000));
        QVERIFY2(timer.elapsed() < 50000, "the other process did not stop within its timeout");
        QVERIFY(launcher.exitCode() != 0);
        const QString err = QString::fromUtf8(launcher.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("training process 0 of 2")) && err.contains(QStringLiteral("--resume")),
                 qPrintable(err));

        const CliResult resumed = runCli({QStringLiteral("train"), QStringLiteral("--resume"), QStringLiteral("--out"), run});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err + resumed.text()));
        QCOMPARE(records(run, QStringLiteral("train")).size(), 36 + 8 * 12);
        QVERIFY(QFile::exists(run + QStringLiteral("/final/vitask.json")));
    }

    void aBatchThatDoesNotDivideIsRefused() {
        const CliResult r = runCli({QStringLiteral("train"), config_, QStringLiteral("--out"),
                                    dir_.filePath(QStringLiteral("three")), QStringLiteral("--nproc"), QStringLiteral("3")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("training.batch_size 8 does not divide among 3 processes")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliTrainDistributed)
#include "test_cli_train_distributed.moc"
