#pragma once
// The per-sample table of an evaluation: index, truth, the VLM's label without and with
// the exemplar, the TSM's label, and whether they agree. A label is green when it is the
// truth and red when not; sorting is by index, by label, or by agreement. The filter
// keeps the samples whose systems disagree.

#include "vitask/service/dataset_evaluation.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace vitask::ui {

class SampleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Truth, Vlm, VlmWithExemplar, Tsm, Agreement, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit SampleTableModel(QObject* parent = nullptr);

    void clear();
    void append(const service::SampleRow& row);
    void setRows(std::vector<service::SampleRow> rows);
    const std::vector<service::SampleRow>& rows() const { return rows_; }
    // The language changed: the views ask again for the headers and the texts.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "nv · 87 %", "nv" (generation), "— unparseable"; empty for a system that did not run.
    static QString answerText(const std::optional<service::SampleAnswer>& answer);
    static QString agreementText(service::Agreement agreement);

private:
    std::vector<service::SampleRow> rows_;
};

class DisagreementFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DisagreementFilter(QObject* parent = nullptr);
    bool onlyDisagreements() const { return only_; }
    void setOnlyDisagreements(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool only_ = false;
};

}  // namespace vitask::ui
