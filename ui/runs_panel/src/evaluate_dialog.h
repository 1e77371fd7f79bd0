#pragma once
// "Evaluate…": which datasets (the run's own by default), split, answer method,
// instruction variant (or the whole robustness grid) and whether the TSM's exemplar is
// fed, for `vitask eval` on the run's final model.

#include "run_evaluator.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;

namespace vitask::ui {

class EvaluateDialog : public QDialog {
    Q_OBJECT
public:
    // `request`: the run's folder, data files and TSM, which the dialog starts from.
    EvaluateDialog(const EvaluationRequest& request, QWidget* parent = nullptr);
    EvaluationRequest request() const;

private:
    EvaluationRequest base_;
    QListWidget* data_;
    QComboBox* split_;
    QComboBox* method_;
    QComboBox* variant_;
    QCheckBox* exemplar_;
};

}  // namespace vitask::ui
