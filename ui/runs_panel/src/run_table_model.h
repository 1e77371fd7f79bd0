#pragma once
// The runs the page knows, one row each: name, state (coloured), progress, speed, time
// left, best validation macro-F1, the final test macro-F1 without and with the exemplar,
// and start. It owns the RunEntry of every run; entries
// keep their address while they are listed.

#include "run_entry.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace vitask::ui {

class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, State, Progress, Speed, Eta, Best, TestF1, TestF1Exemplar, Started, ColumnCount };
    static constexpr int ProgressRole = Qt::UserRole + 1;  // step / total in [0, 1]; -1: unknown

    explicit RunTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The entry of `folder` (an absolute, clean path) or null.
    RunEntry* find(const QString& folder) const;
    RunEntry* at(int row) const { return entries_.at(static_cast<size_t>(row)).get(); }
    int rowOf(const QString& folder) const;
    QStringList folders() const;
    RunEntry* add(const QString& folder);  // the existing entry when listed already
    void remove(const QString& folder);
    // The entry of `folder` changed: its row is redrawn.
    void changed(const QString& folder);
    // The language changed: views fetch the headers and cells again (they cache them).
    void retranslate();

private:
    std::vector<std::unique_ptr<RunEntry>> entries_;
};

}  // namespace vitask::ui
