#include "vitask/tsm/tsm_registry.h"

#include "vitask/common/error.h"
#include "vitask/common/user_paths.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_manifest.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>
#include <system_error>

namespace vitask::tsm {
namespace fs = std::filesystem;
namespace {

bool isManifest(const fs::path& path) {
    const auto name = path.filename().string();
    const std::string suffix = TsmManifest::kSuffix;
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Matching files in `folder` (and its direct subfolders when `subfolders`: one folder per
// model is the usual layout for manifests), sorted so that listings are stable.
std::vector<fs::path> filesIn(const fs::path& folder, bool (*matches)(const fs::path&), bool subfolders) {
    std::vector<fs::path> found;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        spdlog::debug("TSM folder {} does not exist; skipped", folder.string());
        return found;
    }
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) spdlog::warn("cannot read the TSM folder {}: {}", folder.string(), ec.message());
    for (; !ec && it != end; it.increment(ec)) {
        if (it.depth() >= 1 || !subfolders) it.disable_recursion_pending();
        if (it->is_regular_file(ec) && matches(it->path())) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<fs::path> splitPathList(const char* value) {
    std::vector<fs::path> out;
    if (!value) return out;
    std::stringstream in(value);
    std::string entry;
    while (std::getline(in, entry, ':'))
        if (!entry.empty()) out.emplace_back(entry);
    return out;
}

}  // namespace

fs::path TsmRegistry::applicationPluginDir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return (exe.parent_path() / ".." / "lib" / "vitask" / "plugins").lexically_normal();
}

std::vector<fs::path> TsmRegistry::defaultSearchPaths() {
    std::vector<fs::path> folders;
    if (auto app = applicationPluginDir(); !app.empty()) folders.push_back(app);
    folders.push_back(userConfigDir() / "tsm");
    for (auto& entry : splitPathList(std::getenv("VITASK_TSM_PATH"))) folders.push_back(std::move(entry));
    return folders;
}

std::vector<fs::path> TsmRegistry::defaultPluginSearchPaths() {
    std::vector<fs::path> folders;
    if (auto app = applicationPluginDir(); !app.empty()) folders.push_back(app);
    folders.push_back(userConfigDir() / "plugins");
    for (auto& entry : splitPathList(std::getenv("VITASK_PLUGIN_PATH"))) folders.push_back(std::move(entry));
    return folders;
}

namespace {

std::shared_ptr<PluginProbe> probeFrom(PluginProbeOptions options) {
    return options.enabled() ? std::make_shared<PluginProbe>(std::move(options)) : nullptr;
}

// What a plug-in that failed its probe tells: its file name (as the loader names a
// plug-in that cannot load), the verdict as its error.
TsmInfo refusedPlugin(const fs::path& library, const ProbeVerdict& verdict) {
    TsmInfo info;
    info.kind = "plugin";
    info.source = library;
    info.status = TsmStatus::Broken;
    info.error = verdict.error(library);
    info.name = library.stem().string();
    if (info.name.size() > 3 && info.name.compare(0, 3, "lib") == 0) info.name.erase(0, 3);
    return info;
}

}  // namespace

TsmRegistry::TsmRegistry(std::vector<fs::path> extraFolders, PluginProbeOptions probe)
    : folders_(extraFolders), pluginFolders_(extraFolders), probe_(probeFrom(std::move(probe))) {
    for (auto& folder : defaultSearchPaths()) folders_.push_back(std::move(folder));
    for (auto& folder : defaultPluginSearchPaths()) pluginFolders_.push_back(std::move(folder));
    rescan();
}

TsmRegistry::TsmRegistry(FromFolders, std::vector<fs::path> folders, PluginProbeOptions probe)
    : folders_(folders), pluginFolders_(std::move(folders)), probe_(probeFrom(std::move(probe))) {
    rescan();
}

TsmRegistry TsmRegistry::withFolders(std::vector<fs::path> folders, PluginProbeOptions probe) {
    return TsmRegistry(FromFolders{}, std::move(folders), std::move(probe));
}

void TsmRegistry::rescan() {
    entries_.clear();
    std::map<std::string, fs::path> byName;
    std::vector<fs::path> seen;  // a folder listed twice (or nested in another) is read once
    std::vector<fs::path> sources;
    for (const auto& folder : folders_)
        for (auto& manifest : filesIn(folder, isManifest, /*subfolders=*/true)) sources.push_back(std::move(manifest));
    for (const auto& folder : pluginFolders_)
        for (auto& library : filesIn(folder, isPluginLibrary, /*subfolders=*/false)) sources.push_back(std::move(library));
    for (const auto& source : sources) {
        std::error_code ec;
        const auto canonical = fs::weakly_canonical(source, ec);
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);

        TsmInfo info;
        if (probe_ && isPluginLibrary(source)) {
            // Into this process only what loaded cleanly in a child first.
            const auto verdict = probe_->check(source);
            info = verdict.ok() ? inspectTsm(source) : refusedPlugin(source, verdict);
        } else {
            info = inspectTsm(source);
        }
        if (auto [it, fresh] = byName.emplace(info.name, source); !fresh) {
            info.status = TsmStatus::Broken;
            info.error = source.string() + ": the name '" + info.name + "' is already taken by " +
                         it->second.string() + ", found earlier in the search path. Rename one of them.";
        }
        if (!info.ready()) spdlog::debug("TSM '{}' cannot be used: {}", info.name, info.error);
        entries_.push_back(std::move(info));
    }
}

const TsmInfo* TsmRegistry::find(const std::string& name) const {
    // The first of that name: a later duplicate is listed, but never chosen.
    for (const auto& info : entries_)
        if (info.name == name) return &info;
    return nullptr;
}

std::unique_ptr<Tsm> TsmRegistry::create(const std::string& name) const {
    const auto* info = find(name);
    if (!info) {
        std::string names;
        for (const auto& e : entries_) names += (names.empty() ? "" : ", ") + e.name;
        std::string folders;
        for (const auto& f : folders_) folders += (folders.empty() ? "" : ", ") + f.string();
        std::string pluginFolders;
        for (const auto& f : pluginFolders_) pluginFolders += (pluginFolders.empty() ? "" : ", ") + f.string();
        throw Error("no TSM of that name was found (available: " + (names.empty() ? std::string("none") : names) +
                        "; searched for manifests in: " + folders + "; for plug-ins in: " + pluginFolders + ")",
                    "TSM '" + name + "'",
                    "Put its *.tsm.json manifest in one of those folders or in $VITASK_TSM_PATH, or its "
                    "compiled plug-in (*.so) in a plug-in folder or in $VITASK_PLUGIN_PATH.");
    }
    if (!info->ready()) throw Error(info->error, "TSM '" + name + "'");
    if (probe_ && isPluginLibrary(info->source)) probe_->require(info->source);
    return openTsm(info->source);
}

}  // namespace vitask::tsm
