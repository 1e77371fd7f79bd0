#pragma once
// Reading a JSON file (manifests, configs, sidecars, run state) with the errors every
// caller wants: the file named, and what to do.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace vitask {

// Throws vitask::Error naming `path`: "cannot open <what>" (with `remedy`) when it cannot
// be read, "is not valid JSON: ..." (with parser's position) when it does not parse.
nlohmann::json readJsonFile(const std::filesystem::path& path, const std::string& what = "the file",
                            const std::string& remedy = "Check that the file exists and is readable.");

}  // namespace vitask
