#include "tsm_folders.h"

#include "vitask/common/user_paths.h"

#include <cstdlib>
#include <sstream>
#include <string>
#include <system_error>

namespace vitask::ui {
namespace {

namespace fs = std::filesystem;

// As TsmRegistry::applicationPluginDir(): <directory of the executable>/../lib/vitask/plugins.
fs::path applicationPluginFolder() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return (exe.parent_path() / ".." / "lib" / "vitask" / "plugins").lexically_normal();
}

// A colon-separated list, empty entries skipped (as the registry reads it).
std::vector<fs::path> pathList(const char* variable) {
    std::vector<fs::path> out;
    const char* value = std::getenv(variable);
    if (!value) return out;
    std::stringstream in(value);
    std::string entry;
    while (std::getline(in, entry, ':'))
        if (!entry.empty()) out.emplace_back(entry);
    return out;
}

void append(std::vector<TsmFolder>& out, TsmFolder::Holds holds, const fs::path& user, const char* variable) {
    if (auto app = applicationPluginFolder(); !app.empty()) out.push_back({app, holds, false});
    out.push_back({user, holds, true});
    for (auto& folder : pathList(variable)) out.push_back({std::move(folder), holds, false});
}

}  // namespace

fs::path userManifestFolder() { return userConfigDir() / "tsm"; }

fs::path userPluginFolder() { return userConfigDir() / "plugins"; }

std::vector<TsmFolder> tsmSearchFolders() {
    std::vector<TsmFolder> out;
    append(out, TsmFolder::Holds::Manifests, userManifestFolder(), "VITASK_TSM_PATH");
    append(out, TsmFolder::Holds::Plugins, userPluginFolder(), "VITASK_PLUGIN_PATH");
    return out;
}

}  // namespace vitask::ui
