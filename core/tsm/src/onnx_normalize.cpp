#include "onnx_normalize.h"

#include "onnx_normalize_graph.h"
#include "onnx_normalize_passes.h"

namespace vitask::tsm {

std::vector<std::string> normalizeForOpenCv(onnx::ModelProto& model, const std::vector<int64_t>& imageShape) {
    normalize::GraphEdit edit(model, imageShape);
    std::vector<std::string> applied;
    for (const auto& pass : normalize::passes()) {
        const int count = pass.apply(edit);
        if (count > 0) applied.push_back(pass.description + " (" + std::to_string(count) + " nodes)");
    }
    return applied;
}

}  // namespace vitask::tsm
