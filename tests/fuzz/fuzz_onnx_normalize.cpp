// An ONNX TSM's graph as OnnxTsm::load prepares it for OpenCV: parsed (OnnxGraph), its
// inputs and outputs listed, then rewritten by normalizeForOpenCv (attribute moves,
// constant folding with libonnx's shape inference, decompositions). OpenCV's own importer,
// which runs after, is not ours and not fuzzed here.
#include "fuzz_support.h"

#include "onnx_graph.h"
#include "onnx_normalize.h"

#include <onnx/onnx_pb.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = vitask::fuzz::writeScratch("model.onnx", vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] {
        auto model = vitask::tsm::OnnxGraph::parse(file);
        vitask::tsm::OnnxGraph::of(model);
        vitask::tsm::normalizeForOpenCv(model, {1, 3, 28, 28});
    });
}
