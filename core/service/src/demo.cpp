#include "vitask/service/demo.h"

#include "vitask/common/error.h"
#include "vitask/common/json_file.h"

namespace vitask::service {
namespace fs = std::filesystem;

namespace {

constexpr const char* kRemedy =
    "Reinstall vitask-studio, or make the demo again: scripts/make_demo.py --vitask build/bin/vitask "
    "--out build/demo --ship resources/demo.";

fs::path existing(const fs::path& folder, const nlohmann::json& json, const char* key, const fs::path& file) {
    if (!json.contains(key) || !json[key].is_string()) throw Error(std::string("has no \"") + key + "\" path", file.string(), kRemedy);
    const fs::path path = (folder / json[key].get<std::string>()).lexically_normal();
    if (!fs::exists(path)) throw Error(std::string("names a missing ") + key + ": " + path.string(), file.string(), kRemedy);
    return path;
}

}  // namespace

Demo readDemo(const fs::path& folder) {
    Demo demo;
    demo.folder = fs::absolute(folder).lexically_normal();
    const fs::path file = demo.folder / "demo.json";
    const auto json = readJsonFile(file, "the demo's description", kRemedy);
    if (json.value("format_version", 0) != 1)
        throw Error("has format_version " + jsonText(json.value("format_version", nlohmann::json())) + ", this studio reads 1",
                    file.string(), kRemedy);
    demo.model = existing(demo.folder, json, "model", file);
    demo.tsm = existing(demo.folder, json, "tsm", file);
    for (const auto& study : json.value("studies", nlohmann::json::array())) {
        DemoStudy item;
        item.folder = existing(demo.folder, study, "folder", file);
        item.task = study.value("task", std::string{});
        item.question = study.value("question", std::string{});
        demo.studies.push_back(std::move(item));
    }
    if (demo.studies.empty()) throw Error("lists no studies", file.string(), kRemedy);
    for (const auto& volume : json.value("volumes", nlohmann::json::array()))
        demo.volumes.push_back(existing(demo.folder, volume, "folder", file));
    return demo;
}

std::optional<fs::path> findDemoFolder(const std::vector<fs::path>& candidates) {
    for (const auto& candidate : candidates) {
        std::error_code error;
        if (!candidate.empty() && fs::is_regular_file(candidate / "demo.json", error))
            return fs::absolute(candidate).lexically_normal();
    }
    return std::nullopt;
}

}  // namespace vitask::service
