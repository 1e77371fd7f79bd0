#include "base_model_page.h"

#include "dataset_page.h"
#include "form_widgets.h"
#include "run_draft.h"
#include "tsm_chooser.h"
#include "wizard_paths.h"

#include "vitask/service/run_config.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

QRadioButton* radio(const QString& text, const QString& name, QButtonGroup* group, int id, QWidget* parent) {
    auto* button = new QRadioButton(text, parent);
    button->setObjectName(name);
    group->addButton(button, id);
    return button;
}

}  // namespace

BaseModelPage::BaseModelPage(const DatasetPage* datasets, QWidget* parent)
    : WizardPage(WizardStep::BaseModel, parent), datasets_(datasets) {
    setTitle(tr("Base model and TSM"));
    setSubTitle(tr("The vision-language model the run tunes, and the task-specific model (TSM) whose exemplars "
                   "VITask learns from. The TSM is frozen; the tuned model answers without it."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildModelBox());
    tsm_ = new TsmChooser(datasets, this);
    layout->addWidget(tsm_);
    // Shown here for information; it blocks the method page, where vanilla tuning is chosen.
    layout->addWidget(watch(QStringLiteral("tsm"), this));
    connect(tsm_, &TsmChooser::changed, this, &BaseModelPage::notifyEdited);
    layout->addStretch(1);
    layout->addWidget(generalProblemLabel());
    updateState();
}

QLineEdit* BaseModelPage::numberField(const QString& name, int64_t value, const QString& tip) {
    auto* edit = valueField(name, QString::number(value), tip, this);
    connect(edit, &QLineEdit::textChanged, this, &BaseModelPage::notifyEdited);
    return edit;
}

QWidget* BaseModelPage::buildModelBox() {
    auto* box = new QGroupBox(tr("Base model"), this);
    auto* layout = new QVBoxLayout(box);
    modelGroup_ = new QButtonGroup(this);
    auto* scratch = radio(tr("A small LLaVA trained from &scratch"), QStringLiteral("modelScratch"), modelGroup_,
                          int(Model::Scratch), box);
    scratch->setToolTip(tr("A few million parameters, trainable on a laptop CPU in minutes; the scratch preset first "
                           "warms it up with plain instruction tuning."));
    auto* hf = radio(tr("A &Hugging Face LLaVA folder"), QStringLiteral("modelHf"), modelGroup_, int(Model::HuggingFace), box);
    hf->setToolTip(tr("config.json and safetensors weights of a LLaVA-1.5 checkpoint (llava-1.5-7b-hf, …); the paper "
                      "preset tunes it with LoRA."));
    auto* previous = radio(tr("A previous &run's model"), QStringLiteral("modelRun"), modelGroup_,
                           int(Model::PreviousRun), box);
    previous->setToolTip(tr("The final/ model of a finished VITask run, to tune further or to plug in another TSM."));
    scratch->setChecked(true);

    const auto d = service::runConfigDefaults();
    scratchForm_ = new QWidget(box);
    auto* form = new QFormLayout(scratchForm_);
    form->setContentsMargins(24, 0, 0, 0);
    tokenizer_ = valueField(QStringLiteral("scratchTokenizer"), defaultScratchTokenizer(),
                            tr("A folder with tokenizer.model and added_tokens.json (resources/tokenizers/vitask-scratch)."),
                            scratchForm_);
    connect(tokenizer_, &QLineEdit::textChanged, this, &BaseModelPage::notifyEdited);
    form->addRow(tr("To&kenizer:"), withProblem(withBrowse(tokenizer_, tr("Tokenizer folder"), scratchForm_),
                                                 watch(QStringLiteral("model.scratch.tokenizer"), scratchForm_), scratchForm_));
    imageSize_ = numberField(QStringLiteral("imageSize"), d.scratch.imageSize,
                             tr("Input side in pixels; the dataset's images are resized to it. Default: the dataset's size."));
    patchSize_ = numberField(QStringLiteral("patchSize"), d.scratch.patchSize, tr("ViT patch side; must divide the image size."));
    auto* geometry = new QHBoxLayout;
    geometry->addWidget(imageSize_);
    geometry->addWidget(new QLabel(tr("patch"), scratchForm_));
    geometry->addWidget(patchSize_);
    auto* geometryBox = new QWidget(scratchForm_);
    geometryBox->setLayout(geometry);
    geometry->setContentsMargins(0, 0, 0, 0);
    geometryBox->setFocusProxy(imageSize_);
    form->addRow(tr("&Image size:"), withProblem(geometryBox, watch(QStringLiteral("model.scratch.image_size"), scratchForm_),
                                                  scratchForm_));
    visionWidth_ = numberField(QStringLiteral("visionWidth"), d.scratch.visionWidth, tr("Vision tower width (CLIP ViT hidden size)"));
    visionLayers_ = numberField(QStringLiteral("visionLayers"), d.scratch.visionLayers, tr("Vision tower layers"));
    textWidth_ = numberField(QStringLiteral("textWidth"), d.scratch.textWidth, tr("Language model width (Llama hidden size)"));
    textLayers_ = numberField(QStringLiteral("textLayers"), d.scratch.textLayers, tr("Language model layers"));
    heads_ = numberField(QStringLiteral("heads"), d.scratch.heads, tr("Attention heads; must divide both widths"));
    const auto pair = [this](QLineEdit* a, QLineEdit* b, const QString& between) {
        auto* w = new QWidget(scratchForm_);
        auto* l = new QHBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(a);
        l->addWidget(new QLabel(between, w));
        l->addWidget(b);
        w->setFocusProxy(a);
        return w;
    };
    form->addRow(tr("&Vision width:"), pair(visionWidth_, visionLayers_, tr("layers")));
    form->addRow(tr("Te&xt width:"), pair(textWidth_, textLayers_, tr("layers")));
    form->addRow(tr("H&eads:"), withProblem(heads_, watch(QStringLiteral("model.scratch.heads"), scratchForm_), scratchForm_));
    auto* scratchProblem = watch(QStringLiteral("model.scratch"), scratchForm_);
    form->addRow(scratchProblem);

    hfFolder_ = new QLineEdit(box);
    hfFolder_->setObjectName(QStringLiteral("modelFolder"));
    hfFolder_->setPlaceholderText(tr("/models/llava-1.5-7b-hf"));
    runFolder_ = new QLineEdit(runsFolder(), box);
    runFolder_->setObjectName(QStringLiteral("previousRun"));
    runFolder_->setToolTip(tr("A run folder; its final/ model is the base."));
    modelStatus_ = new QLabel(box);
    modelStatus_->setObjectName(QStringLiteral("modelStatus"));
    modelStatus_->setWordWrap(true);

    layout->addWidget(scratch);
    layout->addWidget(scratchForm_);
    const auto indented = [](QWidget* row) {
        row->setContentsMargins(24, 0, 0, 0);
        return row;
    };
    layout->addWidget(hf);
    layout->addWidget(indented(withBrowse(hfFolder_, tr("Hugging Face LLaVA folder"), box)));
    layout->addWidget(previous);
    layout->addWidget(indented(withBrowse(runFolder_, tr("Run folder"), box)));
    layout->addWidget(modelStatus_);
    layout->addWidget(watch(QStringLiteral("model"), box));

    connect(modelGroup_, &QButtonGroup::idClicked, this, [this] { updateState(); });
    connect(hfFolder_, &QLineEdit::textChanged, this, [this] { updateState(); });
    connect(runFolder_, &QLineEdit::textChanged, this, [this] { updateState(); });
    return box;
}

void BaseModelPage::initializePage() {
    // Sized to the data: a scratch model reads the dataset's images at their own size.
    if (!imageSize_->isModified()) imageSize_->setText(QString::number(datasets_->imageSize()));
    if (!datasets_->datasets().isEmpty()) {
        const auto* first = datasets_->preview(datasets_->datasets().front());
        const QString stem = first && !first->name.empty() ? QString::fromStdString(first->name)
                                                           : QFileInfo(datasets_->datasets().front()).completeBaseName();
        tsm_->suggestName(QStringLiteral("tsm_") + stem);
    }
    tsm_->refresh();
    updateState();
}

BaseModelPage::Model BaseModelPage::model() const { return Model(modelGroup_->checkedId()); }

void BaseModelPage::setModel(Model model) {
    modelGroup_->button(int(model))->setChecked(true);
    updateState();
}

QString BaseModelPage::modelFolder() const {
    switch (model()) {
    case Model::Scratch: return {};
    case Model::HuggingFace: return QDir::cleanPath(hfFolder_->text().trimmed());
    case Model::PreviousRun: return QDir::cleanPath(runFolder_->text().trimmed() + QStringLiteral("/final"));
    }
    return {};
}

QString BaseModelPage::modelProblem() const {
    if (model() == Model::Scratch) return {};
    const QString folder = modelFolder();
    const QString typed = model() == Model::HuggingFace ? hfFolder_->text().trimmed() : runFolder_->text().trimmed();
    if (typed.isEmpty()) return tr("Choose the model folder.");
    if (!QFileInfo::exists(folder + QStringLiteral("/config.json")))
        return model() == Model::HuggingFace
                   ? tr("%1 has no config.json: choose a Hugging Face LLaVA folder.").arg(folder)
                   : tr("%1 holds no finished model (final/config.json): choose a run that finished.").arg(typed);
    return {};
}

void BaseModelPage::updateState() {
    scratchForm_->setEnabled(model() == Model::Scratch);
    hfFolder_->parentWidget()->setEnabled(model() == Model::HuggingFace);
    runFolder_->parentWidget()->setEnabled(model() == Model::PreviousRun);
    const QString why = modelProblem();
    modelStatus_->setText(why.isEmpty() && model() != Model::Scratch ? tr("Base: %1").arg(modelFolder()) : why);
    modelStatus_->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("QLabel { color: #b71c1c; }"));
    notifyEdited();
}

bool BaseModelPage::ready() const { return modelProblem().isEmpty() && tsm_->problem().isEmpty(); }

void BaseModelPage::fill(RunDraft& draft) const {
    draft.modelBase = modelFolder();
    draft.tokenizer = tokenizer_->text().trimmed();
    draft.imageSize = imageSize_->text();
    draft.patchSize = patchSize_->text();
    draft.visionWidth = visionWidth_->text();
    draft.visionLayers = visionLayers_->text();
    draft.textWidth = textWidth_->text();
    draft.textLayers = textLayers_->text();
    draft.heads = heads_->text();
    draft.tsm = tsm_->manifest();
}

}  // namespace vitask::ui
