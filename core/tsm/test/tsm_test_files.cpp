#include "tsm_test_files.h"

#include <cstdlib>
#include <fstream>

namespace vitask::tsm::test {

std::filesystem::path fixture(const std::string& name) {
    const char* shared = std::getenv("VITASK_SHARED_DIR");
    return std::filesystem::path(shared ? shared : "../shared") / "fixtures" / name;
}

nlohmann::json fixtureManifest(const std::string& name) {
    return {
        {"name", name},
        {"version", "1.0"},
        {"description", "SqueezeNet 1.1 features, 7-class head (random weights)"},
        {"onnx", std::filesystem::absolute(fixture("squeezenet_tsm.onnx")).string()},
        {"input", {{"name", "image"}, {"size", {64, 64}}, {"channels", 3},
                   {"mean", {0.485, 0.456, 0.406}}, {"std", {0.229, 0.224, 0.225}}}},
        {"outputs", {{"logits", "logits"}, {"features", "features"}}},
        {"labels", {"akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"}},
        {"activation", "softmax"},
    };
}

std::filesystem::path writeManifest(const std::filesystem::path& folder, const nlohmann::json& manifest,
                                    const std::string& fileName) {
    std::filesystem::create_directories(folder);
    const auto path = folder / fileName;
    std::ofstream(path) << manifest.dump(2);
    return path;
}

}  // namespace vitask::tsm::test
