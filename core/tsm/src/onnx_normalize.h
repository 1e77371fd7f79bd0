#pragma once
// Rewrites an ONNX classifier graph into the operator forms OpenCV 4.6's ONNX importer
// reads, without changing what it computes. PyTorch exports at opsets 11 to 17 use
// forms that importer predates or mishandles (inputs where it expects attributes,
// Identity on weights, ...); each pass below turns one such form into an older,
// equivalent one. What no pass covers is left for OpenCV to accept or refuse.

#include <cstdint>
#include <string>
#include <vector>

namespace onnx {
class ModelProto;
}

namespace vitask::tsm {

// Rewrites `model` in place; `imageShape` is one image as the TSM feeds it ([1, C, H, W]).
// Returns one line per rewrite kind applied ("Clip: min/max inputs to attributes
// (35 nodes)"), empty when none was needed. A graph that computes with its input's shape
// comes back with that input fixed to `imageShape` and must be run one image at a time.
std::vector<std::string> normalizeForOpenCv(onnx::ModelProto& model, const std::vector<int64_t>& imageShape);

}  // namespace vitask::tsm
