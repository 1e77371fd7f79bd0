#pragma once
// The hyperparameters page: optimisation, data sampling, instruction variants, logging
// and checkpoints. Every field is judged by the parser as it is typed: its message shows
// beside the field and keeps Next disabled until the value is one the trainer accepts.

#include "wizard_page.h"

#include <QHash>

class QComboBox;
class QFormLayout;
class QLineEdit;
class QListWidget;

namespace vitask::ui {

class HyperparametersPage : public WizardPage {
    Q_OBJECT
public:
    explicit HyperparametersPage(QWidget* parent = nullptr);

    void fill(RunDraft& draft) const override;
    // The field of a configuration key ("training.batch_size"), for tests and the review.
    QLineEdit* field(const QString& key) const { return fields_.value(key); }

private:
    QLineEdit* addField(QFormLayout* form, const QString& key, const QString& label, const QString& value,
                        const QString& tip);
    QString text(const QString& key) const;

    QHash<QString, QLineEdit*> fields_;
    QListWidget* variants_;
    QComboBox* precision_;
};

}  // namespace vitask::ui
