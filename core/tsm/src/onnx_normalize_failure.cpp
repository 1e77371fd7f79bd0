#include "onnx_normalize_failure.h"

#include <onnx/onnx_pb.h>

#include <regex>

namespace vitask::tsm {
namespace {

// OpenCV names ONNX layers "onnx_node!<node name>" (or after the node's output).
constexpr const char* kLayerPrefix = "onnx_node!";

// The last "error: (-N:kind) text" of an OpenCV message, without the location.
std::string opencvReason(const std::string& message) {
    static const std::regex error(R"(error: \(-?\d+:[^)]*\) ([^\n>]*))");
    std::string reason;
    for (std::sregex_iterator it(message.begin(), message.end(), error), end; it != end; ++it) reason = (*it)[1];
    if (reason.find("Can't create layer") != std::string::npos) return "OpenCV DNN has no layer for it";
    const auto where = reason.find(" in function '");
    if (where != std::string::npos) reason.erase(where);
    while (!reason.empty() && reason.back() == ' ') reason.pop_back();
    return reason;
}

}  // namespace

std::optional<RefusedNode> refusedAtImport(const std::string& opencvMessage) {
    static const std::regex node(R"(Node \[([^@\]]+)@[^\]]*\]:\(onnx_node!([^\n]*?)\) parse error)");
    std::smatch match;
    if (!std::regex_search(opencvMessage, match, node)) return std::nullopt;
    return RefusedNode{match[1], match[2], opencvReason(opencvMessage)};
}

std::optional<RefusedNode> refusedAtRun(cv::dnn::Net& net, const onnx::ModelProto& model, const cv::Mat& input,
                                        const std::string& inputName) {
    const auto names = net.getLayerNames();  // in layer order
    auto refused = [&](const std::string& name, const cv::Exception& e) {
        const std::string prefix = kLayerPrefix;
        std::string nodeName = name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
        std::string op = net.getLayer(net.getLayerId(name))->type;  // OpenCV's layer type when no node matches
        for (const auto& node : model.graph().node())
            if (node.name() == nodeName || (node.output_size() > 0 && node.output(0) == nodeName)) {
                op = node.op_type();
                nodeName = node.name();
                break;
            }
        return RefusedNode{op, nodeName, opencvReason(e.what())};
    };

    const cv::dnn::MatShape inputShape(input.size.p, input.size.p + input.dims);
    for (const auto& name : names) {
        std::vector<cv::dnn::MatShape> in, out;
        try {
            // Shapes are computed for this layer and the layers it reads, so the first
            // layer in order that throws is the one that cannot be shaped.
            net.getLayerShapes(inputShape, net.getLayerId(name), in, out);
        } catch (const cv::Exception& e) {
            return refused(name, e);
        }
    }
    auto failure = [&](size_t index) -> std::optional<cv::Exception> {
        try {
            net.setInput(input, inputName);
            net.forward(names[index]);
        } catch (const cv::Exception& e) {
            return e;
        }
        return std::nullopt;
    };
    if (names.empty() || !failure(names.size() - 1)) return std::nullopt;
    size_t low = 0, high = names.size() - 1;  // the first failing layer is in [low, high]
    while (low < high) {
        const auto middle = (low + high) / 2;
        if (failure(middle)) high = middle;
        else low = middle + 1;
    }
    return refused(names[low], *failure(low));
}

std::string describe(const RefusedNode& refused) {
    return "operator '" + refused.op + "' (node '" + refused.node + "')" +
           (refused.reason.empty() ? "" : ": " + refused.reason);
}

}  // namespace vitask::tsm
