#include "run_table_model.h"

#include "run_format.h"
#include "vitask/ui/runs_panel/runs_panel.h"

#include <QDir>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace vitask::ui {
namespace {

QIcon stateDot(const QColor& colour) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

}  // namespace

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int RunTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == Best)
        return RunsPanel::tr("The best validation macro-F1 without the exemplar so far: the trainer keeps the "
                             "checkpoint that reached it.");
    if (role == Qt::ToolTipRole && section == TestF1)
        return RunsPanel::tr("The final model's macro-F1 on the test split, asked without the exemplar (as it is "
                             "deployed, without its TSM).");
    if (role == Qt::ToolTipRole && section == TestF1Exemplar)
        return RunsPanel::tr("The final model's macro-F1 on the test split with the TSM's exemplar in the prompt.");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
        case Name: return RunsPanel::tr("Run");
        case State: return RunsPanel::tr("State");
        case Progress: return RunsPanel::tr("Step");
        case Speed: return RunsPanel::tr("Steps/s");
        case Eta: return RunsPanel::tr("ETA");
        case Best: return RunsPanel::tr("Best val macro-F1");
        case TestF1: return RunsPanel::tr("Test macro-F1");
        case TestF1Exemplar: return RunsPanel::tr("Test macro-F1 + EP");
        case Started: return RunsPanel::tr("Started");
        default: return {};
    }
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const RunEntry& entry = *entries_[static_cast<size_t>(index.row())];
    const auto& run = entry.summary;
    const bool live = entry.stateKey == QLatin1String("running") || entry.stateKey == QLatin1String("stopping");
    if (role == Qt::ToolTipRole) {
        QString tip = QDir::toNativeSeparators(entry.folder);
        const QString message = !entry.launchError.isEmpty() ? entry.launchError
                                : !run.problem.empty()       ? QString::fromStdString(run.problem)
                                                             : QString::fromStdString(run.message);
        if (!message.isEmpty()) tip += QStringLiteral("\n") + message;
        return tip;
    }
    switch (index.column()) {
        case Name:
            if (role == Qt::DisplayRole) return QDir(entry.folder).dirName();
            if (role == Qt::FontRole) {
                QFont font;
                font.setBold(true);
                return font;
            }
            break;
        case State:
            if (role == Qt::DisplayRole) return runStateLabel(entry.stateKey);
            if (role == Qt::ForegroundRole) return runStateColour(entry.stateKey);
            if (role == Qt::DecorationRole) return stateDot(runStateColour(entry.stateKey));
            break;
        case Progress:
            if (role == Qt::DisplayRole)
                return run.totalSteps > 0 ? QStringLiteral("%1 / %2").arg(run.step).arg(run.totalSteps) : QStringLiteral("—");
            if (role == ProgressRole)
                return run.totalSteps > 0 ? static_cast<double>(run.step) / static_cast<double>(run.totalSteps) : -1.0;
            break;
        case Speed:
            if (role == Qt::DisplayRole)
                return live && run.stepsPerSecond > 0 ? QString::number(run.stepsPerSecond, 'f', run.stepsPerSecond < 10 ? 2 : 1)
                                                      : QStringLiteral("—");
            break;
        case Eta:
            if (role == Qt::DisplayRole) return live ? formatDuration(run.etaSeconds) : QStringLiteral("—");
            break;
        case Best:
            if (role == Qt::DisplayRole) return formatMetric(entry.bestValMacroF1());
            break;
        case TestF1:
        case TestF1Exemplar:
            if (role == Qt::DisplayRole) {
                const auto it = run.finalMetrics.find(index.column() == TestF1 ? "test_macro_f1" : "test_ep_macro_f1");
                return formatMetric(it == run.finalMetrics.end() ? -1.0 : it->second);
            }
            break;
        case Started:
            if (role == Qt::DisplayRole) return formatTime(run.createdAt);
            break;
        default: break;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Progress)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

RunEntry* RunTableModel::find(const QString& folder) const {
    const int row = rowOf(folder);
    return row < 0 ? nullptr : entries_[static_cast<size_t>(row)].get();
}

int RunTableModel::rowOf(const QString& folder) const {
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i]->folder == folder) return static_cast<int>(i);
    return -1;
}

QStringList RunTableModel::folders() const {
    QStringList out;
    for (const auto& entry : entries_) out << entry->folder;
    return out;
}

RunEntry* RunTableModel::add(const QString& folder) {
    if (auto* existing = find(folder)) return existing;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    entries_.push_back(std::make_unique<RunEntry>());
    entries_.back()->folder = folder;
    endInsertRows();
    return entries_.back().get();
}

void RunTableModel::remove(const QString& folder) {
    const int row = rowOf(folder);
    if (row < 0) return;
    beginRemoveRows({}, row, row);
    entries_.erase(entries_.begin() + row);
    endRemoveRows();
}

void RunTableModel::changed(const QString& folder) {
    const int row = rowOf(folder);
    if (row >= 0) Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RunTableModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

}  // namespace vitask::ui
