#include "wizard_paths.h"

#include "vitask/common/user_paths.h"
#include "vitask/ui/settings/studio_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace vitask::ui {
namespace {

QString fromPath(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

}  // namespace

QString defaultVitaskProgram() {
    const QString fromEnvironment = qEnvironmentVariable("VITASK_CLI");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/vitask");
    return QFileInfo(beside).isExecutable() ? beside : QStringLiteral("vitask");
}

QString defaultScratchTokenizer() {
    const QString relative = QStringLiteral("tokenizers/vitask-scratch");
    QStringList candidates;
    const QString source = qEnvironmentVariable("VITASK_SOURCE_DIR");
    if (!source.isEmpty()) candidates << source + QStringLiteral("/resources/") + relative;
    // A build tree (build/bin, build/ui/...) sits below the source tree's resources/.
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 4 && dir.cdUp(); ++up) candidates << dir.filePath(QStringLiteral("resources/") + relative);
    for (const auto& candidate : candidates)
        if (QFileInfo::exists(candidate + QStringLiteral("/tokenizer.model"))) return QDir::cleanPath(candidate);
    return {};
}

QString runsFolder() {
    return StudioSettings::open()
        .value(QStringLiteral("folders/runs"), fromPath(userDataDir() / "runs"))
        .toString();
}

void setRunsFolder(const QString& folder) { StudioSettings::open().setValue(QStringLiteral("folders/runs"), folder); }

QString userTsmFolder() { return fromPath(userConfigDir() / "tsm"); }

QString defaultSynthFolder() { return fromPath(userDataDir() / "datasets" / "synth"); }

}  // namespace vitask::ui
