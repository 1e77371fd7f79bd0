#pragma once
// The input normalisations the Plug-ins page names and the Add ONNX TSM form offers, so a
// reader sees "ImageNet" rather than six numbers to compare by eye: ImageNet's statistics
// (torchvision's pretrained weights), [0.5] (pixels to [-1, 1]) and none (mean 0, std 1).

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace vitask::ui {

enum class NormalizationPreset { ImageNet, Half, None, Custom };

struct Normalization {
    std::vector<float> mean, std;  // one per channel
};

class InputNormalization {
    Q_DECLARE_TR_FUNCTIONS(InputNormalization)
public:
    // The preset's values for `channels` channels. ImageNet with one channel: the averages
    // of its three (0.449, 0.226), as used for grey models started from ImageNet weights.
    // Custom has none (empty).
    static Normalization values(NormalizationPreset preset, int channels);
    // The preset these values are (within 1e-4), else Custom.
    static NormalizationPreset presetOf(const std::vector<float>& mean, const std::vector<float>& std);
    // "ImageNet", "[0.5]", "none", "custom".
    static QString name(NormalizationPreset preset);
    // The preset's name, or "mean [..], std [..]" for other values; empty when there are none.
    static QString describe(const std::vector<float>& mean, const std::vector<float>& std);
    // "0.485, 0.456, 0.406": the values as the form's fields show them.
    static QString join(const std::vector<float>& values);
};

}  // namespace vitask::ui
