#include "vitask/tsm/tsm_loader.h"

#include "vitask/common/error.h"
#include "vitask/tsm/builtin_tsm.h"
#include "vitask/tsm/plugin_api.h"
#include "vitask/tsm/tsm_manifest.h"

#include "builtin_manifest.h"
#include "plugin_tsm.h"

#ifdef VITASK_TSM_WITH_ONNX
#include "onnx_tsm.h"
#endif

#include <nlohmann/json.hpp>

#include <fstream>

namespace vitask::tsm {
namespace {

// What a broken manifest still tells: its name if it has one, else the file's stem.
TsmInfo brokenInfo(const std::filesystem::path& manifest, const std::string& error) {
    TsmInfo info;
    info.kind = manifestKind(manifest);
    info.source = manifest;
    info.status = TsmStatus::Broken;
    info.error = error;
    info.name = manifest.filename().string();
    if (const auto suffix = std::string(TsmManifest::kSuffix); info.name.size() > suffix.size() &&
                                                              info.name.compare(info.name.size() - suffix.size(), suffix.size(), suffix) == 0)
        info.name.resize(info.name.size() - suffix.size());
    std::error_code ec;
    std::ifstream in;
    if (std::filesystem::is_regular_file(manifest, ec)) in.open(manifest);  // a folder: no name or kind to read
    const auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object()) {
        if (doc.contains("name") && doc["name"].is_string() && !doc["name"].get<std::string>().empty())
            info.name = doc["name"].get<std::string>();
        if (doc.contains("version") && doc["version"].is_string()) info.version = doc["version"].get<std::string>();
    }
    return info;
}

// A plug-in that cannot load tells nothing about itself: it is named after its file,
// without the "lib" prefix a CMake SHARED library gets.
TsmInfo brokenPluginInfo(const std::filesystem::path& library, const std::string& error) {
    TsmInfo info;
    info.kind = "plugin";
    info.source = library;
    info.status = TsmStatus::Broken;
    info.error = error;
    info.name = library.stem().string();
    if (info.name.size() > 3 && info.name.compare(0, 3, "lib") == 0) info.name.erase(0, 3);
    return info;
}

}  // namespace

bool isPluginLibrary(const std::filesystem::path& path) { return path.extension() == kPluginSuffix; }

bool onnxBackendAvailable() {
#ifdef VITASK_TSM_WITH_ONNX
    return true;
#else
    return false;
#endif
}

std::unique_ptr<Tsm> openTsm(const std::filesystem::path& source) {
    if (isPluginLibrary(source)) return PluginTsm::load(source);
    if (manifestKind(source) == BuiltinTsm::kKind) return BuiltinTsm::load(source);
    const auto m = TsmManifest::read(source);
#ifdef VITASK_TSM_WITH_ONNX
    return OnnxTsm::load(m);
#else
    throw Error("this build of VITask has no ONNX backend", m.subject("onnx"),
                "Use a build with VITASK_IMAGING=ON (OpenCV DNN) to run ONNX TSMs.");
#endif
}

TsmInfo inspectTsm(const std::filesystem::path& source) {
    try {
        return openTsm(source)->info();
    } catch (const std::exception& e) {  // vitask::Error, and anything a backend let through
        return isPluginLibrary(source) ? brokenPluginInfo(source, e.what()) : brokenInfo(source, e.what());
    }
}

}  // namespace vitask::tsm
