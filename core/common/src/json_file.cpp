#include "vitask/common/json_file.h"

#include "vitask/common/error.h"

#include <fstream>

namespace vitask {

nlohmann::json readJsonFile(const std::filesystem::path& path, const std::string& what, const std::string& remedy) {
    std::ifstream in(path);
    if (!in) throw Error("cannot open " + what, path.string(), remedy);
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("is not valid JSON: ") + e.what(), path.string());
    }
}

}  // namespace vitask
