#include "vitask/ui/plugins_panel/input_normalization.h"

#include <QStringList>

#include <cmath>

namespace vitask::ui {
namespace {

bool near(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::abs(a[i] - b[i]) > 1e-4f) return false;
    return true;
}

}  // namespace

Normalization InputNormalization::values(NormalizationPreset preset, int channels) {
    const auto n = static_cast<size_t>(std::max(channels, 0));
    switch (preset) {
    case NormalizationPreset::ImageNet:
        if (channels == 3) return {{0.485f, 0.456f, 0.406f}, {0.229f, 0.224f, 0.225f}};
        return {std::vector<float>(n, 0.449f), std::vector<float>(n, 0.226f)};
    case NormalizationPreset::Half:
        return {std::vector<float>(n, 0.5f), std::vector<float>(n, 0.5f)};
    case NormalizationPreset::None:
        return {std::vector<float>(n, 0.0f), std::vector<float>(n, 1.0f)};
    case NormalizationPreset::Custom:
        break;
    }
    return {};
}

NormalizationPreset InputNormalization::presetOf(const std::vector<float>& mean, const std::vector<float>& std) {
    const int channels = static_cast<int>(mean.size());
    for (auto preset : {NormalizationPreset::ImageNet, NormalizationPreset::Half, NormalizationPreset::None}) {
        const auto v = values(preset, channels);
        if (channels > 0 && near(v.mean, mean) && near(v.std, std)) return preset;
    }
    return NormalizationPreset::Custom;
}

QString InputNormalization::name(NormalizationPreset preset) {
    switch (preset) {
    case NormalizationPreset::ImageNet: return tr("ImageNet");
    case NormalizationPreset::Half: return tr("[0.5]");
    case NormalizationPreset::None: return tr("none");
    case NormalizationPreset::Custom: break;
    }
    return tr("custom");
}

QString InputNormalization::describe(const std::vector<float>& mean, const std::vector<float>& std) {
    if (mean.empty()) return {};
    const auto preset = presetOf(mean, std);
    if (preset != NormalizationPreset::Custom) return name(preset);
    return tr("mean [%1], std [%2]").arg(join(mean), join(std));
}

QString InputNormalization::join(const std::vector<float>& values) {
    QStringList parts;
    for (const float v : values) parts << QString::number(v, 'g', 6);
    return parts.join(QStringLiteral(", "));
}

}  // namespace vitask::ui
