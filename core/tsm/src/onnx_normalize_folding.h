#pragma once
// Load-time evaluation of the shape arithmetic PyTorch exports around reshapes
// (x.shape[0], expand(n, -1, -1), view(b, n, heads, d), ...): Shape, Gather, Concat,
// Unsqueeze, ConstantOfShape, Where, Expand ... over constants. OpenCV 4.6 evaluates
// only some of these itself and fails on the rest ("Different shapes case is not
// supported with constant inputs"). Shapes come from the ONNX shape inference of
// libonnx with the graph input fixed to one image, so the folded graph is a batch-of-one
// graph and is run image by image.

#include "onnx_normalize_graph.h"

#include <optional>
#include <vector>

namespace vitask::tsm::normalize {

// Fixes the graph input's dimensions to edit.imageShape() ([1, C, H, W]) when the graph
// reads shapes at all, then replaces every node whose result is known at load time by an
// initializer. Returns the number of nodes replaced.
int foldShapeComputations(GraphEdit& edit);

// `numbers` broadcast (numpy rules) to `dims`; nullopt when they do not broadcast or the
// result would hold more than `maxCount` values.
std::optional<Numbers> broadcastTo(const Numbers& numbers, const std::vector<int64_t>& dims, int64_t maxCount);

// The results of `node` over constant `inputs` (one per node input; nullopt for an
// omitted optional input), or nullopt for an operator or form this does not evaluate.
std::optional<std::vector<Numbers>> evaluate(const onnx::NodeProto& node,
                                             const std::vector<std::optional<Numbers>>& inputs);

}  // namespace vitask::tsm::normalize
