#include "run_launcher.h"

#include "vitask/ui/runs_panel/runs_panel.h"
#include "vitask/ui/runs_panel/vitask_cli.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace vitask::ui {
namespace {

// `program arguments`, detached, in the run folder, its console appended to the run's files.
Launch startDetached(const QString& program, const QStringList& arguments, const QString& runFolder) {
    if (const auto problem = vitaskCliProblem(); !problem.isEmpty()) return {0, problem};
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(runFolder);
    // Appended: the console of every session of the run, as train.log keeps its log.
    process.setStandardOutputFile(QDir(runFolder).filePath(QLatin1String(kStdoutFile)), QIODevice::Append);
    process.setStandardErrorFile(QDir(runFolder).filePath(QLatin1String(kStderrFile)), QIODevice::Append);
    process.setStandardInputFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid) || pid <= 0)
        return {0, RunsPanel::tr("Could not start %1: %2. Check that it runs from a terminal.")
                       .arg(program, process.errorString())};
    return {pid, {}};
}

}  // namespace

QString vitaskCliPath() {
    const QString fromEnvironment = qEnvironmentVariable("VITASK_CLI");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    return QCoreApplication::applicationDirPath() + QStringLiteral("/vitask");
}

QString vitaskCliProblem() {
    const QFileInfo cli(vitaskCliPath());
    if (!cli.exists())
        return RunsPanel::tr("The vitask program is missing: %1 does not exist. Install it beside the studio, or set "
                             "VITASK_CLI to its path.")
            .arg(cli.filePath());
    if (!cli.isFile() || !cli.isExecutable())
        return RunsPanel::tr("%1 is not an executable program. Set VITASK_CLI to the vitask binary.").arg(cli.filePath());
    return {};
}

Launch startTraining(const QString& configYaml, const QString& runFolder, const QStringList& tsmTrainArgs) {
    const QFileInfo config(configYaml);
    if (!config.isFile() || !config.isReadable())
        return {0, RunsPanel::tr("The run configuration %1 cannot be read. Choose an existing YAML file.").arg(configYaml)};
    if (runFolder.trimmed().isEmpty()) return {0, RunsPanel::tr("Choose a folder for the run.")};
    const QDir run(runFolder);
    if (run.exists(QStringLiteral("config.yaml")))
        return {0, RunsPanel::tr("%1 already holds a run. Resume it from the list, or choose another folder.")
                       .arg(QDir::toNativeSeparators(run.absolutePath()))};
    if (!QDir().mkpath(run.absolutePath()))
        return {0, RunsPanel::tr("Cannot create the run folder %1. Choose a folder you can write to.")
                       .arg(QDir::toNativeSeparators(run.absolutePath()))};
    const QStringList train{QStringLiteral("train"), config.absoluteFilePath(), QStringLiteral("--out"), run.absolutePath()};
    if (tsmTrainArgs.isEmpty()) return startDetached(vitaskCliPath(), train, run.absolutePath());
    // sh -c SCRIPT sh CLI CONFIG RUN TSM_ARGS...: the arguments reach the programs as they
    // are (no quoting), and exec leaves the trainer in the shell's process.
    const QString script = QStringLiteral(
        "cli=$1; config=$2; run=$3; shift 3; \"$cli\" \"$@\" && exec \"$cli\" train \"$config\" --out \"$run\"");
    return startDetached(QStringLiteral("/bin/sh"),
                         QStringList{QStringLiteral("-c"), script, QStringLiteral("sh"), vitaskCliPath(),
                                     config.absoluteFilePath(), run.absolutePath()} +
                             tsmTrainArgs,
                         run.absolutePath());
}

Launch resumeTraining(const QString& runFolder) {
    const QDir run(runFolder);
    if (!run.exists(QStringLiteral("config.yaml")))
        return {0, RunsPanel::tr("%1 holds no run to resume (no config.yaml). Start a new run instead.")
                       .arg(QDir::toNativeSeparators(run.absolutePath()))};
    return startDetached(vitaskCliPath(),
                         {QStringLiteral("train"), QStringLiteral("--resume"), QStringLiteral("--out"), run.absolutePath()},
                         run.absolutePath());
}

}  // namespace vitask::ui
