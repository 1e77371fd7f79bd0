#pragma once
// The method page: vanilla instruction tuning or VITask (exemplar prompting, response
// distribution alignment, contrastive response tuning), the presets of docs/training.md
// that fill the stages, the paper's alpha and beta, RDA's direction and temperature,
// CRT's option, LoRA and the stages with the parameter groups each trains.

#include "wizard_page.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLineEdit;

namespace vitask::ui {

class BaseModelPage;
class StagesTable;

class MethodPage : public WizardPage {
    Q_OBJECT
public:
    MethodPage(const BaseModelPage* model, QWidget* parent = nullptr);

    void fill(RunDraft& draft) const override;
    void initializePage() override;

    bool vitask() const;
    QString preset() const;
    // Fills the stages, alpha and beta from the preset ("scratch", "paper"); "custom"
    // keeps the stages as they are.
    void applyPreset(const QString& preset);

private:
    QWidget* buildMethodRow();
    QWidget* buildOptions();
    QWidget* buildStages();
    void updateEnabled();
    void describePreset();
    void summariseStages();

    const BaseModelPage* model_;
    QButtonGroup* method_;
    QComboBox* preset_;
    QLabel* presetText_;
    QLineEdit* alpha_;
    QLineEdit* beta_;
    QComboBox* rdaDirection_;
    QLineEdit* rdaTau_;
    QCheckBox* crtDetach_;
    QGroupBox* lossBox_;
    QGroupBox* rdaBox_;
    QGroupBox* crtBox_;
    QGroupBox* loraBox_;
    QLineEdit* loraRank_;
    QLineEdit* loraAlpha_;
    QLineEdit* loraDropout_;
    QLineEdit* loraTargets_;
    StagesTable* stages_;
    QLabel* stagesSummary_;
    // The user's own choice (a preset, a method, an edited stage) is never overridden;
    // until then the preset follows the base model (scratch or pretrained).
    bool presetChosenByUser_ = false;
    int presetChosenForModel_ = -1;
};

}  // namespace vitask::ui
