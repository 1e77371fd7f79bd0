#pragma once
// The selected runs side by side, one column each: state, steps, duration, the best
// validation and the final test metrics (the best of each row in bold), then every key of
// their configurations. Rows whose values differ between the runs are highlighted;
// "Only differences" hides the others, so two runs' one changed learning rate stands out.

#include "run_entry.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace vitask::ui {

class RunCompareTable : public QWidget {
    Q_OBJECT
public:
    explicit RunCompareTable(QWidget* parent = nullptr);

    void setRuns(const QList<const RunEntry*>& runs);
    QTableWidget* table() const { return table_; }
    // The configuration keys whose values differ between the runs shown.
    QStringList differingKeys() const;

protected:
    // The rows are the panel's to make again (setRuns); the controls are this table's.
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        QString label;
        QStringList values;        // one per run
        QList<double> numbers;     // metric rows: the values to rank (-1: none); empty otherwise
        bool configuration = false;
        bool differs = false;
    };
    void fill();
    void retranslateUi();

    QList<Row> rows_;
    QStringList runNames_;
    QTableWidget* table_;
    QCheckBox* onlyDifferences_;
    QLabel* hint_;
};

}  // namespace vitask::ui
