#include "vitask/ui/ai_panel/probability_table.h"

#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

#include <algorithm>

namespace vitask::ui {
namespace {

constexpr int kProbabilityRole = Qt::UserRole + 1;

// A horizontal bar under the percentage, so a column reads at a glance.
class BarDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const QVariant value = index.data(kProbabilityRole);
        if (value.isValid()) {
            const double p = std::clamp(value.toDouble(), 0.0, 1.0);
            QRectF bar = QRectF(option.rect).adjusted(2, 3, -2, -3);
            bar.setWidth(bar.width() * p);
            painter->save();
            QColor colour = option.palette.color(QPalette::Highlight);
            colour.setAlpha(90);
            painter->fillRect(bar, colour);
            painter->restore();
        }
        QStyledItemDelegate::paint(painter, option, index);
    }
};

void setCell(QTableWidget& table, int row, int column, double p, bool top) {
    auto* item = new QTableWidgetItem(QStringLiteral("%1 %").arg(100.0 * p, 0, 'f', 1));
    item->setData(kProbabilityRole, p);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont font = item->font();
    font.setBold(top);
    item->setFont(font);
    table.setItem(row, column, item);
}

}  // namespace

ProbabilityTable::ProbabilityTable(QWidget* parent) : QTableWidget(0, 4, parent) {
    retranslateUi();
    setItemDelegate(new BarDelegate(this));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(Label, QHeaderView::Stretch);
    for (int c = Vlm; c <= Tsm; ++c) horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    setObjectName(QStringLiteral("probabilityTable"));
}

void ProbabilityTable::retranslateUi() {
    setHorizontalHeaderLabels({tr("Label"), tr("VLM"), tr("VLM + EP"), tr("TSM")});
    horizontalHeaderItem(Vlm)->setToolTip(tr("The VITask model without the TSM: how it answers at inference."));
    horizontalHeaderItem(VlmWithExemplar)->setToolTip(tr("The VITask model given the TSM's exemplar (exemplar prompting)."));
    horizontalHeaderItem(Tsm)->setToolTip(tr("The task-specific model (image classifier) alone."));
}

void ProbabilityTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QTableWidget::changeEvent(event);
}

void ProbabilityTable::showProbabilities(const std::vector<service::LabelProbability>& vlm,
                                         const std::vector<service::LabelProbability>& vlmWithExemplar,
                                         const std::optional<service::TsmPrediction>& tsm) {
    clearProbabilities();
    // One row per label, matched case-insensitively (the TSM's manifest may capitalise).
    QStringList labels;
    const auto rowOf = [&](const std::string& label) {
        for (int row = 0; row < labels.size(); ++row)
            if (labels[row].compare(QString::fromStdString(label), Qt::CaseInsensitive) == 0) return row;
        return -1;
    };
    const auto addLabels = [&](const std::vector<service::LabelProbability>& list) {
        for (const auto& l : list)
            if (rowOf(l.label) < 0) labels << QString::fromStdString(l.label);
    };
    addLabels(vlm);
    addLabels(vlmWithExemplar);
    if (tsm) addLabels(tsm->probabilities);
    setRowCount(static_cast<int>(labels.size()));
    for (int row = 0; row < labels.size(); ++row) setItem(row, Label, new QTableWidgetItem(labels[row]));

    const auto fill = [&](const std::vector<service::LabelProbability>& list, int column) {
        if (list.empty()) return;
        const auto top = std::max_element(list.begin(), list.end(),
                                          [](const auto& a, const auto& b) { return a.probability < b.probability; });
        for (const auto& l : list) setCell(*this, rowOf(l.label), column, l.probability, &l == &*top);
    };
    fill(vlm, Vlm);
    fill(vlmWithExemplar, VlmWithExemplar);
    if (tsm) fill(tsm->probabilities, Tsm);
}

void ProbabilityTable::clearProbabilities() {
    clearContents();
    setRowCount(0);
}

std::optional<double> ProbabilityTable::probability(const QString& label, Column column) const {
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, Label)->text() != label) continue;
        const auto* cell = item(row, column);
        if (!cell) return std::nullopt;
        return cell->data(kProbabilityRole).toDouble();
    }
    return std::nullopt;
}

}  // namespace vitask::ui
