#include "synth_runner.h"

#include <QDir>

namespace vitask::ui {

SynthRunner::SynthRunner(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::readyReadStandardOutput, this, &SynthRunner::readOutput);
    connect(&process_, &QProcess::finished, this, &SynthRunner::onFinished);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT finished(false, {}, tr("Could not start %1 (%2). Set the vitask program in VITASK_CLI or install it "
                                          "beside the studio.")
                                           .arg(program_, process_.errorString()));
    });
}

SynthRunner::~SynthRunner() {
    // A child outliving the wizard would write files nobody asked for any more.
    if (running()) {
        process_.disconnect(this);
        process_.kill();
        process_.waitForFinished(5000);
    }
}

void SynthRunner::start(const SynthRequest& request) {
    if (running()) return;
    expected_.clear();
    for (const auto& stem : request.modalities)
        expected_ << QDir::cleanPath(request.folder + u'/' + stem + QStringLiteral(".npz"));
    written_ = 0;
    cancelled_ = false;
    QStringList arguments{QStringLiteral("data"),  QStringLiteral("synth"), QStringLiteral("--out"), request.folder,
                          QStringLiteral("--train"), QString::number(request.train), QStringLiteral("--val"),
                          QString::number(request.val), QStringLiteral("--test"), QString::number(request.test),
                          QStringLiteral("--size"), QString::number(request.size)};
    for (const auto& stem : request.modalities) arguments << QStringLiteral("--modality") << stem;
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    Q_EMIT progress(0, int(expected_.size()));
    process_.start(program_, arguments);
}

void SynthRunner::cancel() {
    if (!running()) return;
    cancelled_ = true;
    process_.kill();
}

void SynthRunner::readOutput() {
    // One line per dataset written: "<path>  <modality>, N classes, ...".
    while (process_.canReadLine()) {
        process_.readLine();
        Q_EMIT progress(++written_, int(expected_.size()));
    }
}

void SynthRunner::onFinished(int exitCode, QProcess::ExitStatus status) {
    readOutput();
    if (cancelled_) {
        Q_EMIT finished(false, {}, tr("Cancelled."));
        return;
    }
    if (status != QProcess::NormalExit || exitCode != 0) {
        QString message = QString::fromUtf8(process_.readAllStandardError()).trimmed();
        if (message.isEmpty()) message = tr("vitask data synth stopped (exit code %1).").arg(exitCode);
        Q_EMIT finished(false, {}, message);
        return;
    }
    Q_EMIT finished(true, expected_, {});
}

}  // namespace vitask::ui
