#pragma once
// Which TSMs the Plug-ins page may delete, and deleting them: only what was added to the
// user's own folders (a manifest under userManifestFolder(), a plug-in directly in
// userPluginFolder()). Never a built-in checkpoint (its weights are someone's training
// run), nor anything the application or $VITASK_TSM_PATH / $VITASK_PLUGIN_PATH provide.
// For an ONNX TSM only the manifest goes: the .onnx file it names is the user's and stays.

#include "vitask/service/ask.h"

#include <QCoreApplication>
#include <QString>

namespace vitask::ui {

class TsmRemoval {
    Q_DECLARE_TR_FUNCTIONS(TsmRemoval)
public:
    // Whether `tsm` may be removed; if not, `why` (when given) says why and what to do.
    static bool allowed(const service::TsmEntry& tsm, QString* why = nullptr);
    // Deletes its manifest or library; false, with the reason in `why`, when it is not
    // allowed or the file cannot be deleted.
    static bool remove(const service::TsmEntry& tsm, QString* why = nullptr);
};

}  // namespace vitask::ui
