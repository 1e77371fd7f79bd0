#pragma once
// One system's confusion matrix as a small table: rows the true classes, columns the
// predicted ones, each cell its count on a white-to-blue scale of its share of the true
// class (so a class's recall reads along its row whatever its size), the diagonal framed.

#include "text_source.h"
#include "vitask/service/dataset_evaluation.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace vitask::ui {

class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    ConfusionMatrixView(TextSource title, QWidget* parent = nullptr);

    void showMatrix(std::vector<std::string> labels, std::vector<std::vector<int64_t>> confusion);
    // Nothing to show, and why ("not run", "no TSM").
    void showNothing(TextSource why);
    // The count in a cell; -1 when empty (tests).
    qint64 count(int truth, int predicted) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillMatrix();
    void fillNothing();
    void fitRows(int rows);

    TextSource titleText_;
    QLabel* title_ = nullptr;
    QTableWidget* table_ = nullptr;
    // What is shown: the matrix, or why there is none (then set).
    std::vector<std::string> labels_;
    std::vector<std::vector<int64_t>> confusion_;
    TextSource why_;
};

}  // namespace vitask::ui
