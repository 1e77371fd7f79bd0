#include "vitask/ui/viewer/orientation.h"

#include <algorithm>
#include <cmath>

namespace vitask::ui {

QString orientationLetters(const std::array<double, 3>& d, double threshold) {
    // Positive / negative letter per LPS axis.
    static const char positive[3] = {'L', 'P', 'S'};
    static const char negative[3] = {'R', 'A', 'I'};
    std::array<int, 3> order{0, 1, 2};
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return std::abs(d[a]) > std::abs(d[b]); });
    QString letters;
    for (int axis : order) {
        if (letters.size() == 2 || std::abs(d[axis]) < threshold) break;
        letters += QLatin1Char(d[axis] > 0 ? positive[axis] : negative[axis]);
    }
    return letters;
}

OrientationLabels orientationLabels(const std::array<double, 9>& m) {
    // Column c of the row-major matrix is the direction of voxel axis c.
    const std::array<double, 3> column{m[0], m[3], m[6]};
    const std::array<double, 3> row{m[1], m[4], m[7]};
    auto negate = [](std::array<double, 3> v) {
        for (double& x : v) x = -x;
        return v;
    };
    // i grows to the right, j downwards: the right edge points along +i, the bottom along +j.
    return {orientationLetters(negate(column)), orientationLetters(column),
            orientationLetters(negate(row)), orientationLetters(row)};
}

OrientationLabels orientationLabels(const QString& alongRows, const QString& downColumns) {
    // DICOM's letters (PS3.3 C.7.6.1.1.1): L/R, A/P, H/F, combined for oblique directions.
    const auto opposite = [](const QString& letters) {
        static const QString from = QStringLiteral("LRAPHF"), to = QStringLiteral("RLPAFH");
        QString out;
        for (const QChar c : letters) {
            const auto i = from.indexOf(c);
            out += i < 0 ? c : to[i];
        }
        return out;
    };
    return {opposite(alongRows), alongRows, opposite(downColumns), downColumns};
}

}  // namespace vitask::ui
