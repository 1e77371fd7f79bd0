#pragma once
// The registry's TSMs as rows of the Plug-ins page: one column per fact, broken TSMs in
// red with their error, full texts (labels, paths, errors) in tooltips.

#include "vitask/service/ask.h"

#include <QAbstractTableModel>

#include <vector>

namespace vitask::ui {

class TsmTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Version, Input, Labels, Features, Status, Source, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(std::vector<service::TsmEntry> entries);
    const std::vector<service::TsmEntry>& entries() const { return entries_; }
    const service::TsmEntry* entry(int row) const;
    // The row of the TSM read from `source`, or -1.
    int rowOf(const QString& source) const;
    // The language changed: views fetch the headers and cells again (they cache them).
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Built-in", "ONNX", "Compiled" for the registry's "builtin", "onnx", "plugin".
    static QString kindName(const std::string& kind);
    // "3×64×64 · ImageNet"; empty for a broken TSM.
    static QString inputText(const service::TsmEntry& tsm);
    // The error's first line with every path shortened to its file name: the Source
    // column and the details pane have the paths in full.
    static QString problem(const service::TsmEntry& tsm);
    // `text` with the home folder written "~" (as shells read it back).
    static QString abbreviateHome(QString text);

private:
    QVariant display(const service::TsmEntry& tsm, int column) const;
    QVariant toolTip(const service::TsmEntry& tsm, int column) const;

    std::vector<service::TsmEntry> entries_;
};

}  // namespace vitask::ui
