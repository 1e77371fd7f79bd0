#include "weights_hash.h"

#include "vitask/common/json_file.h"
#include "vitask/common/sha256.h"
#include "vitask/tsm/tsm_loader.h"

#include <algorithm>

namespace vitask::service::detail {

namespace fs = std::filesystem;

std::string weightsHash(std::vector<fs::path> files) {
    if (files.empty()) return {};
    if (files.size() == 1) return "sha256:" + sha256OfFile(files.front());
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
    std::string listing;  // as `sha256sum` prints it
    for (const auto& file : files) listing += sha256OfFile(file) + "  " + file.filename().string() + "\n";
    return "sha256:" + sha256Hex(listing);
}

std::vector<fs::path> modelWeightFiles(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() == ".safetensors") files.push_back(entry.path());
    return files;
}

std::vector<fs::path> tsmWeightFiles(const fs::path& source) {
    if (tsm::isPluginLibrary(source)) return {source};
    // The manifest was read and checked when the TSM loaded; only the file name is wanted.
    const auto manifest = readJsonFile(source, "the TSM manifest");
    for (const char* key : {"onnx", "weights"})
        if (manifest.contains(key) && manifest[key].is_string())
            return {source.parent_path() / manifest[key].get<std::string>()};
    return {};
}

}  // namespace vitask::service::detail
