#include "known_runs.h"

#include "vitask/ui/settings/studio_settings.h"

namespace vitask::ui {
namespace {

const QString kKey = QStringLiteral("runs/folders");

}  // namespace

QStringList loadKnownRuns() {
    QStringList folders = StudioSettings::open().value(kKey).toStringList();
    folders.removeAll(QString());
    folders.removeDuplicates();
    return folders;
}

void saveKnownRuns(const QStringList& folders) { StudioSettings::open().setValue(kKey, folders); }

}  // namespace vitask::ui
