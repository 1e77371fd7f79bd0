#pragma once
// The graph rewrites normalizeForOpenCv runs, in order. Each returns how many nodes it
// rewrote; each keeps the graph's results the same.

#include "onnx_normalize_graph.h"

#include <functional>
#include <string>
#include <vector>

namespace vitask::tsm::normalize {

struct Pass {
    std::string description;
    std::function<int(GraphEdit&)> apply;
};

const std::vector<Pass>& passes();

}  // namespace vitask::tsm::normalize
