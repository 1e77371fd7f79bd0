#pragma once
// A TSM exported to ONNX, run on the CPU by OpenCV DNN and described by a manifest.
// Loading checks the manifest against the graph (input name and declared size, output
// names) and then against the model's answers to a probe batch (label count, feature
// shape), so that every mismatch is reported by manifest field before a user's image is.

#include "vitask/tsm/tsm.h"
#include "vitask/tsm/tsm_manifest.h"

#include <opencv2/dnn.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vitask::tsm {

class OnnxTsm final : public Tsm {
public:
    static std::unique_ptr<OnnxTsm> load(const TsmManifest& manifest);

    const TsmInfo& info() const override { return info_; }
    torch::Device device() const override { return torch::kCPU; }
    TsmOutput predict(const torch::Tensor& images) override;

private:
    OnnxTsm(TsmManifest manifest, cv::dnn::Net net);
    // Runs the network; outputs in the order logits, features[, patch features], each
    // already reshaped and checked against the manifest.
    TsmOutput run(const torch::Tensor& batch);
    void probe();

    TsmManifest manifest_;
    TsmInfo info_;
    cv::dnn::Net net_;
    std::vector<std::string> outputNames_;
    std::mutex mutex_;  // cv::dnn::Net::forward keeps state: one call at a time
};

}  // namespace vitask::tsm
