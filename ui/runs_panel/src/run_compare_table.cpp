#include "run_compare_table.h"

#include "run_format.h"
#include "vitask/ui/runs_panel/runs_panel.h"

#include <QCheckBox>
#include <QDir>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vitask::ui {

RunCompareTable::RunCompareTable(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    onlyDifferences_ = new QCheckBox(this);
    onlyDifferences_->setObjectName(QStringLiteral("onlyDifferences"));
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* top = new QHBoxLayout;
    top->addWidget(hint_, 1);
    top->addWidget(onlyDifferences_);
    layout->addLayout(top);
    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("compareTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    // Equal columns that fit the page: long paths are elided, their cells' tooltips hold them.
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setTextElideMode(Qt::ElideMiddle);
    table_->setWordWrap(false);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setAlternatingRowColors(true);
    layout->addWidget(table_, 1);
    connect(onlyDifferences_, &QCheckBox::toggled, this, &RunCompareTable::fill);
    retranslateUi();
}

void RunCompareTable::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void RunCompareTable::retranslateUi() {
    onlyDifferences_->setText(RunsPanel::tr("Only differences"));
    onlyDifferences_->setToolTip(RunsPanel::tr("Hide the configuration keys all selected runs share."));
    hint_->setText(RunsPanel::tr("Select several runs in the list (Ctrl+click) to compare them; highlighted "
                                 "rows differ, the best metric of a row is bold."));
}

void RunCompareTable::setRuns(const QList<const RunEntry*>& runs) {
    rows_.clear();
    runNames_.clear();
    for (const auto* run : runs) runNames_ << QDir(run->folder).dirName();
    const auto add = [&](const QString& label, const auto& value) {
        Row row{label, {}, {}, false, false};
        for (const auto* run : runs) row.values << value(*run);
        rows_ << row;
    };
    const auto addMetric = [&](const QString& label, const auto& number) {
        Row row{label, {}, {}, false, false};
        for (const auto* run : runs) {
            row.numbers << number(*run);
            row.values << formatMetric(row.numbers.last());
        }
        rows_ << row;
    };
    add(RunsPanel::tr("State"), [](const RunEntry& r) { return runStateLabel(r.stateKey); });
    add(RunsPanel::tr("Steps"), [](const RunEntry& r) {
        return r.summary.totalSteps > 0 ? QStringLiteral("%1 / %2").arg(r.summary.step).arg(r.summary.totalSteps)
                                        : QStringLiteral("—");
    });
    add(RunsPanel::tr("Duration"), [](const RunEntry& r) {
        const auto& s = r.summary;
        return s.createdAt > 0 && s.updatedAt >= s.createdAt ? formatDuration(static_cast<double>(s.updatedAt - s.createdAt))
                                                             : QStringLiteral("—");
    });
    add(RunsPanel::tr("Started"), [](const RunEntry& r) { return formatTime(r.summary.createdAt); });
    addMetric(RunsPanel::tr("best val macro-F1"), [](const RunEntry& r) { return r.bestValMacroF1(); });
    for (const char* key : {"test_accuracy", "test_macro_f1", "test_ep_accuracy", "test_ep_macro_f1"}) {
        const std::string name = key;
        addMetric(metricLabel(QLatin1String(key)), [name](const RunEntry& r) {
            const auto it = r.summary.finalMetrics.find(name);
            return it == r.summary.finalMetrics.end() ? -1.0 : it->second;
        });
    }
    // The configurations' keys, in the order of their first appearance.
    QStringList keys;
    for (const auto* run : runs)
        for (const auto& [key, value] : run->summary.configValues)
            if (!keys.contains(QString::fromStdString(key))) keys << QString::fromStdString(key);
    for (const auto& key : keys) {
        const std::string name = key.toStdString();
        add(key, [name](const RunEntry& r) {
            for (const auto& [k, v] : r.summary.configValues)
                if (k == name) return QString::fromStdString(v);
            return QStringLiteral("—");
        });
        rows_.last().configuration = true;
    }
    for (auto& row : rows_) row.differs = runs.size() > 1 && row.values.count(row.values.first()) != row.values.size();
    fill();
}

QStringList RunCompareTable::differingKeys() const {
    QStringList keys;
    for (const auto& row : rows_)
        if (row.configuration && row.differs) keys << row.label;
    return keys;
}

void RunCompareTable::fill() {
    const bool onlyDifferences = onlyDifferences_->isChecked();
    QList<const Row*> shown;
    for (const auto& row : rows_)
        if (!onlyDifferences || !row.configuration || row.differs) shown << &row;
    table_->clear();
    table_->setColumnCount(static_cast<int>(runNames_.size()));
    table_->setHorizontalHeaderLabels(runNames_);
    table_->setRowCount(static_cast<int>(shown.size()));
    const QColor highlight(0xff, 0xf3, 0xcd);
    for (int r = 0; r < shown.size(); ++r) {
        const Row& row = *shown[r];
        auto* header = new QTableWidgetItem(row.label);
        if (row.configuration) header->setToolTip(RunsPanel::tr("config.yaml: %1").arg(row.label));
        table_->setVerticalHeaderItem(r, header);
        const double best = row.numbers.isEmpty() ? -1 : *std::max_element(row.numbers.begin(), row.numbers.end());
        for (int c = 0; c < row.values.size(); ++c) {
            auto* item = new QTableWidgetItem(row.values[c]);
            item->setToolTip(row.values[c]);
            if (row.differs) item->setBackground(highlight);
            if (runNames_.size() > 1 && best >= 0 && row.numbers[c] == best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            if (!row.numbers.isEmpty()) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(r, c, item);
        }
    }
}

}  // namespace vitask::ui
