#pragma once
// Reading a JSON file (manifests, configs, sidecars, run state) with the errors every
// caller wants: the file named, and what to do; and writing JSON text that cannot fail.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace vitask {

// Throws vitask::Error naming `path`: "cannot open <what>" (with `remedy`) when it cannot
// be read, "is not valid JSON: ..." (with parser's position) when it does not parse.
nlohmann::json readJsonFile(const std::filesystem::path& path, const std::string& what = "the file",
                            const std::string& remedy = "Check that the file exists and is readable.");

// The text of `json` (indent -1: one line), for files and output. Strings VITask puts
// into JSON can hold bytes that are not UTF-8 (a path on a Latin-1 file system, a DICOM
// description in ISO 8859-1): they are written as U+FFFD, where nlohmann::json's plain
// dump() would throw and end the command.
std::string jsonText(const nlohmann::json& json, int indent = -1);

}  // namespace vitask
