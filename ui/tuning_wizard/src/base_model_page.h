#pragma once
// The base model page: what the run starts from (a Hugging Face LLaVA folder, a previous
// run's final/ model, or a small LLaVA trained from scratch) and the task-specific model
// whose exemplars it learns from (TsmChooser).

#include "tsm_chooser.h"
#include "wizard_page.h"

class QButtonGroup;
class QLineEdit;

namespace vitask::ui {

class DatasetPage;

class BaseModelPage : public WizardPage {
    Q_OBJECT
public:
    enum class Model { Scratch, HuggingFace, PreviousRun };
    using TsmSource = TsmChooser::Source;

    BaseModelPage(const DatasetPage* datasets, QWidget* parent = nullptr);

    void fill(RunDraft& draft) const override;
    void initializePage() override;

    Model model() const;
    void setModel(Model model);
    TsmChooser* tsm() const { return tsm_; }

protected:
    bool ready() const override;

private:
    QWidget* buildModelBox();
    QLineEdit* numberField(const QString& name, int64_t value, const QString& tip);
    QString modelFolder() const;   // the folder model.base names; empty for scratch
    QString modelProblem() const;  // why the chosen model cannot be used; empty when it can
    void updateState();

    const DatasetPage* datasets_;
    QButtonGroup* modelGroup_;
    QWidget* scratchForm_;
    QLineEdit* tokenizer_;
    QLineEdit *imageSize_, *patchSize_, *visionWidth_, *visionLayers_, *textWidth_, *textLayers_, *heads_;
    QLineEdit* hfFolder_;
    QLineEdit* runFolder_;
    QLabel* modelStatus_;
    TsmChooser* tsm_;
};

}  // namespace vitask::ui
