#include "onnx_normalize_passes.h"

#include "onnx_normalize_decompose.h"
#include "onnx_normalize_folding.h"

#include <map>

namespace vitask::tsm::normalize {
namespace {

// PyTorch's exporter deduplicates equal weights (zero biases, unit norms) into one
// initializer read through Identity nodes; OpenCV 4.6 imports Identity as a layer that
// needs a computed input and fails on a weight. Readers of an Identity's output read
// its input instead (through chains of Identity), unless the output is a graph output.
int bypassIdentity(GraphEdit& edit) {
    auto bypassable = [&](const onnx::NodeProto& n) {
        return n.op_type() == "Identity" && n.input_size() == 1 && n.output_size() == 1 &&
               !edit.isGraphOutput(n.output(0));
    };
    std::map<std::string, std::string> originalOf;  // Identity output -> value it copies
    for (const auto& node : edit.graph().node()) {
        if (!bypassable(node)) continue;
        const auto earlier = originalOf.find(node.input(0));
        originalOf[node.output(0)] = earlier == originalOf.end() ? node.input(0) : earlier->second;
    }
    for (const auto& [copy, original] : originalOf) edit.redirect(copy, original);
    if (!originalOf.empty()) edit.removeNodes(bypassable);
    return static_cast<int>(originalOf.size());
}

// Clip takes min and max as inputs since opset 11 (ReLU6 in MobileNets, hard-sigmoid
// pieces); OpenCV 4.6 reads only the opset-6 attributes. Constant bounds move there.
int clipBoundsToAttributes(GraphEdit& edit) {
    int count = 0;
    for (auto& node : *edit.graph().mutable_node()) {
        if (node.op_type() != "Clip" || node.input_size() < 2) continue;
        std::vector<std::pair<const char*, float>> bounds;
        bool constant = true;
        for (int i = 1; i < node.input_size() && i < 3; ++i) {
            if (node.input(i).empty()) continue;  // an omitted bound
            const auto n = edit.numbers(node.input(i));
            if (!n || n->values.size() != 1) constant = false;
            else bounds.emplace_back(i == 1 ? "min" : "max", static_cast<float>(n->values[0]));
        }
        if (!constant) continue;
        for (const auto& [name, value] : bounds) setAttribute(node, name, value);
        node.mutable_input()->DeleteSubrange(1, node.input_size() - 1);
        ++count;
    }
    if (count) edit.removeUnused();
    return count;
}

// OpenCV 4.6 imports Mul/Add/Sub/Div by a constant as its Scale layer, which lines the
// constant up with the input's axes from axis 1 on. On token sequences [N, T, C] a
// per-channel constant [C] (LayerNorm's scale) then fails at the first forward
// ("total": no run of axes holds C values). The constant, broadcast ahead of time to
// [1, T, C], lines up. A 1-D bias added to a sequence already works and is left alone.
int expandConstantsOnSequences(GraphEdit& edit) {
    constexpr int64_t kMaxExpanded = int64_t(1) << 24;  // 64 MB of float32
    const auto shapes = edit.inferredShapes();
    int count = 0;
    for (auto& node : *edit.graph().mutable_node()) {
        const auto& op = node.op_type();
        const bool commutes = op == "Mul" || op == "Add";
        if ((!commutes && op != "Sub" && op != "Div") || node.input_size() != 2) continue;
        for (int c = commutes ? 0 : 1; c < 2; ++c) {
            const auto constant = edit.numbers(node.input(c));
            const auto x = shapes.find(node.input(1 - c));
            if (!constant || constant->count() <= 1 || edit.constant(node.input(1 - c)) || x == shapes.end()) continue;
            const auto& dims = x->second;
            if (dims.size() != 3 || dims[1] <= 0 || dims[2] <= 0) continue;
            const std::vector<int64_t> target = {1, dims[1], dims[2]};
            if (constant->dims == target || ((op == "Add" || op == "Sub") && constant->dims.size() == 1)) continue;
            const auto expanded = broadcastTo(*constant, target, kMaxExpanded);
            if (!expanded) continue;
            node.set_input(c, edit.addConstant(*expanded, node.input(c)));
            ++count;
            break;
        }
    }
    if (count) edit.removeUnused();
    return count;
}

}  // namespace

const std::vector<Pass>& passes() {
    static const std::vector<Pass> all = {
        {"Identity: readers read its input", bypassIdentity},
        {"LayerNormalization as its opset-16 operators", decomposeLayerNormalization},
        {"shape arithmetic computed at load time for one image", foldShapeComputations},
        {"Clip: min/max inputs to attributes", clipBoundsToAttributes},
        {"per-channel constants on token sequences broadcast to [1, T, C]", expandConstantsOnSequences},
    };
    return all;
}

}  // namespace vitask::tsm::normalize
