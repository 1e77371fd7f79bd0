#include "vitask/report/case_report.h"

#include "vitask/common/error.h"
#include "vitask/common/turbo_colour_map.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ctime>

namespace vitask::report {
namespace {

using Rgb = std::array<uint8_t, 3>;


// Below this saliency the pixel is left as it is; above it the colour's weight grows with
// the value (up to half at 1), so the anatomy stays readable everywhere and the heat
// stands out only where the model looked.
constexpr double kHeatmapFrom = 0.2;
constexpr double kHeatmapMaxAlpha = 0.5;

// The map's value at image pixel (x, y): the map covers the whole image (stretched), and
// is sampled bilinearly at the pixel's centre so that a 14x14 Grad-CAM does not print as
// blocks.
class StretchedMap {
public:
    StretchedMap(const service::SaliencyMap& map, int width, int height)
        : map_(map), scaleX_(double(map.width) / width), scaleY_(double(map.height) / height) {}

    double at(int x, int y) const {
        const double sx = std::clamp((x + 0.5) * scaleX_ - 0.5, 0.0, double(map_.width - 1));
        const double sy = std::clamp((y + 0.5) * scaleY_ - 0.5, 0.0, double(map_.height - 1));
        const int x0 = int(sx), y0 = int(sy);
        const int x1 = std::min(x0 + 1, map_.width - 1), y1 = std::min(y0 + 1, map_.height - 1);
        const double fx = sx - x0, fy = sy - y0;
        const double top = value(x0, y0) * (1 - fx) + value(x1, y0) * fx;
        const double bottom = value(x0, y1) * (1 - fx) + value(x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

private:
    double value(int x, int y) const {
        const float v = map_.values[std::size_t(y) * std::size_t(map_.width) + std::size_t(x)];
        return std::isfinite(v) ? v : 0.0;
    }

    const service::SaliencyMap& map_;
    double scaleX_, scaleY_;
};

}  // namespace

const char* researchDisclaimer() {
    return "Research use only — not for clinical diagnosis: the AI's answers, probabilities and heatmaps "
           "come from research models that are not validated for patient care, and must not replace "
           "the judgement of a qualified clinician.";
}

CaseReport caseReportFromAnswer(const service::AskResult& result, const service::AskResult* withExemplar) {
    CaseReport c;
    c.question = result.instruction;
    c.answer = result.answer;
    c.labels = result.labels;
    c.labelsWithExemplar = result.labelsWithExemplar;
    if (withExemplar) {
        c.answerWithExemplar = withExemplar->answer;
        // Both answers score both label sets; take the exemplar-prompted one's when only it has them.
        if (c.labelsWithExemplar.empty()) c.labelsWithExemplar = withExemplar->labelsWithExemplar;
    }
    c.vlmLabel = result.vlmLabel;
    c.tsm = result.tsm;
    if (result.tsm) c.tsmModel.name = result.tsm->name;  // version and hash: the caller knows them
    c.agreement = service::agreementName(result.agreement);
    if (result.saliency) {
        c.saliencyMethod = result.saliency->method;
        c.saliencyLabel = result.saliency->label;
    }
    // AskResult has no time of its own: a case is made when the answer arrives. Callers
    // that report a stored answer set answeredAt from where they stored it.
    c.answeredAt = isoTimeNowUtc();
    return c;
}

KeyImage keyImageFrom(const service::ModelImage& image, const service::SaliencyMap* saliency) {
    KeyImage key;
    if (image.empty()) return key;
    const std::size_t plane = std::size_t(image.width) * std::size_t(image.height);
    if (image.width <= 0 || image.height <= 0 || image.channels <= 0 ||
        image.values.size() != plane * std::size_t(image.channels))
        throw Error("the image has " + std::to_string(image.values.size()) + " values, not channels x height x width (" +
                        std::to_string(image.channels) + " x " + std::to_string(image.height) + " x " +
                        std::to_string(image.width) + ")",
                    "key image");
    if (saliency && (saliency->width <= 0 || saliency->height <= 0 ||
                     saliency->values.size() != std::size_t(saliency->width) * std::size_t(saliency->height)))
        throw Error("the saliency map has " + std::to_string(saliency->values.size()) + " values, not height x width (" +
                        std::to_string(saliency->height) + " x " + std::to_string(saliency->width) + ")",
                    "key image");

    key.width = image.width;
    key.height = image.height;
    key.heatmap = saliency != nullptr;
    key.rgb.resize(plane * 3);
    // Grey images repeat their one channel; colour images keep their first three.
    const bool colour = image.channels >= 3;
    auto byte = [](float v) {
        return static_cast<uint8_t>(std::lround(std::clamp(std::isfinite(v) ? v : 0.0f, 0.0f, 1.0f) * 255.0f));
    };
    for (std::size_t i = 0; i < plane; ++i)
        for (std::size_t c = 0; c < 3; ++c) key.rgb[i * 3 + c] = byte(image.values[(colour ? c : 0) * plane + i]);

    if (!saliency) return key;
    const StretchedMap map(*saliency, image.width, image.height);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const double value = std::min(map.at(x, y), 1.0);
            if (value < kHeatmapFrom) continue;
            const double alpha = kHeatmapMaxAlpha * value;
            const Rgb hot = turboColour(value);  // the viewer's colours (vitask/common)
            uint8_t* pixel = &key.rgb[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 3];
            for (std::size_t c = 0; c < 3; ++c)
                pixel[c] = static_cast<uint8_t>(std::lround((1 - alpha) * pixel[c] + alpha * hot[c]));
        }
    }
    return key;
}

std::string isoTimeNowUtc() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace vitask::report
