#pragma once
// What the CLI tests of images, answers and bad input share: references computed by
// readers nobody here wrote (/usr/bin/python3 with pydicom, nibabel, numpy and PIL, as
// scripts/install-deps.sh installs them), the built-in demo's files, and the check that a
// refused input ended as an error a user can act on, not as a crash.

#include "cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

struct PythonResult {
    bool ok = false;
    QJsonObject json;  // what the script printed (one JSON object)
    QString err;
};

// Runs `script` with /usr/bin/python3 (Debian's, where python3-pydicom & co. live, not a
// virtual environment's), `arguments` as sys.argv[1:]; the script prints one JSON object.
inline PythonResult runPython(const QString& script, const QStringList& arguments = {}) {
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral("-c"), script} + arguments);
    if (!python.waitForFinished(120000)) return {false, {}, QStringLiteral("python3 timed out")};
    const QByteArray out = python.readAllStandardOutput();
    const QString err = QString::fromUtf8(python.readAllStandardError());
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) return {false, {}, err + QString::fromUtf8(out)};
    return {true, QJsonDocument::fromJson(out).object(), err};
}

// Empty when /usr/bin/python3 imports every module named, else what to install.
inline QString missingPythonModules(const QStringList& modules) {
    const auto probe = runPython(QStringLiteral("import importlib, json, sys\n"
                                                "missing = []\n"
                                                "for m in sys.argv[1:]:\n"
                                                "    try: importlib.import_module(m)\n"
                                                "    except ImportError: missing.append(m)\n"
                                                "print(json.dumps({'missing': missing}))\n"),
                                 modules);
    if (!probe.ok) return QStringLiteral("/usr/bin/python3 does not run (install python3): ") + probe.err;
    QStringList packages;
    for (const auto& m : probe.json.value(QStringLiteral("missing")).toVariant().toStringList())
        packages << (m == QStringLiteral("PIL") ? QStringLiteral("python3-pil") : QStringLiteral("python3-") + m);
    if (packages.isEmpty()) return {};
    return QStringLiteral("/usr/bin/python3 lacks ") + packages.join(QStringLiteral(", ")) +
           QStringLiteral(": install them (scripts/install-deps.sh installs them)");
}

// The built-in demo (resources/demo): its studies, model and TSM.
inline QString demo(const QString& relative = {}) {
    const QString root = qEnvironmentVariable("VITASK_SOURCE_DIR") + QStringLiteral("/resources/demo");
    return relative.isEmpty() ? root : root + QLatin1Char('/') + relative;
}

inline QString demoChest() { return demo(QStringLiteral("studies/chest_xray/chest_01.dcm")); }
inline QString demoModel() { return demo(QStringLiteral("vitask-demo")); }
inline QString demoTsm() { return demo(QStringLiteral("tsm/demo-resnet10.tsm.json")); }

inline QString pydicomFile(const QString& name) {
    return QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/") + name;
}
inline QString nibabelFile(const QString& name) {
    return QStringLiteral("/usr/lib/python3/dist-packages/nibabel/tests/data/") + name;
}

inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes the first `fraction` of `from` to `to` (a download or copy cut short).
inline bool writeTruncated(const QString& from, const QString& to, double fraction = 0.5) {
    const QByteArray bytes = readFile(from);
    return !bytes.isEmpty() && writeFile(to, bytes.left(static_cast<int>(bytes.size() * fraction)));
}

// Copies a folder's files (not subfolders) into `to`, created if missing.
inline bool copyFolder(const QString& from, const QString& to) {
    if (!QDir().mkpath(to)) return false;
    for (const auto& name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name)) return false;
    return true;
}

// Empty when `r` is a refusal a user can act on: exit status 1 (docs/cli.md: 2 is an
// internal error, a signal shows as -2), the "error: " line, every one of `needles` in
// it, and no sign of a crash (an uncaught exception, an assertion, a LibTorch backtrace).
// Otherwise what is wrong, with stderr, for QVERIFY2.
inline QString refusalProblem(const CliResult& r, const QStringList& needles) {
    QStringList problems;
    if (r.exitCode != 1) problems << QStringLiteral("exit status %1, expected 1").arg(r.exitCode);
    if (!r.err.contains(QStringLiteral("error: "))) problems << QStringLiteral("no \"error: \" line");
    for (const char* crash : {"terminate called", "internal error", "Exception raised from", "what():", "Assertion",
                              "Segmentation fault", "core dumped", "Aborted"})
        if (r.err.contains(QLatin1String(crash))) problems << QStringLiteral("crash sign '%1'").arg(QLatin1String(crash));
    for (const auto& needle : needles)
        if (!r.err.contains(needle)) problems << QStringLiteral("'%1' not said").arg(needle);
    if (problems.isEmpty()) return {};
    return problems.join(QStringLiteral("; ")) + QStringLiteral("\nstderr:\n") + r.err;
}
