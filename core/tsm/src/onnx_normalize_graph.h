#pragma once
// Small edits on an ONNX graph (Debian's libonnx protobuf classes) that the
// normalization passes share: finding the constant behind a value, reading it as
// numbers, adding an initializer, redirecting a value's consumers, dropping nodes.

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vitask::tsm::normalize {

// A constant tensor as plain numbers (ONNX keeps them in typed fields or raw bytes).
struct Numbers {
    std::vector<int64_t> dims;
    std::vector<double> values;  // row-major; int64 values are exact up to 2^53
    int32_t type = onnx::TensorProto::FLOAT;

    int64_t count() const;  // the product of dims (1 for a scalar); -1 when negative or past int64
};

std::optional<Numbers> numbersOf(const onnx::TensorProto& tensor);
// A tensor of `type` (FLOAT, DOUBLE, INT64, INT32 or BOOL) holding `numbers`.
onnx::TensorProto tensorOf(const Numbers& numbers, const std::string& name);

// The dimensions of every value whose rank libonnx's shape inference determines, -1 for
// a dimension it cannot tell (a symbolic batch). Inference runs on a copy: the model
// keeps its own value_info. Empty for a graph libonnx cannot follow.
std::map<std::string, std::vector<int64_t>> inferredShapes(const onnx::ModelProto& model);

class GraphEdit {
public:
    // `imageShape` is what one image fed to the graph input looks like: [1, C, H, W].
    GraphEdit(onnx::ModelProto& model, std::vector<int64_t> imageShape);

    onnx::ModelProto& model() { return model_; }
    onnx::GraphProto& graph() { return graph_; }
    const std::vector<int64_t>& imageShape() const { return imageShape_; }

    // The value's tensor when it is an initializer or a Constant node's output
    // (a Constant with a tensor `value`; other Constant forms are left to OpenCV).
    const onnx::TensorProto* constant(const std::string& value) const;
    std::optional<Numbers> numbers(const std::string& value) const;

    // Adds `numbers` as an initializer named after `hint` (made unique) and returns its name.
    std::string addConstant(const Numbers& numbers, const std::string& hint);
    // Adds `numbers` as the initializer `value`; the node computing `value` must be removed.
    void setConstant(const std::string& value, const Numbers& numbers);

    std::map<std::string, std::vector<int64_t>> inferredShapes() const { return normalize::inferredShapes(model_); }

    bool isGraphOutput(const std::string& value) const;
    // Every node input that reads `from` reads `to` instead.
    void redirect(const std::string& from, const std::string& to);
    // Replaces the node list (a pass that inserts nodes rebuilds it).
    void setNodes(google::protobuf::RepeatedPtrField<onnx::NodeProto> nodes);
    // Removes the nodes for which `drop` is true, then the initializers and Constant
    // nodes nothing reads any more.
    void removeNodes(const std::function<bool(const onnx::NodeProto&)>& drop);
    void removeUnused();

private:
    void index();

    onnx::ModelProto& model_;
    onnx::GraphProto& graph_;
    std::vector<int64_t> imageShape_;
    std::map<std::string, const onnx::TensorProto*> constants_;
    int added_ = 0;
};

std::optional<int64_t> intAttribute(const onnx::NodeProto& node, const std::string& name);
std::optional<std::vector<int64_t>> intsAttribute(const onnx::NodeProto& node, const std::string& name);
void setAttribute(onnx::NodeProto& node, const std::string& name, const std::vector<int64_t>& values);
void setAttribute(onnx::NodeProto& node, const std::string& name, float value);

}  // namespace vitask::tsm::normalize
