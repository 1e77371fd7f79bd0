#pragma once
// Manifests for the tests, written at test time next to the shared ONNX fixture
// (../shared/fixtures/squeezenet_tsm.onnx: input 'image' [N,3,64,64], outputs
// 'logits' [N,7] and 'features' [N,512]).

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace vitask::tsm::test {

std::filesystem::path fixture(const std::string& name);  // $VITASK_SHARED_DIR/fixtures/<name>

// A manifest that matches the fixture; "onnx" is the fixture's absolute path.
nlohmann::json fixtureManifest(const std::string& name = "squeezenet-demo");

// Writes `manifest` as <folder>/<fileName> and returns its path.
std::filesystem::path writeManifest(const std::filesystem::path& folder, const nlohmann::json& manifest,
                                    const std::string& fileName = "model.tsm.json");

}  // namespace vitask::tsm::test
