#pragma once
// Starting `vitask train` for a run: detached in a session of its own (QProcess::
// startDetached), so the run outlives the studio, a crash of it and a Ctrl+C in its
// terminal; its console output goes to stdout.log and stderr.log in the run folder.

#include <QString>
#include <QStringList>

namespace vitask::ui {

inline constexpr const char* kStdoutFile = "stdout.log";
inline constexpr const char* kStderrFile = "stderr.log";

struct Launch {
    qint64 pid = 0;  // the trainer's process; 0 when it did not start
    QString error;   // why not, naming the file or folder and what to do
};

// `vitask train CONFIG --out RUN`; with `tsmTrainArgs`, `vitask TSM_TRAIN_ARGS` first
// (the TSM the configuration names, e.g. `tsm train --data ... --out ...`), in the same
// detached session: a shell that runs it and then execs the trainer, so the trainer keeps
// the pid returned here. Refuses a missing program or configuration and a folder that
// already holds a run.
Launch startTraining(const QString& configYaml, const QString& runFolder, const QStringList& tsmTrainArgs = {});
// `vitask train --resume --out RUN`.
Launch resumeTraining(const QString& runFolder);
// Empty when the vitask program can be run; else what is wrong and what to do.
QString vitaskCliProblem();

}  // namespace vitask::ui
