#pragma once
// One system's confusion matrix as a small table: rows the true classes, columns the
// predicted ones, each cell its count on a white-to-blue scale of its share of the true
// class (so a class's recall reads along its row whatever its size), the diagonal framed.

#include "vitask/service/dataset_evaluation.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace vitask::ui {

class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    ConfusionMatrixView(const QString& title, QWidget* parent = nullptr);

    void showMatrix(const std::vector<std::string>& labels, const std::vector<std::vector<int64_t>>& confusion);
    // Nothing to show, and why ("not run", "no TSM").
    void showNothing(const QString& why);
    // The count in a cell; -1 when empty (tests).
    qint64 count(int truth, int predicted) const;

private:
    void fitRows(int rows);

    QLabel* title_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace vitask::ui
