#include "onnx_graph.h"

#include "vitask/common/input_file.h"

#include "vitask/common/error.h"

#include <onnx/onnx_pb.h>

#include <fstream>

namespace vitask::tsm {

onnx::ModelProto OnnxGraph::parse(const std::filesystem::path& path) {
    std::ifstream in = openInputFile(path, "the ONNX model", std::ios::binary);
    onnx::ModelProto model;
    // A wrong file (HTML from a failed download, a truncated copy) fails to parse or
    // parses into a model without a graph; both are reported the same way.
    if (!model.ParseFromIstream(&in) || !model.has_graph() || model.graph().node_size() == 0 || model.ir_version() <= 0)
        throw Error("is not a valid ONNX model (it does not parse as an ONNX ModelProto with a graph)", path.string(),
                    "Export the model again (torch.onnx.export) and copy the whole file.");
    return model;
}

OnnxGraph OnnxGraph::of(const onnx::ModelProto& model) {
    OnnxGraph graph;
    for (const auto& opset : model.opset_import())
        if (opset.domain().empty() || opset.domain() == "ai.onnx") graph.opset_ = opset.version();

    const auto& g = model.graph();
    std::set<std::string> initializers;
    for (const auto& init : g.initializer()) initializers.insert(init.name());
    for (const auto& input : g.input()) {
        if (initializers.count(input.name())) continue;  // weights listed as inputs by old exporters
        std::vector<int64_t> dims;
        if (input.type().has_tensor_type() && input.type().tensor_type().has_shape())
            for (const auto& dim : input.type().tensor_type().shape().dim())
                dims.push_back(dim.has_dim_value() ? dim.dim_value() : -1);
        graph.inputs_[input.name()] = std::move(dims);
    }
    for (const auto& output : g.output()) graph.outputs_.push_back(output.name());
    for (const auto& node : g.node()) {
        graph.operators_.insert(node.op_type());
        for (const auto& out : node.output()) graph.computed_.insert(out);
    }
    return graph;
}

}  // namespace vitask::tsm
