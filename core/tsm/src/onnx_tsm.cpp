#include "onnx_tsm.h"

#include "onnx_graph.h"
#include "vitask/common/error.h"

#include <sstream>

namespace vitask::tsm {
namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + ("'" + n + "'");
    return out.empty() ? "none" : out;
}

std::string shapeText(const torch::Tensor& t) {
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

// The manifest's input against the graph's declared input, where it declares one.
void checkInput(const TsmManifest& m, const OnnxGraph& graph) {
    std::vector<std::string> names;
    for (const auto& [name, dims] : graph.inputs()) names.push_back(name);
    const auto found = graph.inputs().find(m.inputName);
    if (found == graph.inputs().end())
        throw Error("the model has no input named '" + m.inputName + "' (its inputs: " + joined(names) + ")",
                    m.subject("input.name"), "Set input.name to the model's image input.");
    if (graph.inputs().size() != 1)
        throw Error("the model has " + std::to_string(names.size()) + " inputs (" + joined(names) +
                        "); a TSM takes one image input",
                    m.onnx.string(), "Export the classifier with the image as its only input.");
    const auto& dims = found->second;
    if (dims.empty()) return;  // shape not declared: the probe batch decides
    if (dims.size() != 4)
        throw Error("the model input '" + m.inputName + "' has " + std::to_string(dims.size()) +
                        " dimensions; a TSM takes images [N, C, H, W]",
                    m.subject("input.name"));
    if (dims[1] != -1 && dims[1] != m.input.channels)
        throw Error("is " + std::to_string(m.input.channels) + " but the model input '" + m.inputName + "' takes " +
                        std::to_string(dims[1]) + " channels",
                    m.subject("input.channels"), "Set input.channels to " + std::to_string(dims[1]) + ".");
    if ((dims[2] != -1 && dims[2] != m.input.height) || (dims[3] != -1 && dims[3] != m.input.width))
        throw Error("is [" + std::to_string(m.input.height) + ", " + std::to_string(m.input.width) +
                        "] but the model input '" + m.inputName + "' is declared as [" + std::to_string(dims[2]) +
                        ", " + std::to_string(dims[3]) + "] (height, width)",
                    m.subject("input.size"), "Set input.size to the size the model was exported with.");
}

void checkOutput(const TsmManifest& m, const OnnxGraph& graph, const std::string& name, const char* field) {
    if (name.empty() || graph.computes(name)) return;
    throw Error("the model computes no value named '" + name + "' (its outputs: " + joined(graph.outputs()) + ")",
                m.subject(field), "Use one of the model's output names.");
}

torch::Tensor toTensor(const cv::Mat& mat) {
    cv::Mat dense = mat.isContinuous() ? mat : mat.clone();
    if (dense.type() != CV_32F) dense.convertTo(dense, CV_32F);
    std::vector<int64_t> shape(dense.size.p, dense.size.p + dense.dims);
    return torch::from_blob(dense.ptr<float>(), shape, torch::kFloat32).clone();
}

}  // namespace

std::unique_ptr<OnnxTsm> OnnxTsm::load(const TsmManifest& manifest) {
    if (!std::filesystem::is_regular_file(manifest.onnx))
        throw Error("the ONNX file " + manifest.onnx.string() + " does not exist", manifest.subject("onnx"),
                    "Put the .onnx file beside the manifest or fix the path (relative to the manifest).");
    const auto graph = OnnxGraph::read(manifest.onnx);
    checkInput(manifest, graph);
    checkOutput(manifest, graph, manifest.logitsOutput, "outputs.logits");
    checkOutput(manifest, graph, manifest.featuresOutput, "outputs.features");
    checkOutput(manifest, graph, manifest.patchFeaturesOutput, "outputs.patch_features");

    cv::dnn::Net net;
    try {
        net = cv::dnn::readNetFromONNX(manifest.onnx.string());
    } catch (const cv::Exception& e) {
        // OpenCV's message names the node and operator it could not import.
        throw Error("OpenCV DNN cannot import the model (opset " + std::to_string(graph.opsetVersion()) +
                        "): " + e.what(),
                    manifest.onnx.string(), "Export with another opset (11 to 17) or simplify the graph.");
    }
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    std::unique_ptr<OnnxTsm> tsm(new OnnxTsm(manifest, std::move(net)));
    tsm->probe();
    return tsm;
}

OnnxTsm::OnnxTsm(TsmManifest manifest, cv::dnn::Net net) : manifest_(std::move(manifest)), net_(std::move(net)) {
    info_.name = manifest_.name;
    info_.version = manifest_.version;
    info_.description = manifest_.description;
    info_.kind = "onnx";
    info_.labels = manifest_.labels;
    info_.input = manifest_.input;
    info_.multiLabel = manifest_.multiLabel;
    info_.source = manifest_.path;
    info_.status = TsmStatus::Ready;
    outputNames_ = {manifest_.logitsOutput, manifest_.featuresOutput};
    if (!manifest_.patchFeaturesOutput.empty()) outputNames_.push_back(manifest_.patchFeaturesOutput);
}

// One zero image through the model: its answer fixes the feature width and shows
// whether the outputs have the shapes the manifest implies.
void OnnxTsm::probe() {
    const auto& s = manifest_.input;
    const auto out = run(torch::zeros({1, s.channels, s.height, s.width}));
    const int64_t classes = out.logits.size(1);
    if (classes != static_cast<int64_t>(manifest_.labels.size()))
        throw Error("lists " + std::to_string(manifest_.labels.size()) + " labels but the model's output '" +
                        manifest_.logitsOutput + "' has " + std::to_string(classes) + " classes",
                    manifest_.subject("labels"), "List one label per logit, in logit order.");
    info_.featureWidth = out.features.size(1);
}

TsmOutput OnnxTsm::run(const torch::Tensor& batch) {
    const auto input = batch.to(torch::kCPU, torch::kFloat32).contiguous();
    const std::vector<int> shape(input.sizes().begin(), input.sizes().end());
    // OpenCV may keep a reference to the blob until the next setInput: give it its own copy.
    const cv::Mat blob = cv::Mat(static_cast<int>(shape.size()), shape.data(), CV_32F, input.data_ptr<float>()).clone();

    std::vector<cv::Mat> outs;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        try {
            net_.setInput(blob, manifest_.inputName);
            net_.forward(outs, outputNames_);
        } catch (const cv::Exception& e) {
            throw Error(std::string("OpenCV DNN failed to run the model: ") + e.what(),
                        "TSM '" + info_.name + "' (" + manifest_.onnx.string() + ")",
                        "Check input.size and input.channels against the exported model.");
        }
    }
    const int64_t n = input.size(0);
    auto shaped = [&](size_t index, const char* field, int rank) {
        auto t = toTensor(outs.at(index));
        // [N, F, 1, 1] from a convolutional head is the same vector as [N, F].
        if (rank == 2 && t.dim() == 4 && t.size(2) == 1 && t.size(3) == 1) t = t.flatten(1);
        // [N, F, H, W] patch maps become [N, H*W, F] token-style features.
        if (rank == 3 && t.dim() == 4) t = t.flatten(2).transpose(1, 2).contiguous();
        if (t.dim() != rank || t.size(0) != n)
            throw Error("the model's output '" + outputNames_[index] + "' has shape " + shapeText(t) +
                            " for a batch of " + std::to_string(n) + "; expected " +
                            (rank == 2 ? "[N, width]" : "[N, patches, width]"),
                        manifest_.subject(field), "Name an output with that shape.");
        checkFinite(t, outputNames_[index]);
        return t;
    };
    TsmOutput result;
    result.logits = shaped(0, "outputs.logits", 2);
    result.features = shaped(1, "outputs.features", 2);
    if (outs.size() > 2) result.patchFeatures = shaped(2, "outputs.patch_features", 3);
    result.probabilities = manifest_.multiLabel ? torch::sigmoid(result.logits) : torch::softmax(result.logits, 1);
    return result;
}

TsmOutput OnnxTsm::predict(const torch::Tensor& images) {
    checkBatch(images);
    return run(images);
}

}  // namespace vitask::tsm
