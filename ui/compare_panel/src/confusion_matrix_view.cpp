#include "confusion_matrix_view.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QPainter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

// White to the studio's blue (#1565c0) by `share` in [0, 1].
QColor heat(double share) {
    const auto mix = [share](int from, int to) { return static_cast<int>(from + (to - from) * share + 0.5); };
    return {mix(255, 0x15), mix(255, 0x65), mix(255, 0xc0)};
}

// Frames the diagonal's cells, where the right answers are.
class DiagonalDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyledItemDelegate::paint(painter, option, index);
        if (index.row() != index.column()) return;
        painter->save();
        painter->setPen(QPen(QColor(0x0d, 0x47, 0xa1), 1.5));
        painter->drawRect(QRectF(option.rect).adjusted(1, 1, -1.5, -1.5));
        painter->restore();
    }
};

}  // namespace

ConfusionMatrixView::ConfusionMatrixView(TextSource title, QWidget* parent)
    : QWidget(parent), titleText_(std::move(title)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setItemDelegate(new DiagonalDelegate(table_));
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setMinimumSectionSize(40);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(title_);
    layout->addWidget(table_);
    layout->addStretch(1);
    retranslateUi();
}

void ConfusionMatrixView::retranslateUi() {
    title_->setText(titleText_());
    table_->setToolTip(tr("Rows: the true class; columns: the predicted class. Shading: the share of the row."));
    // The cells' tool tips and the reason are in words too.
    if (why_) fillNothing();
    else if (!confusion_.empty()) fillMatrix();
}

void ConfusionMatrixView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void ConfusionMatrixView::fitRows(int rows) {
    // Every cell shown: a matrix read with scroll bars hides the errors.
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() +
                           rows * table_->verticalHeader()->defaultSectionSize() + 2 * table_->frameWidth());
    table_->resizeColumnsToContents();
    table_->setMaximumWidth(table_->verticalHeader()->sizeHint().width() + table_->horizontalHeader()->length() +
                            2 * table_->frameWidth());
}

void ConfusionMatrixView::showMatrix(std::vector<std::string> labels, std::vector<std::vector<int64_t>> confusion) {
    labels_ = std::move(labels);
    confusion_ = std::move(confusion);
    why_ = nullptr;
    fillMatrix();
}

void ConfusionMatrixView::fillMatrix() {
    const int n = static_cast<int>(confusion_.size());
    table_->clear();
    table_->setRowCount(n);
    table_->setColumnCount(n);
    QStringList names;
    for (int k = 0; k < n; ++k)
        names << (k < static_cast<int>(labels_.size()) ? QString::fromStdString(labels_[static_cast<size_t>(k)])
                                                        : QString::number(k));
    table_->setVerticalHeaderLabels(names);
    table_->setHorizontalHeaderLabels(names);
    for (int t = 0; t < n; ++t) {
        const auto& row = confusion_[static_cast<size_t>(t)];
        qint64 total = 0;
        for (auto c : row) total += c;
        for (int p = 0; p < n && p < static_cast<int>(row.size()); ++p) {
            const auto count = row[static_cast<size_t>(p)];
            const double share = total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
            auto* item = new QTableWidgetItem(QString::number(count));
            item->setTextAlignment(Qt::AlignCenter);
            item->setBackground(heat(share));
            item->setForeground(share > 0.55 ? Qt::white : QColor(0x21, 0x21, 0x21));
            item->setToolTip(tr("True %1, predicted %2: %3 (%4 % of %1)")
                                 .arg(names[t], names[p])
                                 .arg(count)
                                 .arg(share * 100.0, 0, 'f', 1));
            table_->setItem(t, p, item);
        }
    }
    fitRows(n);
}

void ConfusionMatrixView::showNothing(TextSource why) {
    labels_.clear();
    confusion_.clear();
    why_ = std::move(why);
    fillNothing();
}

void ConfusionMatrixView::fillNothing() {
    table_->clear();
    table_->setRowCount(1);
    table_->setColumnCount(1);
    table_->setHorizontalHeaderLabels({QString()});
    table_->setVerticalHeaderLabels({QString()});
    auto* item = new QTableWidgetItem(why_());
    item->setForeground(QColor(0x75, 0x75, 0x75));
    table_->setItem(0, 0, item);
    fitRows(1);
}

qint64 ConfusionMatrixView::count(int truth, int predicted) const {
    const auto* item = table_->item(truth, predicted);
    bool ok = false;
    const auto value = item ? item->text().toLongLong(&ok) : 0;
    return ok ? value : -1;
}

}  // namespace vitask::ui
