#pragma once
// Numbers as the annotations show them: integers without a fraction (HU, 8-bit values,
// window centre/width), anything else to six significant digits.

#include <QString>
#include <cmath>

namespace vitask::ui {

inline QString formatNumber(double value) {
    if (std::isfinite(value) && value == std::nearbyint(value) && std::abs(value) < 1e9) {
        return QString::number(qint64(value));
    }
    return QString::number(value, 'g', 6);
}

}  // namespace vitask::ui
