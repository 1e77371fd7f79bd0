#include "method_page.h"

#include "base_model_page.h"
#include "form_widgets.h"
#include "run_draft.h"
#include "stages_table.h"

#include "vitask/service/run_config.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

enum MethodId { Vitask, Vanilla };

QString joined(const std::vector<std::string>& items) {
    QStringList out;
    for (const auto& item : items) out << QString::fromStdString(item);
    return out.join(QStringLiteral(", "));
}

}  // namespace

MethodPage::MethodPage(const BaseModelPage* model, QWidget* parent) : WizardPage(WizardStep::Method, parent), model_(model) {
    setTitle(tr("Method"));
    setSubTitle(tr("VITask adds the TSM's exemplar (EP), aligns the plain answer with it (RDA) and contrasts the image "
                   "with another class's (CRT); vanilla instruction tuning trains on L_van alone."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildMethodRow());
    layout->addWidget(buildOptions());
    layout->addWidget(buildStages(), 1);
    layout->addWidget(generalProblemLabel());
    stages_->setWeights(alpha_->text(), beta_->text());
    applyPreset(QStringLiteral("scratch"));
}

QWidget* MethodPage::buildMethodRow() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    auto* methods = new QHBoxLayout;
    method_ = new QButtonGroup(this);
    auto* vitask = new QRadioButton(tr("&VITask: EP + RDA + CRT"), box);
    vitask->setObjectName(QStringLiteral("methodVitask"));
    vitask->setToolTip(tr("L = L_van + L_ep + α·L_rda, then + β·L_crt (Bai et al. 2024). Needs a TSM."));
    auto* vanilla = new QRadioButton(tr("Vanilla instr&uction tuning (L_van only)"), box);
    vanilla->setObjectName(QStringLiteral("methodVanilla"));
    vanilla->setToolTip(tr("The baseline the paper compares with: the same stages without the exemplar losses. No TSM needed."));
    method_->addButton(vitask, Vitask);
    method_->addButton(vanilla, Vanilla);
    vitask->setChecked(true);
    methods->addWidget(vitask);
    methods->addWidget(vanilla);
    methods->addStretch(1);
    form->addRow(tr("Method:"), methods);

    preset_ = new QComboBox(box);
    preset_->setObjectName(QStringLiteral("presetCombo"));
    preset_->addItem(tr("scratch — a small model trained from scratch"), QStringLiteral("scratch"));
    preset_->addItem(tr("paper — LoRA on a pretrained LLaVA"), QStringLiteral("paper"));
    preset_->addItem(tr("custom — the stages below as edited"), QStringLiteral("custom"));
    preset_->setToolTip(tr("Fills the stages, α and β (docs/training.md). Editing a stage makes the run custom."));
    presetText_ = new QLabel(box);
    presetText_->setObjectName(QStringLiteral("presetText"));
    presetText_->setWordWrap(true);
    presetText_->setStyleSheet(QStringLiteral("QLabel { color: palette(placeholder-text); }"));
    auto* presetBox = new QWidget(box);
    auto* presetLayout = new QVBoxLayout(presetBox);
    presetLayout->setContentsMargins(0, 0, 0, 0);
    presetLayout->setSpacing(2);
    presetLayout->addWidget(preset_);
    presetLayout->addWidget(presetText_);
    presetBox->setFocusProxy(preset_);
    form->addRow(tr("&Preset:"), presetBox);

    connect(method_, &QButtonGroup::idClicked, this, [this] {
        presetChosenByUser_ = true;
        applyPreset(preset());
    });
    connect(preset_, &QComboBox::activated, this, [this] {
        presetChosenByUser_ = true;
        applyPreset(preset());
    });
    return box;
}

QWidget* MethodPage::buildOptions() {
    const auto d = service::runConfigDefaults();
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);

    lossBox_ = new QGroupBox(tr("Loss weights"), row);
    auto* losses = new QFormLayout(lossBox_);
    alpha_ = valueField(QStringLiteral("alpha"), QStringLiteral("0.5"),
                        tr("α: the weight of L_rda in every stage that aligns responses. L = L_van + L_ep + α·L_rda "
                           "(+ β·L_crt). Not published in the paper; our presets use 0.5."),
                        lossBox_);
    beta_ = valueField(QStringLiteral("beta"), QStringLiteral("0.1"),
                       tr("β: the weight of L_crt in the contrastive stage (the paper's stage 2). Not published; our "
                          "presets use 0.1."),
                       lossBox_);
    losses->addRow(tr("α (&RDA):"),
                   withProblem(alpha_, watchPattern(QRegularExpression(QStringLiteral(R"(^stages\[\d+\]\.losses\.rda$)")),
                                                    lossBox_),
                               lossBox_));
    losses->addRow(tr("β (&CRT):"),
                   withProblem(beta_, watchPattern(QRegularExpression(QStringLiteral(R"(^stages\[\d+\]\.losses\.crt$)")),
                                                   lossBox_),
                               lossBox_));

    rdaBox_ = new QGroupBox(tr("Response distribution alignment"), row);
    auto* rda = new QFormLayout(rdaBox_);
    rdaDirection_ = new QComboBox(rdaBox_);
    rdaDirection_->setObjectName(QStringLiteral("rdaDirection"));
    for (const auto& name : service::rdaDirectionNames()) rdaDirection_->addItem(QString::fromStdString(name));
    rdaDirection_->setCurrentText(QString::fromStdString(d.rdaDirection));
    rdaDirection_->setToolTip(tr("forward: KL(p_ep ‖ p_plain), the usual distillation form (default). paper: "
                                 "KL(p_plain ‖ p_ep), as the paper writes it. The EP branch is the detached teacher."));
    rdaTau_ = valueField(QStringLiteral("rdaTau"), number(d.rdaTau),
                         tr("Temperature τ of both softmaxes; the KL term is scaled by τ² (default 1)."), rdaBox_);
    rda->addRow(tr("&Direction:"), rdaDirection_);
    rda->addRow(tr("Te&mperature τ:"), withProblem(rdaTau_, watch(QStringLiteral("rda"), rdaBox_), rdaBox_));

    crtBox_ = new QGroupBox(tr("Contrastive response tuning"), row);
    auto* crt = new QVBoxLayout(crtBox_);
    crtDetach_ = new QCheckBox(tr("De&tach the negative branch"), crtBox_);
    crtDetach_->setObjectName(QStringLiteral("crtDetach"));
    crtDetach_->setChecked(d.crtDetachNegative);
    crtDetach_->setToolTip(tr("Stop gradients through y_neg, the logits given another class's image. The paper does "
                              "not say; default: not detached."));
    crt->addWidget(crtDetach_);
    crt->addWidget(watch(QStringLiteral("crt"), crtBox_));
    crt->addStretch(1);

    loraBox_ = new QGroupBox(tr("LoRA"), row);
    loraBox_->setToolTip(tr("Used by stages that train the lora group (the paper preset)."));
    auto* lora = new QFormLayout(loraBox_);
    loraRank_ = valueField(QStringLiteral("loraRank"), QString::number(d.lora.rank),
                           tr("Rank r of the adapters (default 16; the paper does not publish it)."), loraBox_);
    loraAlpha_ = valueField(QStringLiteral("loraAlpha"), number(d.lora.alpha),
                            tr("LoRA scaling: updates are scaled by alpha / rank (default 32)."), loraBox_);
    loraDropout_ = valueField(QStringLiteral("loraDropout"), number(d.lora.dropout),
                              tr("Dropout on the adapters' input (default 0.05)."), loraBox_);
    loraTargets_ = valueField(QStringLiteral("loraTargets"), joined(d.lora.targets),
                              tr("The language model's linear layers that get adapters, comma-separated."), loraBox_);
    auto* rankRow = new QWidget(loraBox_);
    auto* rankLayout = new QHBoxLayout(rankRow);
    rankLayout->setContentsMargins(0, 0, 0, 0);
    rankLayout->addWidget(loraRank_);
    rankLayout->addWidget(new QLabel(tr("alpha"), rankRow));
    rankLayout->addWidget(loraAlpha_);
    rankLayout->addWidget(new QLabel(tr("dropout"), rankRow));
    rankLayout->addWidget(loraDropout_);
    rankRow->setFocusProxy(loraRank_);
    lora->addRow(tr("Ran&k:"), rankRow);
    lora->addRow(tr("Tar&gets:"), loraTargets_);
    lora->addRow(watch(QStringLiteral("lora"), loraBox_));

    layout->addWidget(lossBox_);
    layout->addWidget(rdaBox_);
    layout->addWidget(crtBox_);
    layout->addWidget(loraBox_, 1);

    for (auto* edit : {alpha_, beta_}) connect(edit, &QLineEdit::textChanged, this, [this] {
        stages_->setWeights(alpha_->text(), beta_->text());
    });
    for (auto* edit : {alpha_, beta_, rdaTau_, loraRank_, loraAlpha_, loraDropout_, loraTargets_})
        connect(edit, &QLineEdit::textChanged, this, &MethodPage::notifyEdited);
    connect(rdaDirection_, &QComboBox::currentIndexChanged, this, &MethodPage::notifyEdited);
    connect(crtDetach_, &QCheckBox::toggled, this, &MethodPage::notifyEdited);
    return row;
}

QWidget* MethodPage::buildStages() {
    auto* box = new QGroupBox(tr("Stages"), this);
    auto* layout = new QVBoxLayout(box);
    stages_ = new StagesTable(box);
    stages_->setToolTip(tr("Each stage trains the checked parameter groups on the checked losses; the rest is frozen."));
    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("&Add stage"), box);
    auto* remove = new QPushButton(tr("R&emove stage"), box);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    stagesSummary_ = new QLabel(box);
    stagesSummary_->setObjectName(QStringLiteral("stagesSummary"));
    stagesSummary_->setWordWrap(true);
    layout->addWidget(stages_, 1);
    layout->addWidget(stagesSummary_);
    layout->addLayout(buttons);
    layout->addWidget(watch(QStringLiteral("stages"), box));
    layout->addWidget(watch(QStringLiteral("tsm"), box));
    connect(add, &QPushButton::clicked, stages_, &StagesTable::addStage);
    connect(remove, &QPushButton::clicked, stages_, &StagesTable::removeCurrentStage);
    connect(stages_, &StagesTable::editedByUser, this, [this] {
        // The stages no longer are the preset's.
        presetChosenByUser_ = true;
        preset_->setCurrentIndex(preset_->findData(QStringLiteral("custom")));
        describePreset();
        updateEnabled();
        notifyEdited();
    });
    return box;
}

void MethodPage::initializePage() {
    // A model trained from scratch needs the warm-up; a pretrained one gets the paper's LoRA
    // recipe. Applied when the model changed, so going back and forth keeps the fields.
    const bool scratch = model_->model() == BaseModelPage::Model::Scratch;
    if (presetChosenByUser_ || presetChosenForModel_ == int(scratch)) return;
    presetChosenForModel_ = int(scratch);
    applyPreset(scratch ? QStringLiteral("scratch") : QStringLiteral("paper"));
}

bool MethodPage::vitask() const { return method_->checkedId() == Vitask; }

QString MethodPage::preset() const { return preset_->currentData().toString(); }

void MethodPage::applyPreset(const QString& name) {
    preset_->setCurrentIndex(preset_->findData(name));
    if (name != QLatin1String("custom")) {
        QList<StageDraft> stages;
        for (const auto& plan : service::presetStages(name.toStdString())) {
            StageDraft stage;
            stage.name = QString::fromStdString(plan.name);
            stage.epochs = number(plan.epochs);
            stage.learningRate = number(plan.learningRate);
            stage.van = plan.van > 0;
            stage.ep = plan.ep > 0;
            stage.rda = plan.rda > 0;
            stage.crt = plan.crt > 0;
            if (stage.rda) alpha_->setText(number(plan.rda));
            if (stage.crt) beta_->setText(number(plan.crt));
            for (const auto& group : plan.trainable) stage.trainable << QString::fromStdString(group);
            if (!vitask()) {
                // Without the exemplar the connector has nothing to learn from; a stage
                // left with no loss trains L_van.
                stage.ep = stage.rda = stage.crt = false;
                stage.van = true;
                stage.trainable.removeAll(QStringLiteral("connector"));
            }
            stages << stage;
        }
        stages_->setStages(stages);
    }
    stages_->setExemplarLossesEnabled(vitask());
    describePreset();
    updateEnabled();
    notifyEdited();
}

void MethodPage::describePreset() {
    const QString name = preset();
    if (name == QLatin1String("scratch"))
        presetText_->setText(tr("warmup: L_van on vision, projector and language (4 epochs, lr 2e-3); stage1: L_van + L_ep "
                                "+ α·L_rda on language and connector (lr 5e-4); stage2: + β·L_crt on language."));
    else if (name == QLatin1String("paper"))
        presetText_->setText(tr("stage1: L_van + L_ep + α·L_rda on LoRA and the EP connector (lr 2e-4); stage2: + β·L_crt "
                                "on LoRA; one epoch each, vision tower and projector frozen, as in the paper."));
    else
        presetText_->setText(tr("The stages as listed below."));
}

// What the table means for the model as a whole: the epochs it costs and what stays frozen.
void MethodPage::summariseStages() {
    const auto stages = stages_->stages();
    double epochs = 0;
    QStringList frozen;
    for (const auto& s : stages) epochs += s.epochs.toDouble();
    for (const auto& group : service::parameterGroupNames()) {
        const QString name = QString::fromStdString(group);
        bool trained = false;
        for (const auto& s : stages) trained = trained || s.trainable.contains(name);
        if (!trained) frozen << name;
    }
    stagesSummary_->setText(tr("Stages: %1 · epochs in all: %2 · frozen throughout: %3 · the TSM is always frozen.")
                                .arg(stages.size())
                                .arg(number(epochs), frozen.isEmpty() ? tr("nothing") : frozen.join(QStringLiteral(", "))));
}

void MethodPage::updateEnabled() {
    summariseStages();
    const auto stages = stages_->stages();
    const auto uses = [&stages](bool StageDraft::*loss) {
        for (const auto& s : stages)
            if (s.*loss) return true;
        return false;
    };
    alpha_->setEnabled(uses(&StageDraft::rda));
    beta_->setEnabled(uses(&StageDraft::crt));
    lossBox_->setEnabled(vitask());
    rdaBox_->setEnabled(uses(&StageDraft::rda));
    crtBox_->setEnabled(uses(&StageDraft::crt));
    bool lora = false;
    for (const auto& s : stages) lora = lora || s.trainable.contains(QStringLiteral("lora"));
    loraBox_->setEnabled(lora);
}

void MethodPage::fill(RunDraft& draft) const {
    draft.preset = preset();
    draft.alpha = alpha_->text();
    draft.beta = beta_->text();
    draft.rdaDirection = rdaDirection_->currentText();
    draft.rdaTau = rdaTau_->text();
    draft.crtDetachNegative = crtDetach_->isChecked();
    draft.loraRank = loraRank_->text();
    draft.loraAlpha = loraAlpha_->text();
    draft.loraDropout = loraDropout_->text();
    draft.loraTargets.clear();
    for (const auto& target : loraTargets_->text().split(u',', Qt::SkipEmptyParts)) draft.loraTargets << target.trimmed();
    draft.stages = stages_->stages();
}

}  // namespace vitask::ui
