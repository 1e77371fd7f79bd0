#pragma once
// The parts of an ONNX model's graph a manifest is checked against — input names and
// declared shapes, the names of values an output can be taken from, operator types —
// read with the ONNX project's own protobuf classes (Debian: libonnx-dev), so problems
// are reported by name before OpenCV DNN sees the model.

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace onnx {
class ModelProto;
}

namespace vitask::tsm {

class OnnxGraph {
public:
    // Throws vitask::Error naming `path` when it is not a readable ONNX model.
    static onnx::ModelProto parse(const std::filesystem::path& path);
    static OnnxGraph of(const onnx::ModelProto& model);

    // Graph inputs that are fed at run time (initializers excluded), with their declared
    // dimensions; -1 marks a symbolic or absent dimension (e.g. "batch").
    const std::map<std::string, std::vector<int64_t>>& inputs() const { return inputs_; }
    const std::vector<std::string>& outputs() const { return outputs_; }  // graph outputs
    // Whether `name` is a value computed by the graph (a node output), i.e. can be fetched.
    bool computes(const std::string& name) const { return computed_.count(name) > 0; }
    const std::set<std::string>& operators() const { return operators_; }
    int64_t opsetVersion() const { return opset_; }  // of the default domain; 0 if not stated

private:
    std::map<std::string, std::vector<int64_t>> inputs_;
    std::vector<std::string> outputs_;
    std::set<std::string> computed_;
    std::set<std::string> operators_;
    int64_t opset_ = 0;
};

}  // namespace vitask::tsm
