#pragma once
// A TSM exported to ONNX, run on the CPU by OpenCV DNN and described by a manifest.
// Loading checks the manifest against the graph (input name and declared size, output
// names), rewrites the graph into forms OpenCV 4.6 imports (onnx_normalize.h), and then
// checks the manifest against the model's answers to a probe batch (label count, feature
// shape), so that every mismatch is reported by manifest field before a user's image is.

#include "vitask/tsm/tsm.h"
#include "vitask/tsm/tsm_manifest.h"

#include <opencv2/dnn.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace onnx {
class ModelProto;
}

namespace vitask::tsm {

class OnnxTsm final : public Tsm {
public:
    static std::unique_ptr<OnnxTsm> load(const TsmManifest& manifest);

    const TsmInfo& info() const override { return info_; }
    torch::Device device() const override { return torch::kCPU; }
    TsmOutput predict(const torch::Tensor& images) override;

private:
    OnnxTsm(TsmManifest manifest, cv::dnn::Net net, bool imageByImage);
    // Runs the network; outputs in the order logits, features[, patch features], each
    // already reshaped and checked against the manifest.
    TsmOutput run(const torch::Tensor& batch);
    // `outs` (raw, for a batch of `n`) reshaped and checked against the manifest.
    TsmOutput outputOf(std::vector<torch::Tensor> outs, int64_t n) const;
    // The network's raw outputs for `batch`; throws cv::Exception.
    std::vector<torch::Tensor> forward(const torch::Tensor& batch);
    std::vector<torch::Tensor> forwardOnce(const torch::Tensor& batch);
    // `normalized` is the graph OpenCV was given, for naming a node that fails to run.
    void probe(const onnx::ModelProto& normalized);
    bool batchesAgree();

    TsmManifest manifest_;
    TsmInfo info_;
    cv::dnn::Net net_;
    std::vector<std::string> outputNames_;
    // OpenCV 4.6 runs some graphs only one image at a time: those normalization fixed to
    // a batch of one, and those whose batched answers the probe found wrong.
    bool imageByImage_ = false;
    std::mutex mutex_;  // cv::dnn::Net::forward keeps state: one call at a time
};

}  // namespace vitask::tsm
