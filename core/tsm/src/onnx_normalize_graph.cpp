#include "onnx_normalize_graph.h"

#include <onnx/checker.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace vitask::tsm::normalize {
namespace {

using onnx::TensorProto;

template <typename T>
std::vector<double> fromRaw(const std::string& raw) {
    std::vector<double> out(raw.size() / sizeof(T));
    for (size_t i = 0; i < out.size(); ++i) {
        T v;
        std::memcpy(&v, raw.data() + i * sizeof(T), sizeof(T));  // ONNX raw data is little-endian, as the host
        out[i] = static_cast<double>(v);
    }
    return out;
}

template <typename Field>
std::vector<double> fromField(const Field& field) {
    return std::vector<double>(field.begin(), field.end());
}

// Whether every sliding-window attribute (kernel_shape, strides, dilations) of every node,
// subgraphs included, is positive: libonnx's convolution and pooling shape inference
// divides by them unchecked.
bool windowAttributesArePositive(const onnx::GraphProto& graph) {
    for (const auto& node : graph.node()) {
        for (const auto& attribute : node.attribute()) {
            if (attribute.name() == "kernel_shape" || attribute.name() == "strides" || attribute.name() == "dilations")
                for (const auto value : attribute.ints())
                    if (value < 1) return false;
            if (attribute.has_g() && !windowAttributesArePositive(attribute.g())) return false;
            for (const auto& subgraph : attribute.graphs())
                if (!windowAttributesArePositive(subgraph)) return false;
        }
    }
    return true;
}

bool windowAttributesArePositive(const onnx::ModelProto& model) {
    return windowAttributesArePositive(model.graph());
}

}  // namespace

std::optional<Numbers> numbersOf(const TensorProto& tensor) {
    if (tensor.has_data_location() && tensor.data_location() == TensorProto::EXTERNAL) return std::nullopt;
    Numbers n;
    n.type = tensor.data_type();
    n.dims.assign(tensor.dims().begin(), tensor.dims().end());
    const bool raw = tensor.has_raw_data();
    const auto& bytes = tensor.raw_data();
    switch (n.type) {
    case TensorProto::FLOAT: n.values = raw ? fromRaw<float>(bytes) : fromField(tensor.float_data()); break;
    case TensorProto::DOUBLE: n.values = raw ? fromRaw<double>(bytes) : fromField(tensor.double_data()); break;
    case TensorProto::INT64: n.values = raw ? fromRaw<int64_t>(bytes) : fromField(tensor.int64_data()); break;
    case TensorProto::INT32: n.values = raw ? fromRaw<int32_t>(bytes) : fromField(tensor.int32_data()); break;
    case TensorProto::BOOL: n.values = raw ? fromRaw<uint8_t>(bytes) : fromField(tensor.int32_data()); break;
    default: return std::nullopt;
    }
    if (n.count() != static_cast<int64_t>(n.values.size())) return std::nullopt;
    return n;
}

int64_t Numbers::count() const {
    int64_t c = 1;
    for (const auto d : dims)
        if (d < 0 || __builtin_mul_overflow(c, d, &c)) return -1;  // a damaged graph's dims
    return c;
}

TensorProto tensorOf(const Numbers& numbers, const std::string& name) {
    TensorProto t;
    t.set_name(name);
    t.set_data_type(numbers.type);
    for (const auto d : numbers.dims) t.add_dims(d);
    for (const auto v : numbers.values) {
        switch (numbers.type) {
        case TensorProto::INT64: t.add_int64_data(static_cast<int64_t>(v)); break;
        case TensorProto::INT32: t.add_int32_data(static_cast<int32_t>(v)); break;
        case TensorProto::BOOL: t.add_int32_data(v != 0.0); break;
        case TensorProto::DOUBLE: t.add_double_data(v); break;
        default: t.add_float_data(static_cast<float>(v)); t.set_data_type(TensorProto::FLOAT); break;
        }
    }
    return t;
}

GraphEdit::GraphEdit(onnx::ModelProto& model, std::vector<int64_t> imageShape)
    : model_(model), graph_(*model.mutable_graph()), imageShape_(std::move(imageShape)) {
    index();
}

void GraphEdit::index() {
    constants_.clear();
    for (const auto& init : graph_.initializer()) constants_[init.name()] = &init;
    for (const auto& node : graph_.node())
        if (node.op_type() == "Constant" && node.output_size() == 1)
            for (const auto& a : node.attribute())
                if (a.name() == "value" && a.has_t()) constants_[node.output(0)] = &a.t();
}

const TensorProto* GraphEdit::constant(const std::string& value) const {
    const auto found = constants_.find(value);
    return found == constants_.end() ? nullptr : found->second;
}

std::optional<Numbers> GraphEdit::numbers(const std::string& value) const {
    const auto* t = constant(value);
    return t ? numbersOf(*t) : std::nullopt;
}

std::string GraphEdit::addConstant(const Numbers& numbers, const std::string& hint) {
    std::string name;
    do name = hint + "__normalized" + std::to_string(added_++);
    while (constants_.count(name));
    auto* init = graph_.add_initializer();
    *init = tensorOf(numbers, name);
    constants_[name] = init;
    return name;
}

void GraphEdit::setConstant(const std::string& value, const Numbers& numbers) {
    auto* init = graph_.add_initializer();
    *init = tensorOf(numbers, value);
    constants_[value] = init;
}

bool GraphEdit::isGraphOutput(const std::string& value) const {
    return std::any_of(graph_.output().begin(), graph_.output().end(),
                       [&](const onnx::ValueInfoProto& o) { return o.name() == value; });
}

void GraphEdit::redirect(const std::string& from, const std::string& to) {
    for (auto& node : *graph_.mutable_node())
        for (auto& input : *node.mutable_input())
            if (input == from) input = to;
}

void GraphEdit::setNodes(google::protobuf::RepeatedPtrField<onnx::NodeProto> nodes) {
    graph_.mutable_node()->Swap(&nodes);
    index();  // Constant nodes' tensors now live in the new list
}

void GraphEdit::removeNodes(const std::function<bool(const onnx::NodeProto&)>& drop) {
    auto* nodes = graph_.mutable_node();
    nodes->erase(std::remove_if(nodes->begin(), nodes->end(), [&](const onnx::NodeProto& n) { return drop(n); }),
                 nodes->end());
    removeUnused();
}

void GraphEdit::removeUnused() {
    // Constant nodes can feed other Constant-fed nodes that were removed: repeat until stable.
    for (bool changed = true; changed;) {
        std::set<std::string> read;
        for (const auto& node : graph_.node())
            for (const auto& input : node.input()) read.insert(input);
        for (const auto& output : graph_.output()) read.insert(output.name());
        auto* nodes = graph_.mutable_node();
        const auto before = nodes->size();
        nodes->erase(std::remove_if(nodes->begin(), nodes->end(),
                                    [&](const onnx::NodeProto& n) {
                                        return n.op_type() == "Constant" && n.output_size() == 1 &&
                                               !read.count(n.output(0));
                                    }),
                     nodes->end());
        auto* inits = graph_.mutable_initializer();
        inits->erase(std::remove_if(inits->begin(), inits->end(),
                                    [&](const TensorProto& t) { return !read.count(t.name()); }),
                     inits->end());
        // Weights that old exporters also list as graph inputs go with their initializer.
        std::set<std::string> kept;
        for (const auto& t : graph_.initializer()) kept.insert(t.name());
        std::set<std::string> removed;
        for (const auto& input : graph_.input())
            if (!read.count(input.name()) && !kept.count(input.name()) && constants_.count(input.name()))
                removed.insert(input.name());
        auto* inputs = graph_.mutable_input();
        inputs->erase(std::remove_if(inputs->begin(), inputs->end(),
                                     [&](const onnx::ValueInfoProto& v) { return removed.count(v.name()) > 0; }),
                      inputs->end());
        changed = nodes->size() != before;
        index();
    }
}

std::map<std::string, std::vector<int64_t>> inferredShapes(const onnx::ModelProto& model) {
    // Inference needs the weights' shapes, not their values (only small integer tensors
    // such as Reshape targets are read): the copy leaves the values of the rest out.
    onnx::ModelProto copy;
    copy.set_ir_version(model.ir_version());
    *copy.mutable_opset_import() = model.opset_import();
    auto* graph = copy.mutable_graph();
    *graph->mutable_node() = model.graph().node();
    *graph->mutable_input() = model.graph().input();
    *graph->mutable_output() = model.graph().output();
    for (const auto& init : model.graph().initializer()) {
        auto* light = graph->add_initializer();
        if (init.data_type() == onnx::TensorProto::INT64 || init.data_type() == onnx::TensorProto::INT32) {
            *light = init;
            continue;
        }
        light->set_name(init.name());
        light->set_data_type(init.data_type());
        *light->mutable_dims() = init.dims();
    }
    std::map<std::string, std::vector<int64_t>> shapes;
    try {
        // libonnx's shape inference trusts the graph: a Conv without inputs dereferences
        // null, a stride of 0 divides by zero (found by tests/fuzz/fuzz_onnx_normalize).
        // Its checker, run first on the model with its weights, refuses the first kind
        // with an exception; the window attributes are checked here.
        onnx::checker::check_model(model);
        if (!windowAttributesArePositive(model)) return shapes;
        onnx::shape_inference::InferShapes(copy);
    } catch (const std::exception&) {
        return shapes;  // a graph libonnx cannot follow is left as it is
    }
    auto note = [&](const onnx::ValueInfoProto& v) {
        if (!v.type().has_tensor_type() || !v.type().tensor_type().has_shape()) return;
        std::vector<int64_t> dims;
        for (const auto& d : v.type().tensor_type().shape().dim())
            dims.push_back(d.has_dim_value() ? d.dim_value() : -1);
        shapes[v.name()] = dims;
    };
    for (const auto& v : copy.graph().value_info()) note(v);
    for (const auto& v : copy.graph().input()) note(v);
    for (const auto& v : copy.graph().output()) note(v);
    return shapes;
}

std::optional<int64_t> intAttribute(const onnx::NodeProto& node, const std::string& name) {
    for (const auto& a : node.attribute())
        if (a.name() == name && a.type() == onnx::AttributeProto::INT) return a.i();
    return std::nullopt;
}

std::optional<std::vector<int64_t>> intsAttribute(const onnx::NodeProto& node, const std::string& name) {
    for (const auto& a : node.attribute())
        if (a.name() == name && a.type() == onnx::AttributeProto::INTS)
            return std::vector<int64_t>(a.ints().begin(), a.ints().end());
    return std::nullopt;
}

namespace {
onnx::AttributeProto& attribute(onnx::NodeProto& node, const std::string& name) {
    for (auto& a : *node.mutable_attribute())
        if (a.name() == name) {
            a.Clear();
            a.set_name(name);
            return a;
        }
    auto* a = node.add_attribute();
    a->set_name(name);
    return *a;
}
}  // namespace

void setAttribute(onnx::NodeProto& node, const std::string& name, const std::vector<int64_t>& values) {
    auto& a = attribute(node, name);
    a.set_type(onnx::AttributeProto::INTS);
    for (const auto v : values) a.add_ints(v);
}

void setAttribute(onnx::NodeProto& node, const std::string& name, float value) {
    auto& a = attribute(node, name);
    a.set_type(onnx::AttributeProto::FLOAT);
    a.set_f(value);
}

}  // namespace vitask::tsm::normalize
