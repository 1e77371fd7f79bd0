#include "tsm_removal.h"

#include "tsm_folders.h"

#include <filesystem>
#include <system_error>

namespace vitask::ui {
namespace {

namespace fs = std::filesystem;

QString text(const fs::path& path) { return QString::fromStdString(path.string()); }

// Compared after resolving links and "..", so a link into the user's folder from
// elsewhere does not make a foreign file removable.
bool isWithin(const fs::path& path, const fs::path& folder) {
    std::error_code ec, folderEc;
    const auto resolved = fs::weakly_canonical(path, ec);
    const auto relative = resolved.lexically_relative(fs::weakly_canonical(folder, folderEc));
    return !ec && !folderEc && !relative.empty() && *relative.begin() != "..";
}

bool inUserFolder(const service::TsmEntry& tsm) {
    if (tsm.kind == "plugin") {
        // Directly in it: the registry leaves subfolders to the libraries a plug-in needs.
        std::error_code ec, userEc;
        const auto folder = fs::weakly_canonical(tsm.source.parent_path(), ec);
        const auto user = fs::weakly_canonical(userPluginFolder(), userEc);
        return !ec && !userEc && folder == user;
    }
    return isWithin(tsm.source, userManifestFolder());
}

bool refuse(QString* why, const QString& reason) {
    if (why) *why = reason;
    return false;
}

}  // namespace

bool TsmRemoval::allowed(const service::TsmEntry& tsm, QString* why) {
    const QString name = QString::fromStdString(tsm.name);
    if (tsm.kind == "builtin")
        return refuse(why, tr("“%1” is a built-in checkpoint (%2): the studio does not delete trained weights. "
                              "Delete its folder yourself if you no longer need it.")
                               .arg(name, text(tsm.source)));
    if (!inUserFolder(tsm))
        return refuse(why, tr("%1 is not in your folders (%2 for manifests, %3 for plug-ins): the studio removes only "
                              "TSMs added there. Remove the file yourself if you mean to.")
                               .arg(text(tsm.source), text(userManifestFolder()), text(userPluginFolder())));
    return true;
}

bool TsmRemoval::remove(const service::TsmEntry& tsm, QString* why) {
    if (!allowed(tsm, why)) return false;
    std::error_code ec;
    if (!fs::remove(tsm.source, ec) || ec)
        return refuse(why, tr("Could not delete %1: %2. Check that it still exists and that you may write to its "
                              "folder.")
                               .arg(text(tsm.source),
                                    ec ? QString::fromStdString(ec.message()) : tr("it does not exist")));
    return true;
}

}  // namespace vitask::ui
