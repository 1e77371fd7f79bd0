#include "vitask/common/json_file.h"

#include "vitask/common/input_file.h"

#include "vitask/common/error.h"

#include <fstream>

namespace vitask {

nlohmann::json readJsonFile(const std::filesystem::path& path, const std::string& what, const std::string& remedy) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error("cannot open " + what + " (it does not exist)", path.string(), remedy);
    std::ifstream in = openInputFile(path, what);
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("is not valid JSON: ") + e.what(), path.string());
    }
}

std::string jsonText(const nlohmann::json& json, int indent) {
    return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vitask
