#pragma once
// The run table's Step cell: "120 / 360" over a thin bar of the run's progress.

#include <QStyledItemDelegate>

namespace vitask::ui {

class StepProgressDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace vitask::ui
