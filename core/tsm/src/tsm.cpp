#include "vitask/tsm/tsm.h"

#include "vitask/common/error.h"
#include "vitask/tsm/image_preprocess.h"
#include "vitask/tsm/occlusion_saliency.h"

#include <sstream>

namespace vitask::tsm {
namespace {

std::string shapeOf(const torch::Tensor& t) {
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

}  // namespace

torch::Tensor Tsm::prepare(const torch::Tensor& image) const {
    return prepareImages(image, inputSpec()).to(device());
}

torch::Tensor Tsm::saliency(const torch::Tensor& image, int64_t classIndex) {
    return occlusionSaliency(*this, image, classIndex);
}

void Tsm::checkBatch(const torch::Tensor& images) const {
    const auto& spec = inputSpec();
    const std::string expected = "[N, " + std::to_string(spec.channels) + ", " + std::to_string(spec.height) + ", " +
                                 std::to_string(spec.width) + "]";
    if (!images.defined()) throw Error("predict() was given no tensor", "TSM '" + name() + "'");
    if (images.dim() != 4 || images.size(0) < 1 || images.size(1) != spec.channels ||
        images.size(2) != spec.height || images.size(3) != spec.width)
        throw Error("predict() expects a float batch " + expected + ", got " + shapeOf(images), "TSM '" + name() + "'",
                    "Resize and normalise images with prepare() first.");
    if (!images.is_floating_point())
        throw Error("predict() expects floating-point pixels, got " + std::string(c10::toString(images.scalar_type())),
                    "TSM '" + name() + "'", "Use prepare() to turn images into model input.");
}

void Tsm::checkFinite(const torch::Tensor& values, const std::string& output) const {
    if (torch::isfinite(values).all().item<bool>()) return;
    const bool nan = torch::isnan(values).any().item<bool>();
    throw Error(std::string("the model produced ") + (nan ? "NaN" : "infinite") + " values in its output '" + output + "'",
                "TSM '" + name() + "' (" + info().source.string() + ")",
                "Check the input image for NaN values; if it is finite, the exported model is faulty.");
}

}  // namespace vitask::tsm
