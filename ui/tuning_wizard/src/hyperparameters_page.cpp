#include "hyperparameters_page.h"

#include "form_widgets.h"
#include "run_draft.h"

#include "vitask/service/run_config.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace vitask::ui {

HyperparametersPage::HyperparametersPage(QWidget* parent) : WizardPage(WizardStep::Hyperparameters, parent) {
    setTitle(tr("Hyperparameters"));
    setSubTitle(tr("Checked as you type by the trainer's own parser. The paper publishes none of these; the defaults "
                   "are the trainer's."));
    const auto d = service::runConfigDefaults();

    auto* optimisation = new QGroupBox(tr("Optimisation"), this);
    auto* o = new QFormLayout(optimisation);
    addField(o, QStringLiteral("training.batch_size"), tr("Batch si&ze:"), QString::number(d.batchSize),
             tr("Samples per optimiser step and micro-batch (default 32)."));
    addField(o, QStringLiteral("training.gradient_accumulation"), tr("&Gradient accumulation:"),
             QString::number(d.gradientAccumulation),
             tr("Micro-batches per optimiser step: the effective batch is batch size × this (default 1)."));
    addField(o, QStringLiteral("training.weight_decay"), tr("&Weight decay:"), number(d.weightDecay),
             tr("AdamW weight decay on matrices; norms and biases are not decayed (default 0.01)."));
    addField(o, QStringLiteral("training.warmup_ratio"), tr("Warm-&up ratio:"), number(d.warmupRatio),
             tr("Share of each stage's steps with a linear warm-up, then cosine decay to 0; in [0, 1) (default 0.05)."));
    addField(o, QStringLiteral("training.max_grad_norm"), tr("Max gradient n&orm:"), number(d.maxGradNorm),
             tr("Gradients are clipped to this L2 norm (default 1)."));
    precision_ = new QComboBox(optimisation);
    precision_->setObjectName(QStringLiteral("precision"));
    precision_->addItems({QStringLiteral("fp32"), QStringLiteral("bf16")});
    precision_->setCurrentText(QString::fromStdString(d.precision));
    precision_->setToolTip(tr("bf16: autocast of the training passes (matrix products in bfloat16; weights, gradients "
                              "and optimiser in float32). Meant for CUDA; fp32 is the default."));
    o->addRow(tr("&Precision:"), withProblem(precision_, watch(QStringLiteral("training.precision"), optimisation), optimisation));

    auto* data = new QGroupBox(tr("Data"), this);
    auto* dl = new QFormLayout(data);
    addField(dl, QStringLiteral("max_train_samples"), tr("&Max training samples:"), QString::number(d.maxTrainSamples),
             tr("Per dataset; 0 trains on all. A small number sizes a quick trial run."));
    addField(dl, QStringLiteral("seed"), tr("&Seed:"), QString::number(d.seed),
             tr("Data order, instruction variants, CRT negatives, dropout and initialisation: the same seed gives the same run."));
    variants_ = new QListWidget(data);
    variants_->setObjectName(QStringLiteral("trainVariants"));
    variants_->setToolTip(tr("Instruction variants sampled for training, one per sample. The paper also tunes on the "
                             "incomplete instruction (no_label_set) for robustness."));
    for (const auto& name : service::trainVariantNames()) {
        auto* item = new QListWidgetItem(QString::fromStdString(name), variants_);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        const bool on = std::find(d.trainVariants.begin(), d.trainVariants.end(), name) != d.trainVariants.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    variants_->setMaximumHeight(variants_->sizeHintForRow(0) * 7 + 6);
    dl->addRow(tr("&Instructions:"), withProblem(variants_, watch(QStringLiteral("prompts"), data), data));
    connect(variants_, &QListWidget::itemChanged, this, &HyperparametersPage::notifyEdited);

    auto* logging = new QGroupBox(tr("Logging and checkpoints"), this);
    auto* l = new QFormLayout(logging);
    addField(l, QStringLiteral("training.log_every"), tr("&Log every:"), QString::number(d.logEvery),
             tr("Steps between metrics.jsonl records (default 10)."));
    addField(l, QStringLiteral("training.checkpoint_every"), tr("&Checkpoint every:"), QString::number(d.checkpointEvery),
             tr("Steps between checkpoints; 0 writes one at the end of each stage only."));
    addField(l, QStringLiteral("training.keep_last_checkpoints"), tr("&Keep last:"), QString::number(d.keepLastCheckpoints),
             tr("Checkpoints kept besides the best one (default 2)."));
    addField(l, QStringLiteral("threads"), tr("CPU &threads:"), QString::number(d.threads),
             tr("0: as the program sets them (one per core). Small models train fastest on 1."));

    auto* grid = new QGridLayout(this);
    grid->addWidget(optimisation, 0, 0, 2, 1);
    grid->addWidget(data, 0, 1);
    grid->addWidget(logging, 1, 1);
    grid->addWidget(generalProblemLabel(), 2, 0, 1, 2);
    grid->setRowStretch(3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    connect(precision_, &QComboBox::currentIndexChanged, this, &HyperparametersPage::notifyEdited);
}

QLineEdit* HyperparametersPage::addField(QFormLayout* form, const QString& key, const QString& label,
                                         const QString& value, const QString& tip) {
    auto* parent = form->parentWidget();
    auto* edit = valueField(key, value, tip + u'\n' + tr("Key: %1").arg(key), parent);
    form->addRow(label, withProblem(edit, watch(key, parent), parent));
    fields_.insert(key, edit);
    connect(edit, &QLineEdit::textChanged, this, &HyperparametersPage::notifyEdited);
    return edit;
}

QString HyperparametersPage::text(const QString& key) const { return fields_.value(key)->text(); }

void HyperparametersPage::fill(RunDraft& draft) const {
    draft.seed = text(QStringLiteral("seed"));
    draft.threads = text(QStringLiteral("threads"));
    draft.maxTrainSamples = text(QStringLiteral("max_train_samples"));
    draft.trainVariants.clear();
    for (int row = 0; row < variants_->count(); ++row)
        if (variants_->item(row)->checkState() == Qt::Checked) draft.trainVariants << variants_->item(row)->text();
    draft.batchSize = text(QStringLiteral("training.batch_size"));
    draft.gradientAccumulation = text(QStringLiteral("training.gradient_accumulation"));
    draft.weightDecay = text(QStringLiteral("training.weight_decay"));
    draft.warmupRatio = text(QStringLiteral("training.warmup_ratio"));
    draft.maxGradNorm = text(QStringLiteral("training.max_grad_norm"));
    draft.logEvery = text(QStringLiteral("training.log_every"));
    draft.checkpointEvery = text(QStringLiteral("training.checkpoint_every"));
    draft.keepLastCheckpoints = text(QStringLiteral("training.keep_last_checkpoints"));
    draft.precision = precision_->currentText();
}

}  // namespace vitask::ui
