#pragma once
// Every TSM a user can pick: scans folders for `*.tsm.json` manifests (each folder and
// its direct subfolders), loads each to learn its metadata and status, and creates TSMs
// by name. A broken TSM is listed with its error and never hides the others.
//
// Search order (first folder wins when two TSMs share a name; the later one is listed
// as Broken, naming the one that shadows it):
//   1. folders given by the caller (e.g. `vitask tsm list --path DIR`),
//   2. the application's plug-in folder, <prefix>/lib/vitask/plugins,
//   3. the user's folder, userConfigDir()/tsm (~/.config/vitask-studio/tsm),
//   4. each entry of $VITASK_TSM_PATH (colon separated).

#include "vitask/tsm/tsm.h"
#include "vitask/tsm/tsm_info.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace vitask::tsm {

class TsmRegistry {
public:
    // <directory of the running executable>/../lib/vitask/plugins.
    static std::filesystem::path applicationPluginDir();
    // Folders 2-4 above, in order.
    static std::vector<std::filesystem::path> defaultSearchPaths();

    // Scans `extraFolders` then defaultSearchPaths().
    explicit TsmRegistry(std::vector<std::filesystem::path> extraFolders = {});
    // Scans exactly `folders` (tests, embedding applications).
    static TsmRegistry withFolders(std::vector<std::filesystem::path> folders);

    // Scans the folders again (manifests added, removed or fixed since).
    void rescan();

    const std::vector<std::filesystem::path>& searchPaths() const { return folders_; }
    // Every TSM found, in search order, ready or broken.
    const std::vector<TsmInfo>& list() const { return entries_; }
    // The entry of that name, or nullptr.
    const TsmInfo* find(const std::string& name) const;

    // Creates the TSM of that name. Throws vitask::Error when none has it (listing the
    // names there are) or when it is broken (with its error).
    std::unique_ptr<Tsm> create(const std::string& name) const;

private:
    struct FromFolders {};
    TsmRegistry(FromFolders, std::vector<std::filesystem::path> folders);

    std::vector<std::filesystem::path> folders_;
    std::vector<TsmInfo> entries_;
};

}  // namespace vitask::tsm
