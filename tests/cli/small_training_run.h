#pragma once
// The small training run of the CLI's training tests (test_cli_train,
// test_cli_train_faults): 96 synthetic chest X-rays and a scratch model that trains for
// 36 steps, a checkpoint every 4, in a few seconds on one thread.
#include "cli_runner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTemporaryDir>

// Every record of a run's metrics.jsonl, in order.
inline QList<QJsonObject> metricsRecords(const QString& run) {
    QFile file(run + QStringLiteral("/metrics.jsonl"));
    QList<QJsonObject> out;
    if (!file.open(QIODevice::ReadOnly)) return out;
    for (const auto& line : file.readAll().split('\n'))
        if (!line.isEmpty()) out.append(QJsonDocument::fromJson(line).object());
    return out;
}

// Writes the data and `run.yaml` into `dir`; returns the configuration's path, or an
// empty string (after reporting through `error`) when the data could not be made.
inline QString prepareSmallTrainingRun(const QTemporaryDir& dir, QString* error) {
    const CliResult synth = runCli({QStringLiteral("data"), QStringLiteral("synth"), QStringLiteral("--out"),
                                    dir.filePath(QStringLiteral("synth")), QStringLiteral("--train"), QStringLiteral("96"),
                                    QStringLiteral("--val"), QStringLiteral("16"), QStringLiteral("--test"),
                                    QStringLiteral("16"), QStringLiteral("--modality"), QStringLiteral("chest_xray")});
    if (synth.exitCode != 0) {
        *error = synth.err;
        return {};
    }
    const QString config = dir.filePath(QStringLiteral("run.yaml"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write ") + config;
        return {};
    }
    file.write(QStringLiteral(
                   "preset: custom\nseed: 5\nthreads: 1\n"
                   "model:\n  scratch: {tokenizer: %1/resources/tokenizers/vitask-scratch, image_size: 28, "
                   "patch_size: 7, vision_width: 48, vision_layers: 2, text_width: 64, text_layers: 2, heads: 4}\n"
                   "data: [synth/synth_chest_xray.npz]\n"
                   "training: {batch_size: 8, log_every: 1, checkpoint_every: 4}\n"
                   "stages:\n"
                   "  - {name: warmup, epochs: 3, lr: 2.0e-3, losses: {van: 1}, trainable: [vision, projector, language]}\n")
                   .arg(qEnvironmentVariable("VITASK_SOURCE_DIR"))
                   .toUtf8());
    return config;
}
