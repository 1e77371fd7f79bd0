#pragma once
// Operators newer than OpenCV 4.6's importer, rewritten as the older operators PyTorch
// itself emits for them at lower opsets.

#include "onnx_normalize_graph.h"

namespace vitask::tsm::normalize {

// LayerNormalization (opset 17) as ReduceMean, Sub, Mul, ReduceMean, Add, Sqrt, Div,
// Mul, Add: torch.onnx's opset-16 form of nn.LayerNorm. Nodes that also use the optional
// Mean / InvStdDev outputs are left alone.
int decomposeLayerNormalization(GraphEdit& edit);

}  // namespace vitask::tsm::normalize
