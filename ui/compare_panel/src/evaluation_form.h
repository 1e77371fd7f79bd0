#pragma once
// What both panels ask for before a run: the dataset file, its split, how many of its
// samples, how the VLM answers (label-set scoring or generation, as `vitask eval
// --method`), and whether the exemplar and the TSM take part.

#include "text_source.h"
#include "vitask/service/dataset_evaluation.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace vitask::ui {

class EvaluationForm : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationForm(QWidget* parent = nullptr);

    QString dataset() const;
    void setDataset(const QString& path);
    QString split() const;
    void setSplit(const QString& split);  // train, val or test
    int maxSamples() const;               // 0: all
    void setMaxSamples(int samples);
    void setGenerate(bool generate);

    // The request for these choices, with the default instruction.
    service::DatasetEvaluationRequest request() const;
    // None when the choices can run; else what is missing, for the user.
    TextSource problem() const;

public Q_SLOTS:
    void browse();

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* datasetLabel_ = nullptr;
    QLabel* splitLabel_ = nullptr;
    QLabel* samplesLabel_ = nullptr;
    QLabel* answersLabel_ = nullptr;
    QLineEdit* dataset_ = nullptr;
    QPushButton* browse_ = nullptr;
    QComboBox* split_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QComboBox* method_ = nullptr;
    QCheckBox* exemplar_ = nullptr;
    QCheckBox* tsm_ = nullptr;
};

}  // namespace vitask::ui
