#pragma once
// Every TSM a user can pick: scans folders for `*.tsm.json` manifests (ONNX models and
// built-in LibTorch checkpoints, builtin_tsm.h; each folder and
// its direct subfolders) and for compiled plug-ins (`*.so` directly in a plug-in folder;
// subfolders are left alone, as that is where a plug-in keeps the libraries it needs),
// loads each to learn its metadata and status, and creates TSMs by name. A broken TSM is
// listed with its error and never hides the others.
//
// Manifests are searched in (first folder wins when two TSMs share a name; the later one
// is listed as Broken, naming the one that shadows it):
//   1. folders given by the caller (e.g. `vitask tsm list --path DIR`),
//   2. the application's plug-in folder, <prefix>/lib/vitask/plugins,
//   3. the user's folder, userConfigDir()/tsm (~/.config/vitask-studio/tsm),
//   4. each entry of $VITASK_TSM_PATH (colon separated).
// Plug-ins are searched in, after all manifests (a manifest wins a shared name):
//   1. folders given by the caller,
//   2. the application's plug-in folder,
//   3. the user's folder, userConfigDir()/plugins,
//   4. each entry of $VITASK_PLUGIN_PATH (colon separated).
//
// Compiled plug-ins run third-party code. Given a probe (PluginProbeOptions with the
// `vitask` program: the studio and `vitask tsm list` give one), each plug-in is first
// loaded in a child process (`vitask tsm probe`, plugin_probe.h); one that crashes,
// hangs, runs out of memory or is refused there is listed as Broken with that verdict
// and its library is never opened in this process. Without a probe (tests, and the
// `tsm probe` child itself) plug-ins are loaded here directly.

#include "vitask/tsm/plugin_probe.h"
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
    // Manifest folders 2-4 above, in order.
    static std::vector<std::filesystem::path> defaultSearchPaths();
    // Plug-in folders 2-4 above, in order.
    static std::vector<std::filesystem::path> defaultPluginSearchPaths();

    // Scans `extraFolders` then defaultSearchPaths() and defaultPluginSearchPaths().
    // `probe`: how plug-ins are checked in a child process first (disabled by default).
    explicit TsmRegistry(std::vector<std::filesystem::path> extraFolders = {}, PluginProbeOptions probe = {});
    // Scans exactly `folders`, for manifests and plug-ins (tests, embedding applications).
    static TsmRegistry withFolders(std::vector<std::filesystem::path> folders, PluginProbeOptions probe = {});

    // Scans the folders again (manifests added, removed or fixed since; plug-ins added or
    // removed, but a library already loaded in this process is not reloaded).
    void rescan();

    // Where manifests are searched, then where plug-ins are.
    const std::vector<std::filesystem::path>& searchPaths() const { return folders_; }
    const std::vector<std::filesystem::path>& pluginSearchPaths() const { return pluginFolders_; }
    // Every TSM found, in search order, ready or broken.
    const std::vector<TsmInfo>& list() const { return entries_; }
    // The entry of that name, or nullptr.
    const TsmInfo* find(const std::string& name) const;

    // Creates the TSM of that name. Throws vitask::Error when none has it (listing the
    // names there are) or when it is broken (with its error). A probed plug-in is checked
    // against the probe's cache again first (the file may have changed since the scan).
    std::unique_ptr<Tsm> create(const std::string& name) const;

    // The probe plug-ins go through, or nullptr when they are loaded directly.
    const PluginProbe* pluginProbe() const { return probe_.get(); }

private:
    struct FromFolders {};
    TsmRegistry(FromFolders, std::vector<std::filesystem::path> folders, PluginProbeOptions probe);

    std::vector<std::filesystem::path> folders_;
    std::vector<std::filesystem::path> pluginFolders_;
    std::vector<TsmInfo> entries_;
    std::shared_ptr<PluginProbe> probe_;  // shared: a registry is copied and moved freely
};

}  // namespace vitask::tsm
