#pragma once
// The robustness grid as a grouped bar chart: a group per instruction variant, in it a bar
// per model and system (VLM, VLM + EP, TSM), the macro-F1 on a 0–1 axis. A model has its
// hue (blue, orange, green, ...): its VLM light, its VLM + EP dark; the TSM is grey.

#include <QString>
#include <QStringList>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace vitask::ui {

struct RobustnessSeries {
    QString name;                // "vitask-512 · VLM + EP"
    int system = 0;              // RobustnessPanel::System
    int model = 0;               // the model's position in the run
    std::vector<double> values;  // per instruction; NaN: none
};

// A new chart (the caller's QChartView takes it).
QChart* robustnessChart(const QStringList& instructions, const std::vector<RobustnessSeries>& series);

}  // namespace vitask::ui
