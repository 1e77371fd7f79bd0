#pragma once
// Runs the `vitask` program ($VITASK_CLI, set by CTest), or another of ours, as a real
// child process, as a user would, for the CLI and studio tests.

#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

struct CliResult {
    int exitCode;   // -1: timed out, -2: crashed
    QByteArray out;
    QString err;

    QString text() const { return QString::fromUtf8(out); }
};

// `environment` entries are set for the child (an empty value removes the variable).
// Unless given, VITASK_DATA_DIR is a fresh temporary folder, so log files stay out of
// the user's home.
inline CliResult runProgram(const QString& program, const QStringList& arguments,
                            const QMap<QString, QString>& environment = {}) {
    QTemporaryDir data;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VITASK_DATA_DIR"), data.path());
    for (auto it = environment.begin(); it != environment.end(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(120000)) return {-1, {}, QStringLiteral("timed out")};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

// Starts `vitask` in the background (for tests that kill it, or serve it meanwhile), its
// VITASK_DATA_DIR in `data`.
inline void startCli(QProcess& process, const QStringList& arguments, const QTemporaryDir& data) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VITASK_DATA_DIR"), data.path());
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("VITASK_CLI"), arguments);
}

inline CliResult runCli(const QStringList& arguments, const QMap<QString, QString>& environment = {}) {
    return runProgram(qEnvironmentVariable("VITASK_CLI"), arguments, environment);
}

// A file of the shared reference fixtures (../shared/fixtures).
inline QString fixture(const QString& name) {
    return qEnvironmentVariable("VITASK_SHARED_DIR") + QStringLiteral("/fixtures/") + name;
}

// A real CT image from python3-pydicom's test files.
inline QString pydicomCtSmall() {
    return QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
}
