#include "step_progress_delegate.h"

#include "run_table_model.h"

#include <QPainter>

#include <algorithm>

namespace vitask::ui {

void StepProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyledItemDelegate::paint(painter, option, index);
    const double fraction = index.data(RunTableModel::ProgressRole).toDouble();
    if (fraction < 0) return;
    const QRect cell = option.rect.adjusted(6, 0, -6, -3);
    const QRectF track(cell.left(), cell.bottom() - 3, cell.width(), 3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 28));
    painter->drawRoundedRect(track, 1.5, 1.5);
    const QColor done = index.siblingAtColumn(RunTableModel::State).data(Qt::ForegroundRole).value<QColor>();
    painter->setBrush(done.isValid() ? done : option.palette.highlight().color());
    painter->drawRoundedRect(QRectF(track.left(), track.top(), track.width() * std::clamp(fraction, 0.0, 1.0), track.height()),
                             1.5, 1.5);
    painter->restore();
}

QSize StepProgressDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    return QStyledItemDelegate::sizeHint(option, index) + QSize(16, 6);
}

}  // namespace vitask::ui
