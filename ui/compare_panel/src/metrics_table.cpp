#include "metrics_table.h"

#include <QEvent>
#include <QHeaderView>

#include <cmath>

namespace vitask::ui {

MetricsTable::MetricsTable(QWidget* parent) : QTableWidget(SystemCount, FigureCount, parent) {
    setObjectName(QStringLiteral("metricsTable"));
    for (int f = 0; f < FigureCount; ++f) setHorizontalHeaderItem(f, new QTableWidgetItem);
    for (int s = 0; s < SystemCount; ++s) setVerticalHeaderItem(s, new QTableWidgetItem);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::ContiguousSelection);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Three rows, all shown: the table is exactly as high as they are.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    retranslateUi();
    setFixedHeight(horizontalHeader()->sizeHint().height() + SystemCount * verticalHeader()->defaultSectionSize() +
                   2 * frameWidth());
    clearMetrics();
}

void MetricsTable::retranslateUi() {
    const QString figures[FigureCount] = {tr("Accuracy"), tr("Macro-F1"), tr("Macro AUC"), tr("Unparseable"),
                                          tr("Samples")};
    for (int f = 0; f < FigureCount; ++f) horizontalHeaderItem(f)->setText(figures[f]);
    const QString systems[SystemCount] = {tr("VLM"), tr("VLM + EP"), tr("TSM")};
    for (int s = 0; s < SystemCount; ++s) verticalHeaderItem(s)->setText(systems[s]);
    horizontalHeaderItem(MacroAuc)->setToolTip(tr("One-vs-rest ROC AUC averaged over the classes (label-set scoring "
                                                  "and the TSM only: generation gives no probabilities)."));
    horizontalHeaderItem(Unparseable)->setToolTip(tr("Answers that named no label; they count as wrong."));
    verticalHeaderItem(Vlm)->setToolTip(tr("VITask w/o EP: the VLM alone"));
    verticalHeaderItem(VlmWithExemplar)->setToolTip(tr("VITask w/ EP: with the TSM's exemplar"));
    // "n/a" and the reasons are in words too.
    for (int s = 0; s < SystemCount; ++s) fillRow(static_cast<System>(s));
}

void MetricsTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QTableWidget::changeEvent(event);
}

void MetricsTable::showMetrics(System system, std::optional<service::SystemMetrics> metrics, TextSource why) {
    shown_[system] = {std::move(metrics), std::move(why)};
    fillRow(system);
}

void MetricsTable::fillRow(System system) {
    const int row = static_cast<int>(system);
    const auto& [metrics, why] = shown_[system];
    if (!metrics) {
        if (!why) return;  // cleared
        setSpan(row, 0, 1, FigureCount);
        auto* item = new QTableWidgetItem(why());
        item->setForeground(QColor(0x75, 0x75, 0x75));
        item->setToolTip(item->text());
        setItem(row, 0, item);
        return;
    }
    if (columnSpan(row, 0) > 1) setSpan(row, 0, 1, 1);
    const double values[FigureCount] = {metrics->accuracy, metrics->macroF1, metrics->macroAuc,
                                        static_cast<double>(metrics->unparseable), static_cast<double>(metrics->samples)};
    for (int f = 0; f < FigureCount; ++f) {
        const double v = values[f];
        const bool count = f == Unparseable || f == Samples;
        auto* item = new QTableWidgetItem(std::isnan(v) ? tr("n/a") : count ? QString::number(static_cast<qint64>(v))
                                                                           : QString::number(v, 'f', 4));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!std::isnan(v)) item->setData(Qt::UserRole, v);
        if (f == MacroF1) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        setItem(row, f, item);
    }
}

void MetricsTable::clearMetrics() {
    clearSpans();
    for (auto& shown : shown_) shown = {};
    for (int r = 0; r < SystemCount; ++r)
        for (int f = 0; f < FigureCount; ++f) setItem(r, f, new QTableWidgetItem);
}

std::optional<double> MetricsTable::value(System system, Figure figure) const {
    const auto* cell = item(static_cast<int>(system), static_cast<int>(figure));
    if (!cell || !cell->data(Qt::UserRole).isValid()) return std::nullopt;
    return cell->data(Qt::UserRole).toDouble();
}

}  // namespace vitask::ui
