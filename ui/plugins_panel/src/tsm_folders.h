#pragma once
// The folders the TSM registry searches (core/tsm/include/vitask/tsm/tsm_registry.h,
// docs/formats.md), in its order. Worked out here because the registry's header brings
// LibTorch, which ui/ does not include; test_plugins_panel holds the two in step by
// comparing them with the registry's own list (`vitask tsm list --json`).

#include <filesystem>
#include <vector>

namespace vitask::ui {

struct TsmFolder {
    enum class Holds { Manifests, Plugins };
    std::filesystem::path path;
    Holds holds = Holds::Manifests;
    bool user = false;  // the user's own folder: the page adds and removes TSMs only there
};

// Manifest folders, then plug-in folders: the application's, the user's, then
// $VITASK_TSM_PATH (resp. $VITASK_PLUGIN_PATH). Folders given to the engine on top
// (EngineSettings::tsmFolders) are not included: the studio gives none.
std::vector<TsmFolder> tsmSearchFolders();

// userConfigDir()/tsm: where "Add ONNX TSM" writes manifests.
std::filesystem::path userManifestFolder();
// userConfigDir()/plugins: where the user puts compiled plug-ins.
std::filesystem::path userPluginFolder();

}  // namespace vitask::ui
