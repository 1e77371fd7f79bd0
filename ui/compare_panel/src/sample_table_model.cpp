#include "sample_table_model.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace vitask::ui {
namespace {

const std::optional<service::SampleAnswer>* answerIn(const service::SampleRow& row, int column,
                                                     std::optional<service::SampleAnswer>& vlm) {
    switch (column) {
    case SampleTableModel::Vlm: vlm = row.vlm; return &vlm;
    case SampleTableModel::VlmWithExemplar: return &row.vlmWithExemplar;
    case SampleTableModel::Tsm: return &row.tsm;
    default: return nullptr;
    }
}

}  // namespace

SampleTableModel::SampleTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SampleTableModel::clear() { setRows({}); }

void SampleTableModel::append(const service::SampleRow& row) {
    const int at = static_cast<int>(rows_.size());
    beginInsertRows({}, at, at);
    rows_.push_back(row);
    endInsertRows();
}

void SampleTableModel::setRows(std::vector<service::SampleRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

void SampleTableModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!rows_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SampleTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int SampleTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString SampleTableModel::answerText(const std::optional<service::SampleAnswer>& answer) {
    if (!answer) return {};
    if (answer->label.empty()) return tr("— unparseable");
    const QString label = QString::fromStdString(answer->label);
    if (std::isnan(answer->probability)) return label;
    return tr("%1 · %2 %").arg(label).arg(answer->probability * 100.0, 0, 'f', 0);
}

QString SampleTableModel::agreementText(service::Agreement agreement) {
    switch (agreement) {
    case service::Agreement::Agree: return tr("agree");
    case service::Agreement::Disagree: return tr("disagree");
    case service::Agreement::VlmUnsure: return tr("VLM unsure");
    case service::Agreement::Unknown: break;
    }
    return tr("—");
}

QVariant SampleTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& row = rows_[static_cast<size_t>(index.row())];
    const int column = index.column();
    std::optional<service::SampleAnswer> vlm;
    const auto* answer = answerIn(row, column, vlm);

    if (role == Qt::DisplayRole) {
        if (column == Index) return QVariant::fromValue<qlonglong>(row.index);
        if (column == Truth) return QString::fromStdString(row.truth);
        if (column == Agreement) return agreementText(row.agreement);
        return answerText(*answer);
    }
    if (role == SortRole) {
        if (column == Index) return QVariant::fromValue<qlonglong>(row.index);
        if (column == Truth) return QString::fromStdString(row.truth);
        if (column == Agreement) return static_cast<int>(row.agreement);
        return *answer ? QString::fromStdString((*answer)->label) : QString();
    }
    if (role == Qt::TextAlignmentRole && column == Index) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && answer && *answer) {
        if ((*answer)->label.empty()) return QBrush(QColor(0x75, 0x75, 0x75));
        return QBrush((*answer)->label == row.truth ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb7, 0x1c, 0x1c));
    }
    if (role == Qt::BackgroundRole && column == Agreement) {
        if (row.agreement == service::Agreement::Agree) return QBrush(QColor(0xe8, 0xf5, 0xe9));
        if (row.agreement == service::Agreement::Disagree) return QBrush(QColor(0xff, 0xf3, 0xe0));
    }
    if (role == Qt::ToolTipRole && answer && *answer) {
        const QString said = QString::fromStdString((*answer)->answer);
        return said.isEmpty() ? QVariant() : tr("Answer: %1").arg(said);
    }
    return {};
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Vlm: return tr("The VLM alone, as it would be deployed (VITask w/o EP)");
        case VlmWithExemplar: return tr("The VLM with the TSM's exemplar (VITask w/ EP)");
        case Tsm: return tr("The task-specific model's top class");
        case Agreement: return tr("Agree: every system gives the same label");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Index: return tr("#");
    case Truth: return tr("Truth");
    case Vlm: return tr("VLM");
    case VlmWithExemplar: return tr("VLM + EP");
    case Tsm: return tr("TSM");
    case Agreement: return tr("Agreement");
    default: return {};
    }
}

DisagreementFilter::DisagreementFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(SampleTableModel::SortRole);
}

void DisagreementFilter::setOnlyDisagreements(bool only) {
    if (only == only_) return;
    only_ = only;
    invalidateRowsFilter();
}

bool DisagreementFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    if (!only_) return true;
    const auto* model = qobject_cast<const SampleTableModel*>(sourceModel());
    return model && model->rows()[static_cast<size_t>(sourceRow)].agreement == service::Agreement::Disagree;
}

}  // namespace vitask::ui
