#include "onnx_normalize_decompose.h"

namespace vitask::tsm::normalize {
namespace {

onnx::NodeProto makeNode(const std::string& op, const std::vector<std::string>& inputs, const std::string& output,
                         const std::string& name) {
    onnx::NodeProto node;
    node.set_op_type(op);
    node.set_name(name);
    for (const auto& in : inputs) node.add_input(in);
    node.add_output(output);
    return node;
}

}  // namespace

int decomposeLayerNormalization(GraphEdit& edit) {
    auto& graph = edit.graph();
    const auto shapes = edit.inferredShapes();
    google::protobuf::RepeatedPtrField<onnx::NodeProto> rewritten;
    int count = 0;
    for (const auto& node : graph.node()) {
        const bool plain = node.op_type() == "LayerNormalization" && node.input_size() >= 2 &&
                           (node.output_size() == 1 || (node.output_size() > 1 && node.output(1).empty() &&
                                                        (node.output_size() < 3 || node.output(2).empty())));
        if (!plain) {
            *rewritten.Add() = node;
            continue;
        }
        const auto& x = node.input(0);
        const auto rank = shapes.count(x) ? static_cast<int64_t>(shapes.at(x).size()) : -1;
        auto axis = intAttribute(node, "axis").value_or(-1);
        if (axis >= 0 && rank > 0) axis -= rank;  // negative axes need no rank
        if (axis >= 0) {  // rank unknown: left for OpenCV to refuse by name
            *rewritten.Add() = node;
            continue;
        }
        std::vector<int64_t> axes;
        for (auto a = axis; a < 0; ++a) axes.push_back(a);
        float epsilon = 1e-5f;
        for (const auto& a : node.attribute())
            if (a.name() == "epsilon") epsilon = a.f();

        const auto base = node.name().empty() ? node.output(0) : node.name();
        auto value = [&](const char* part) { return base + "/" + part; };
        Numbers eps;
        eps.values = {epsilon};
        const auto epsName = edit.addConstant(eps, base + "/epsilon");

        auto mean = makeNode("ReduceMean", {x}, value("mean"), value("ReduceMean"));
        setAttribute(mean, "axes", axes);
        auto centered = makeNode("Sub", {x, value("mean")}, value("centered"), value("Sub"));
        auto squared = makeNode("Mul", {value("centered"), value("centered")}, value("squared"), value("Mul_square"));
        auto variance = makeNode("ReduceMean", {value("squared")}, value("variance"), value("ReduceMean_variance"));
        setAttribute(variance, "axes", axes);
        auto shifted = makeNode("Add", {value("variance"), epsName}, value("shifted"), value("Add_epsilon"));
        auto deviation = makeNode("Sqrt", {value("shifted")}, value("deviation"), value("Sqrt"));
        const bool bias = node.input_size() > 2 && !node.input(2).empty();
        auto normed = makeNode("Div", {value("centered"), value("deviation")}, value("normalized"), value("Div"));
        auto scaled = makeNode("Mul", {value("normalized"), node.input(1)}, bias ? value("scaled") : node.output(0),
                               value("Mul_scale"));
        for (auto* n : {&mean, &centered, &squared, &variance, &shifted, &deviation, &normed, &scaled})
            *rewritten.Add() = *n;
        if (bias)
            *rewritten.Add() = makeNode("Add", {value("scaled"), node.input(2)}, node.output(0), value("Add_bias"));
        ++count;
    }
    if (count) edit.setNodes(std::move(rewritten));
    return count;
}

}  // namespace vitask::tsm::normalize
