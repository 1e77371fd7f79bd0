#pragma once
// The task-specific model (TSM) interface: an image classifier that gives class
// probabilities and the feature vector VITask feeds to the VLM as an exemplar prompt.
// Every backend (ONNX, built-in LibTorch, compiled plug-ins) implements it.

#include "vitask/tsm/tsm_info.h"
#include "vitask/tsm/tsm_output.h"

#include <torch/torch.h>

namespace vitask::tsm {

class Tsm {
public:
    virtual ~Tsm() = default;
    Tsm(const Tsm&) = delete;
    Tsm& operator=(const Tsm&) = delete;

    // Metadata; status is always Ready for a TSM that exists.
    virtual const TsmInfo& info() const = 0;
    const std::string& name() const { return info().name; }
    const std::string& version() const { return info().version; }
    const std::vector<std::string>& labels() const { return info().labels; }
    const InputSpec& inputSpec() const { return info().input; }

    // The device the model computes on; predict() returns tensors there.
    virtual torch::Device device() const = 0;

    // images: float [N, C, H, W], already resized and normalised to inputSpec() (see
    // prepare()). Throws vitask::Error for a wrong shape and for non-finite outputs,
    // naming the TSM. Not safe to call from several threads at once on one instance.
    virtual TsmOutput predict(const torch::Tensor& images) = 0;

    // One image as read from disk — float [C, H, W] in [0, 1], any size, 1, 3 or 4
    // channels — made into a [1, C, H, W] batch for predict().
    torch::Tensor prepare(const torch::Tensor& image) const;

    // Where the model looked for class `classIndex` in one prepared image [1, C, H, W]:
    // float [H, W] on the CPU, in [0, 1], at the input resolution. By default occlusion
    // sensitivity (occlusion_saliency.h), which needs only predict(); built-in CNNs use
    // Grad-CAM. Declared last among the virtual functions so that plug-ins built before
    // it keep their vtable layout (the plug-in wrapper never calls it on a plug-in).
    virtual torch::Tensor saliency(const torch::Tensor& image, int64_t classIndex);
    // How saliency() computes its map, for the user: "occlusion" unless overridden.
    // Appended after saliency() for the same vtable reason.
    virtual const char* saliencyMethod() const { return "occlusion"; }

protected:
    Tsm() = default;
    // For backends: rejects anything predict() cannot take, naming the TSM.
    void checkBatch(const torch::Tensor& images) const;
    // For backends: throws when `values` holds NaN or infinity, naming the TSM and output.
    void checkFinite(const torch::Tensor& values, const std::string& output) const;
};

}  // namespace vitask::tsm
