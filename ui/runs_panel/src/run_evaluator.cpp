#include "run_evaluator.h"

#include "run_launcher.h"
#include "vitask/ui/runs_panel/runs_panel.h"
#include "vitask/ui/runs_panel/vitask_cli.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vitask::ui {

RunEvaluator::RunEvaluator(QObject* parent) : QObject(parent) {
    connect(&process_, &QProcess::finished, this, &RunEvaluator::done);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(request_.runFolder, RunsPanel::tr("Could not start %1: %2.").arg(vitaskCliPath(), process_.errorString()));
    });
}

RunEvaluator::~RunEvaluator() {
    process_.disconnect(this);
    if (running()) {
        process_.kill();
        process_.waitForFinished(5000);
    }
}

bool RunEvaluator::start(const EvaluationRequest& request, QString* error) {
    const auto fail = [&](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (running()) return fail(RunsPanel::tr("An evaluation of %1 is running; wait for it to finish.").arg(QDir(request_.runFolder).dirName()));
    if (const auto problem = vitaskCliProblem(); !problem.isEmpty()) return fail(problem);
    const QDir run(request.runFolder);
    if (!QFileInfo::exists(run.filePath(QStringLiteral("final/vitask.json"))))
        return fail(RunsPanel::tr("%1 has no final model yet (final/vitask.json). Evaluate a finished run.")
                        .arg(QDir::toNativeSeparators(run.absolutePath())));
    if (request.dataFiles.isEmpty()) return fail(RunsPanel::tr("Choose at least one dataset file to evaluate on."));
    for (const auto& file : request.dataFiles)
        if (!QFileInfo(file).isReadable())
            return fail(RunsPanel::tr("The dataset %1 cannot be read. Choose its current location.").arg(file));
    if (request.exemplar && request.tsm.isEmpty())
        return fail(RunsPanel::tr("Evaluating with the exemplar needs the run's TSM, and its configuration names none."));
    QStringList arguments{QStringLiteral("eval"), QStringLiteral("--model"), run.filePath(QStringLiteral("final"))};
    for (const auto& file : request.dataFiles) arguments << QStringLiteral("--data") << file;
    arguments << QStringLiteral("--split") << request.split << QStringLiteral("--method") << request.method
              << QStringLiteral("--variant") << request.variant;
    if (request.exemplar) arguments << QStringLiteral("--tsm") << request.tsm << QStringLiteral("--exemplar");
    arguments << QStringLiteral("--out") << run.filePath(QStringLiteral("eval")) << QStringLiteral("--json");
    request_ = request;
    process_.setWorkingDirectory(run.absolutePath());
    process_.start(vitaskCliPath(), arguments);
    return true;
}

void RunEvaluator::done(int exitCode, QProcess::ExitStatus status) {
    const QByteArray out = process_.readAllStandardOutput();
    const QString errors = QString::fromUtf8(process_.readAllStandardError()).trimmed();
    if (status != QProcess::NormalExit || exitCode != 0) {
        const QString last = errors.section(QLatin1Char('\n'), -3);
        Q_EMIT failed(request_.runFolder, RunsPanel::tr("vitask eval failed (exit %1): %2").arg(exitCode).arg(last.isEmpty() ? RunsPanel::tr("no message") : last));
        return;
    }
    QStringList lines;
    for (const auto& value : QJsonDocument::fromJson(out).array()) {
        const auto result = value.toObject();
        lines << RunsPanel::tr("%1: accuracy %2, macro-F1 %3")
                     .arg(result.value(QStringLiteral("instruction")).toString())
                     .arg(result.value(QStringLiteral("mean_accuracy")).toDouble(), 0, 'f', 4)
                     .arg(result.value(QStringLiteral("mean_macro_f1")).toDouble(), 0, 'f', 4);
    }
    Q_EMIT finished(request_.runFolder, lines.join(QLatin1Char('\n')));
}

}  // namespace vitask::ui
