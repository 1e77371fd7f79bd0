#include "vitask/model/clip_image_processor.h"

#include "vitask/common/input_file.h"

#include "vitask/common/error.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace vitask::model {
namespace {

constexpr int kPilBicubic = 3;

}  // namespace

ClipImageProcessor ClipImageProcessor::load(const std::filesystem::path& directory, const VisionConfig& vision) {
    ClipImageProcessor processor;
    processor.shortestEdge = processor.cropHeight = processor.cropWidth = vision.imageSize;
    const auto path = directory / "preprocessor_config.json";
    std::error_code missing;
    if (!std::filesystem::exists(path, missing)) return processor;
    std::ifstream in = openInputFile(path, "the image preprocessor config");

    const std::string source = path.string();
    try {
        const auto json = nlohmann::json::parse(in);
        processor.doResize = json.value("do_resize", true);
        processor.doCenterCrop = json.value("do_center_crop", true);
        processor.doNormalize = json.value("do_normalize", true);
        if (json.value("resample", kPilBicubic) != kPilBicubic)
            throw Error("only bicubic resampling (3) is implemented", source + ": resample");
        if (json.contains("size")) {
            const auto& size = json["size"];
            if (size.is_number())
                processor.shortestEdge = size.get<int64_t>();
            else if (size.contains("shortest_edge"))
                processor.shortestEdge = size["shortest_edge"].get<int64_t>();
            else
                throw Error("only {\"shortest_edge\": N} sizes are implemented", source + ": size");
        }
        if (json.contains("crop_size")) {
            const auto& crop = json["crop_size"];
            if (crop.is_number()) {
                processor.cropHeight = processor.cropWidth = crop.get<int64_t>();
            } else {
                processor.cropHeight = crop.at("height").get<int64_t>();
                processor.cropWidth = crop.at("width").get<int64_t>();
            }
        }
        if (json.contains("image_mean")) processor.mean = json["image_mean"].get<std::array<double, 3>>();
        if (json.contains("image_std")) processor.std = json["image_std"].get<std::array<double, 3>>();
        if (json.value("rescale_factor", 1.0 / 255.0) != 1.0 / 255.0 || !json.value("do_rescale", true))
            throw Error("only rescaling by 1/255 is implemented", source + ": rescale_factor");
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("invalid image processor configuration: ") + e.what(), source);
    }
    return processor;
}

torch::Tensor ClipImageProcessor::operator()(const torch::Tensor& image) const {
    if (image.dim() != 3 || (image.size(0) != 1 && image.size(0) != 3))
        throw Error("image tensor has shape " + c10::str(image.sizes()) + ", expected [1 or 3, height, width]",
                    "image preprocessing");
    auto x = image.to(torch::kFloat32).expand({3, image.size(1), image.size(2)}).unsqueeze(0);
    if (doResize) {
        const int64_t h = x.size(2), w = x.size(3);
        // transformers: the short side becomes shortest_edge, the long side scales with
        // it and is truncated to an integer.
        const int64_t outH = h <= w ? shortestEdge : static_cast<int64_t>(shortestEdge * h / static_cast<double>(w));
        const int64_t outW = h <= w ? static_cast<int64_t>(shortestEdge * w / static_cast<double>(h)) : shortestEdge;
        // transformers resizes an 8-bit PIL image: PIL resamples horizontally, rounds and
        // clips to 8 bits, then resamples vertically and rounds again. Antialiased bicubic
        // interpolation is PIL's filter (a = -0.5, widened when shrinking); doing the two
        // passes apart with the same rounding reproduces PIL to within a level.
        auto resample = [](const torch::Tensor& image, int64_t height, int64_t width) {
            const auto resized = torch::nn::functional::interpolate(
                image, torch::nn::functional::InterpolateFuncOptions()
                           .size(std::vector<int64_t>{height, width})
                           .mode(torch::kBicubic)
                           .align_corners(false)
                           .antialias(true));
            return (resized * 255.0).round().clamp(0.0, 255.0) / 255.0;
        };
        x = resample((x * 255.0).round() / 255.0, h, outW);
        x = resample(x, outH, outW);
    }
    if (doCenterCrop) {
        const int64_t h = x.size(2), w = x.size(3);
        if (h < cropHeight || w < cropWidth) {  // transformers pads with zeros first
            const int64_t padH = std::max<int64_t>(cropHeight - h, 0), padW = std::max<int64_t>(cropWidth - w, 0);
            x = torch::constant_pad_nd(x, {padW / 2, padW - padW / 2, padH / 2, padH - padH / 2}, 0.0);
        }
        const int64_t top = (x.size(2) - cropHeight) / 2, left = (x.size(3) - cropWidth) / 2;
        x = x.slice(2, top, top + cropHeight).slice(3, left, left + cropWidth);
    }
    x = x.squeeze(0);
    if (doNormalize) {
        const auto channelMean = torch::tensor({mean[0], mean[1], mean[2]}, torch::kFloat32).view({3, 1, 1});
        const auto channelStd = torch::tensor({std[0], std[1], std[2]}, torch::kFloat32).view({3, 1, 1});
        x = (x - channelMean) / channelStd;
    }
    return x.contiguous();
}

}  // namespace vitask::model
