#pragma once
// Where normalization was not enough: the ONNX node OpenCV 4.6 refused, named by
// operator and node, so that a user sees "operator 'Det' (node '/Det')" rather than an
// assertion from inside OpenCV.

#include <opencv2/dnn.hpp>

#include <optional>
#include <string>

namespace onnx {
class ModelProto;
}

namespace vitask::tsm {

struct RefusedNode {
    std::string op;      // ONNX operator type, e.g. "Det"
    std::string node;    // the node's name in the graph
    std::string reason;  // OpenCV's own words, shortened
};

// From the text of the exception readNetFromONNX threw ("Node [Det@ai.onnx]:(onnx_node!/Det)
// parse error: ..."); nullopt when the text names no node.
std::optional<RefusedNode> refusedAtImport(const std::string& opencvMessage);

// For a network that imported but fails to run on `input` (fed as `inputName`): the
// first layer OpenCV cannot shape (shapes computed one layer at a time), else the first
// layer whose forward pass throws (bisected: running up to a layer runs every layer
// before it), mapped back to its node in `model` (the graph OpenCV was given).
std::optional<RefusedNode> refusedAtRun(cv::dnn::Net& net, const onnx::ModelProto& model, const cv::Mat& input,
                                        const std::string& inputName);

// "operator 'Det' (node '/Det'): OpenCV DNN has no layer for it"
std::string describe(const RefusedNode& refused);

}  // namespace vitask::tsm
