#include "robustness_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QValueAxis>

#include <cmath>

namespace vitask::ui {
namespace {

// A hue per model, the exemplar's bar the darker shade of it; the TSM grey.
QColor colourOf(int system, int model) {
    if (system == 2) return QColor(0x75, 0x75, 0x75);
    // Material 300 and 800 shades of blue, orange, green, purple, cyan.
    static const QRgb shades[][2] = {{0x64b5f6, 0x1565c0}, {0xffb74d, 0xef6c00}, {0x81c784, 0x2e7d32},
                                     {0xba68c8, 0x6a1b9a}, {0x4dd0e1, 0x00838f}};
    return QColor(shades[model % 5][system == 1 ? 1 : 0]);
}

}  // namespace

QChart* robustnessChart(const QStringList& instructions, const std::vector<RobustnessSeries>& series) {
    auto* chart = new QChart;
    auto* bars = new QBarSeries(chart);
    for (const auto& s : series) {
        auto* set = new QBarSet(s.name, bars);
        set->setColor(colourOf(s.system, s.model));
        set->setBorderColor(colourOf(s.system, s.model).darker(125));
        // A missing value (a model that failed, a system that did not run) as an empty bar.
        for (double v : s.values) set->append(std::isnan(v) ? 0.0 : v);
        bars->append(set);
    }
    bars->setBarWidth(0.85);
    chart->addSeries(bars);
    auto* categories = new QBarCategoryAxis(chart);
    categories->append(instructions);
    chart->addAxis(categories, Qt::AlignBottom);
    bars->attachAxis(categories);
    auto* values = new QValueAxis(chart);
    values->setRange(0.0, 1.0);
    values->setTickCount(6);
    values->setLabelFormat(QStringLiteral("%.1f"));
    values->setTitleText(QCoreApplication::translate("vitask::ui::RobustnessPanel", "Macro-F1"));
    chart->addAxis(values, Qt::AlignLeft);
    bars->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

}  // namespace vitask::ui
