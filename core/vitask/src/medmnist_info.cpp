#include "vitask/vitask/medmnist_info.h"

#include <algorithm>
#include <cctype>

namespace vitask::recipe {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

}  // namespace

const MedMnistInfo* findMedMnistInfo(const std::string& name) {
    const std::string wanted = lower(name);
    for (const auto& info : medMnistCatalog())
        if (info.name == wanted) return &info;
    return nullptr;
}

const MedMnistInfo* medMnistInfoForFile(const std::string& path) {
    // The file name without folder and extension: "/d/BloodMNIST_64.npz" -> "bloodmnist_64".
    std::string stem = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    if (const auto dot = stem.find('.'); dot != std::string::npos) stem.resize(dot);
    stem = lower(stem);
    // MedMNIST+ names its larger releases <name>_64, _128, _224; a trailing _<digits> is a size.
    if (const auto underscore = stem.rfind('_'); underscore != std::string::npos && underscore + 1 < stem.size() &&
        std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(underscore) + 1, stem.end(),
                    [](unsigned char c) { return std::isdigit(c); }))
        stem.resize(underscore);
    return findMedMnistInfo(stem);
}

}  // namespace vitask::recipe
