#include "onnx_tsm.h"

#include "onnx_graph.h"
#include "onnx_normalize.h"
#include "onnx_normalize_failure.h"
#include "vitask/common/error.h"

#include <onnx/onnx_pb.h>
#include <spdlog/spdlog.h>

#include <set>
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

const char* kRemedy =
    "Export with another opset (11 to 17), replace the operator in the model, or use a compiled plug-in TSM.";

// Whether the graph's image input declares a fixed batch of one (set by normalization,
// or by an export without a dynamic batch axis).
bool takesOneImage(const onnx::ModelProto& model) {
    std::set<std::string> weights;
    for (const auto& init : model.graph().initializer()) weights.insert(init.name());
    for (const auto& input : model.graph().input()) {
        if (weights.count(input.name()) || !input.type().tensor_type().has_shape()) continue;
        const auto& shape = input.type().tensor_type().shape();
        return shape.dim_size() > 0 && shape.dim(0).has_dim_value() && shape.dim(0).dim_value() == 1;
    }
    return false;
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
    auto model = OnnxGraph::parse(manifest.onnx);
    const auto graph = OnnxGraph::of(model);
    checkInput(manifest, graph);
    checkOutput(manifest, graph, manifest.logitsOutput, "outputs.logits");
    checkOutput(manifest, graph, manifest.featuresOutput, "outputs.features");
    checkOutput(manifest, graph, manifest.patchFeaturesOutput, "outputs.patch_features");

    const auto& s = manifest.input;
    for (const auto& rewrite : normalizeForOpenCv(model, {1, s.channels, s.height, s.width}))
        spdlog::debug("{}: {}", manifest.onnx.string(), rewrite);
    std::string normalized;
    if (!model.SerializeToString(&normalized))
        throw Error("cannot serialize the normalized ONNX graph (over 2 GB?)", manifest.onnx.string());

    cv::dnn::Net net;
    try {
        net = cv::dnn::readNetFromONNX(normalized.data(), normalized.size());
    } catch (const cv::Exception& e) {
        const auto refused = refusedAtImport(e.what());
        const auto what = refused ? describe(*refused) : std::string("the model: ") + e.what();
        throw Error("OpenCV DNN 4.6 cannot import " + what + " (opset " + std::to_string(graph.opsetVersion()) + ")",
                    manifest.onnx.string(), kRemedy);
    }
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    std::unique_ptr<OnnxTsm> tsm(new OnnxTsm(manifest, std::move(net), takesOneImage(model)));
    tsm->probe(model);
    return tsm;
}

OnnxTsm::OnnxTsm(TsmManifest manifest, cv::dnn::Net net, bool imageByImage)
    : manifest_(std::move(manifest)), net_(std::move(net)), imageByImage_(imageByImage) {
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
// whether the outputs have the shapes the manifest implies. Then two images together
// against one by one: OpenCV 4.6 gets some batched graphs wrong (its Scale layer with
// per-image factors, as in squeeze-and-excitation blocks, fails for batches over one).
void OnnxTsm::probe(const onnx::ModelProto& normalized) {
    const auto& s = manifest_.input;
    std::vector<torch::Tensor> raw;
    try {
        raw = forwardOnce(torch::zeros({1, s.channels, s.height, s.width}));
    } catch (const cv::Exception& e) {
        const int shape[] = {1, s.channels, s.height, s.width};
        const cv::Mat zeros(4, shape, CV_32F, cv::Scalar(0));
        const auto refused = refusedAtRun(net_, normalized, zeros, manifest_.inputName);
        throw Error("OpenCV DNN 4.6 imports the model but cannot run " +
                        (refused ? describe(*refused) : std::string("it: ") + e.what()),
                    manifest_.onnx.string(), kRemedy);
    }
    const auto out = outputOf(std::move(raw), 1);
    const int64_t classes = out.logits.size(1);
    if (classes != static_cast<int64_t>(manifest_.labels.size()))
        throw Error("lists " + std::to_string(manifest_.labels.size()) + " labels but the model's output '" +
                        manifest_.logitsOutput + "' has " + std::to_string(classes) + " classes",
                    manifest_.subject("labels"), "List one label per logit, in logit order.");
    info_.featureWidth = out.features.size(1);
    if (!imageByImage_ && !batchesAgree()) {
        spdlog::info("TSM '{}': OpenCV DNN answers batches of this graph wrongly; it runs image by image", info_.name);
        imageByImage_ = true;
    }
}

bool OnnxTsm::batchesAgree() {
    const auto& s = manifest_.input;
    const auto ramp =
        torch::linspace(-2.0, 2.0, s.channels * s.height * s.width).view({1, s.channels, s.height, s.width});
    const auto pair = torch::cat({ramp, ramp.flip(3).neg()});
    std::vector<torch::Tensor> together;
    try {
        together = forwardOnce(pair);
    } catch (const cv::Exception&) {
        return false;
    }
    const auto first = forwardOnce(pair.slice(0, 0, 1)), second = forwardOnce(pair.slice(0, 1, 2));
    for (size_t i = 0; i < together.size(); ++i) {
        const auto alone = torch::cat({first[i], second[i]});
        if (!together[i].sizes().equals(alone.sizes())) return false;
        const double scale = 1.0 + alone.abs().max().item<double>();
        if ((together[i] - alone).abs().max().item<double>() > 1e-4 * scale) return false;
    }
    return true;
}

std::vector<torch::Tensor> OnnxTsm::forward(const torch::Tensor& batch) {
    if (!imageByImage_ || batch.size(0) == 1) return forwardOnce(batch);
    std::vector<std::vector<torch::Tensor>> perImage;
    for (int64_t i = 0; i < batch.size(0); ++i) perImage.push_back(forwardOnce(batch.slice(0, i, i + 1)));
    std::vector<torch::Tensor> outputs;
    for (size_t k = 0; k < perImage.front().size(); ++k) {
        std::vector<torch::Tensor> rows;
        for (const auto& image : perImage) rows.push_back(image[k]);
        outputs.push_back(torch::cat(rows));
    }
    return outputs;
}

std::vector<torch::Tensor> OnnxTsm::forwardOnce(const torch::Tensor& batch) {
    const auto input = batch.to(torch::kCPU, torch::kFloat32).contiguous();
    const std::vector<int> shape(input.sizes().begin(), input.sizes().end());
    // OpenCV may keep a reference to the blob until the next setInput: give it its own copy.
    const cv::Mat blob = cv::Mat(static_cast<int>(shape.size()), shape.data(), CV_32F, input.data_ptr<float>()).clone();
    std::vector<cv::Mat> outs;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        net_.setInput(blob, manifest_.inputName);
        net_.forward(outs, outputNames_);
    }
    std::vector<torch::Tensor> tensors;
    for (const auto& out : outs) tensors.push_back(toTensor(out));
    return tensors;
}

TsmOutput OnnxTsm::run(const torch::Tensor& batch) {
    std::vector<torch::Tensor> outs;
    try {
        outs = forward(batch);
    } catch (const cv::Exception& e) {
        throw Error(std::string("OpenCV DNN failed to run the model: ") + e.what(),
                    "TSM '" + info_.name + "' (" + manifest_.onnx.string() + ")",
                    "Check input.size and input.channels against the exported model.");
    }
    return outputOf(std::move(outs), batch.size(0));
}

TsmOutput OnnxTsm::outputOf(std::vector<torch::Tensor> outs, int64_t n) const {
    auto shaped = [&](size_t index, const char* field, int rank) {
        auto t = outs.at(index);
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
