#include "tsm_table_model.h"

#include "vitask/ui/plugins_panel/input_normalization.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QRegularExpression>
#include <QStringList>

namespace vitask::ui {
namespace {

const QColor kReady(0x2e, 0x7d, 0x32);
const QColor kBroken(0xc6, 0x28, 0x28);
constexpr int kLabelsInToolTip = 40;  // a 1000-class head would cover the screen

QString text(const std::string& s) { return QString::fromStdString(s); }

QString sourceText(const service::TsmEntry& tsm) {
    return QDir::toNativeSeparators(QString::fromStdString(tsm.source.string()));
}


// A filled dot, the traffic-light convention for a status.
QIcon dot(const QColor& colour) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

QString labelList(const service::TsmEntry& tsm) {
    QStringList lines;
    for (size_t i = 0; i < tsm.labels.size() && i < kLabelsInToolTip; ++i) lines << text(tsm.labels[i]);
    if (tsm.labels.size() > kLabelsInToolTip)
        lines << TsmTableModel::tr("… and %1 more").arg(tsm.labels.size() - kLabelsInToolTip);
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

void TsmTableModel::setEntries(std::vector<service::TsmEntry> entries) {
    beginResetModel();
    entries_ = std::move(entries);
    endResetModel();
}

const service::TsmEntry* TsmTableModel::entry(int row) const {
    return row >= 0 && row < static_cast<int>(entries_.size()) ? &entries_[static_cast<size_t>(row)] : nullptr;
}

int TsmTableModel::rowOf(const QString& source) const {
    for (size_t row = 0; row < entries_.size(); ++row)
        if (QString::fromStdString(entries_[row].source.string()) == source) return static_cast<int>(row);
    return -1;
}

void TsmTableModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!entries_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int TsmTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int TsmTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString TsmTableModel::kindName(const std::string& kind) {
    if (kind == "builtin") return tr("Built-in");
    if (kind == "onnx") return tr("ONNX");
    if (kind == "plugin") return tr("Compiled");
    return text(kind);
}

QString TsmTableModel::inputText(const service::TsmEntry& tsm) {
    if (tsm.inputChannels <= 0) return {};
    QString out = tr("%1×%2×%3").arg(tsm.inputChannels).arg(tsm.inputHeight).arg(tsm.inputWidth);
    const QString normalization = InputNormalization::describe(tsm.inputMean, tsm.inputStd);
    if (!normalization.isEmpty()) out += QStringLiteral(" · ") + normalization;
    return out;
}

QString TsmTableModel::problem(const service::TsmEntry& tsm) {
    // An absolute (or "~") path up to its last separator; what follows is the file name.
    static const QRegularExpression folders(QStringLiteral("(?:~|/)[^\\s:'\"]*/(?=[^/\\s:'\"]+)"));
    return abbreviateHome(text(tsm.error)).section(QLatin1Char('\n'), 0, 0).replace(folders, QString());
}

QString TsmTableModel::abbreviateHome(QString text) {
    const QString home = QDir::homePath();
    if (home.isEmpty() || home == QStringLiteral("/")) return text;
    return text.replace(home + QLatin1Char('/'), QStringLiteral("~/"));
}

QVariant TsmTableModel::display(const service::TsmEntry& tsm, int column) const {
    switch (column) {
    case Name: return text(tsm.name);
    case Kind: return kindName(tsm.kind);
    case Version: return tsm.version.empty() ? QStringLiteral("—") : text(tsm.version);
    case Input: return tsm.ready ? inputText(tsm) : QStringLiteral("—");
    case Labels:
        if (!tsm.ready) return QStringLiteral("—");
        return tsm.multiLabel ? tr("%1 (multi-label)").arg(tsm.labels.size()) : QString::number(tsm.labels.size());
    case Features: return tsm.featureWidth > 0 ? QString::number(tsm.featureWidth) : QStringLiteral("—");
    case Status: return tsm.ready ? tr("Ready") : tr("Broken: %1").arg(problem(tsm));
    case Source: return abbreviateHome(sourceText(tsm));
    default: return {};
    }
}

QVariant TsmTableModel::toolTip(const service::TsmEntry& tsm, int column) const {
    switch (column) {
    case Name: return tsm.description.empty() ? QVariant() : text(tsm.description);
    case Kind:
        if (tsm.kind == "builtin") return tr("A LibTorch ResNet or ViT checkpoint (manifest + safetensors)");
        if (tsm.kind == "onnx") return tr("An ONNX model described by a *.tsm.json manifest, run by OpenCV DNN");
        if (tsm.kind == "plugin") return tr("A compiled plug-in: a shared library implementing the TSM interface");
        return {};
    case Input:
        if (!tsm.ready) return {};
        return tr("%1 × %2 pixels; channels: %3; (x − mean) / std with mean [%4], std [%5]")
            .arg(tsm.inputHeight)
            .arg(tsm.inputWidth)
            .arg(tsm.inputChannels)
            .arg(InputNormalization::join(tsm.inputMean), InputNormalization::join(tsm.inputStd));
    case Labels: return tsm.ready ? labelList(tsm) : QVariant();
    case Features: return tr("Width of the pooled feature vector (the exemplar EP feeds the model)");
    case Status: return tsm.ready ? tr("Loaded and answered a probe batch as its metadata promises") : text(tsm.error);
    case Source: return sourceText(tsm);
    default: return {};
    }
}

QVariant TsmTableModel::data(const QModelIndex& index, int role) const {
    const auto* tsm = index.isValid() ? entry(index.row()) : nullptr;
    if (!tsm) return {};
    switch (role) {
    case Qt::DisplayRole: return display(*tsm, index.column());
    case Qt::ToolTipRole: return toolTip(*tsm, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Status) return QBrush(tsm->ready ? kReady : kBroken);
        return {};
    case Qt::DecorationRole:
        if (index.column() == Status) {
            static const QIcon ready = dot(kReady), broken = dot(kBroken);
            return tsm->ready ? ready : broken;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Labels || index.column() == Features)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant TsmTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Version: return tr("Version");
    case Input: return tr("Input");
    case Labels: return tr("Labels");
    case Features: return tr("Features");
    case Status: return tr("Status");
    case Source: return tr("Source");
    default: return {};
    }
}

}  // namespace vitask::ui
