#pragma once
// Real models for the service tests, written at test time from the shared fixtures: the
// tiny LLaVA checkpoint as is, the same with an exemplar connector saved as a VITask
// model (untrained, but a real model folder), and a manifest for the ONNX TSM fixture
// (SqueezeNet features, 7 dermatoscopy labels, feature width 512).

#include "vitask/service/ask.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::service::test {

std::filesystem::path fixture(const std::string& name);      // $VITASK_SHARED_DIR/fixtures/<name>
std::filesystem::path tinyLlava();                             // the Hugging Face folder
const std::vector<std::string>& tsmLabels();                   // the ONNX TSM's 7 labels

// Writes a VITask model folder (tiny LLaVA + an EP connector of `exemplarWidth`, seeded)
// listing the task "dermamnist" (dermatoscope, tsmLabels()), and with `secondTask` also
// "chest" (chest X-ray: normal, effusion).
std::filesystem::path writeVitaskModel(const std::filesystem::path& folder, int64_t exemplarWidth,
                                       bool secondTask = false);
// Writes a LLaVA folder of the studio's scratch tokenizer and random weights, big enough
// (8 decoder layers of width 512, 1024 positions) that an answer takes seconds on a CPU:
// for tests that cancel mid-answer or watch the UI while it works.
std::filesystem::path writeSlowLlava(const std::filesystem::path& folder);
// Writes <folder>/squeezenet-demo.tsm.json for the ONNX fixture and returns its path.
std::filesystem::path writeTsmManifest(const std::filesystem::path& folder);
// A free question: "Describe the image."
AskRequest describeTheImage();
// A real CT image from python3-pydicom's test files (empty when not installed).
std::filesystem::path pydicomCtSmall();
// Writes <folder>/dermamnist.npz, a MedMNIST-layout subset (28 px RGB; 4 train, 2 val
// and `testSamples` test samples; sample i of a split has label i % 7 and the pixels
// dermaMnistPixel(i, y, x, c)), and returns its path.
std::filesystem::path writeDermaMnist(const std::filesystem::path& folder, int testSamples = 5);
uint8_t dermaMnistPixel(int sample, int y, int x, int c);

}  // namespace vitask::service::test
