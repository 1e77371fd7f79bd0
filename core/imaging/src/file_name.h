#pragma once
// File types are told by their extension, case-insensitively: the helpers every reader,
// writer and the study catalog use for that.

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

namespace vitask::imaging::detail {

// The file name of `file`, lower case ("CT.NII.GZ" -> "ct.nii.gz").
inline std::string lowerFileName(const std::filesystem::path& file) {
    std::string name = file.filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

// Whether `name` ends with `suffix` and has something before it.
inline bool endsWith(const std::string& name, const std::string& suffix) {
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace vitask::imaging::detail
