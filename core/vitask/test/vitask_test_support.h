#pragma once
// Helpers shared by the recipe module's tests.

#include "vitask/common/error.h"

#include <QProcess>
#include <QString>

#include <functional>

namespace vitask::recipe::test {

// Runs a NumPy snippet with `np` imported and `path` bound to the given file (the test
// writes its inputs this way); false when Python or numpy fails.
inline bool runNumpy(const QString& code, const QString& path) {
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral("-c"), QStringLiteral("import sys, numpy as np\npath = sys.argv[1]\n") + code, path});
    if (!process.waitForFinished(60000)) return false;
    if (process.exitCode() != 0) qWarning("%s", process.readAllStandardError().constData());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// The message of the vitask::Error that `action` throws, or empty when it throws none.
inline QString errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const vitask::Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace vitask::recipe::test
