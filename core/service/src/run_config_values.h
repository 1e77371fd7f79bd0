#pragma once
// A run's config.yaml as the Runs page compares it: flattened to dotted keys, with the
// datasets and the TSM that `vitask eval` needs. Read with the trainer's own parser, so
// what is compared is what the trainer ran.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace vitask::service {

struct RunConfigValues {
    std::vector<std::pair<std::string, std::string>> values;  // "training.batch_size" -> "8", in the file's order
    std::vector<std::filesystem::path> dataFiles;
    std::filesystem::path tsm;
};

// Throws vitask::Error (naming the key) when the text is not a run configuration.
RunConfigValues flattenRunConfig(const std::string& yaml, const std::filesystem::path& source);

}  // namespace vitask::service
