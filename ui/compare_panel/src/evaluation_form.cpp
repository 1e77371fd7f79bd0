#include "evaluation_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace vitask::ui {

EvaluationForm::EvaluationForm(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);

    auto* datasetRow = new QHBoxLayout;
    dataset_ = new QLineEdit(this);
    dataset_->setObjectName(QStringLiteral("datasetPath"));
    dataset_->setPlaceholderText(tr("A MedMNIST .npz file or a CSV manifest"));
    dataset_->setToolTip(tr("The dataset the model is evaluated on, as `vitask eval --data` takes it."));
    dataset_->setClearButtonEnabled(true);
    browse_ = new QPushButton(tr("&Browse…"), this);
    browse_->setObjectName(QStringLiteral("browseDataset"));
    browse_->setToolTip(tr("Choose the dataset file (Alt+B)"));
    datasetRow->addWidget(dataset_, 1);
    datasetRow->addWidget(browse_);
    form->addRow(tr("Dataset:"), datasetRow);

    auto* splitRow = new QHBoxLayout;
    split_ = new QComboBox(this);
    split_->setObjectName(QStringLiteral("split"));
    split_->addItem(tr("test"), QStringLiteral("test"));
    split_->addItem(tr("validation"), QStringLiteral("val"));
    split_->addItem(tr("train"), QStringLiteral("train"));
    split_->setToolTip(tr("The split evaluated (`vitask eval --split`)."));
    samples_ = new QSpinBox(this);
    samples_->setObjectName(QStringLiteral("maxSamples"));
    samples_->setRange(0, 1000000);
    samples_->setSingleStep(100);
    samples_->setSpecialValueText(tr("all"));
    samples_->setToolTip(tr("Only the split's first samples, for a quick look; “all” gives the figures "
                            "`vitask eval` gives."));
    splitRow->addWidget(split_);
    splitRow->addSpacing(12);
    splitRow->addWidget(new QLabel(tr("Samples:"), this));
    splitRow->addWidget(samples_);
    splitRow->addStretch(1);
    form->addRow(tr("Split:"), splitRow);

    auto* answerRow = new QHBoxLayout;
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("answerMethod"));
    method_->addItem(tr("Score the label set"), QStringLiteral("score"));
    method_->addItem(tr("Generate an answer"), QStringLiteral("generate"));
    method_->setToolTip(tr("Scoring takes the label whose answer is most likely (and gives probabilities for the "
                           "AUC); generation matches the greedy answer to a label. As `vitask eval --method`."));
    exemplar_ = new QCheckBox(tr("With exemplar (EP)"), this);
    exemplar_->setObjectName(QStringLiteral("withExemplar"));
    exemplar_->setChecked(true);
    exemplar_->setToolTip(tr("Also answer with the TSM's exemplar (VITask w/ EP), when the model takes it."));
    tsm_ = new QCheckBox(tr("TSM"), this);
    tsm_->setObjectName(QStringLiteral("withTsm"));
    tsm_->setChecked(true);
    tsm_->setToolTip(tr("The loaded TSM's own labels and figures (`vitask tsm eval`)."));
    answerRow->addWidget(method_);
    answerRow->addSpacing(12);
    answerRow->addWidget(exemplar_);
    answerRow->addWidget(tsm_);
    answerRow->addStretch(1);
    form->addRow(tr("Answers:"), answerRow);

    connect(browse_, &QPushButton::clicked, this, &EvaluationForm::browse);
    connect(dataset_, &QLineEdit::textChanged, this, &EvaluationForm::changed);
    connect(split_, qOverload<int>(&QComboBox::currentIndexChanged), this, &EvaluationForm::changed);
    connect(samples_, qOverload<int>(&QSpinBox::valueChanged), this, &EvaluationForm::changed);
}

QString EvaluationForm::dataset() const { return dataset_->text().trimmed(); }
void EvaluationForm::setDataset(const QString& path) { dataset_->setText(path); }
QString EvaluationForm::split() const { return split_->currentData().toString(); }

void EvaluationForm::setSplit(const QString& split) {
    const int index = split_->findData(split);
    if (index >= 0) split_->setCurrentIndex(index);
}

int EvaluationForm::maxSamples() const { return samples_->value(); }
void EvaluationForm::setMaxSamples(int samples) { samples_->setValue(samples); }
void EvaluationForm::setGenerate(bool generate) { method_->setCurrentIndex(generate ? 1 : 0); }

service::DatasetEvaluationRequest EvaluationForm::request() const {
    service::DatasetEvaluationRequest request;
    request.dataset = dataset().toStdString();
    request.split = split().toStdString();
    request.method = method_->currentData().toString().toStdString();
    request.withExemplar = exemplar_->isChecked();
    request.withTsm = tsm_->isChecked();
    request.maxSamples = samples_->value();
    return request;
}

QString EvaluationForm::problem() const {
    if (dataset().isEmpty()) return tr("Choose a dataset file first.");
    if (!QFileInfo(dataset()).isFile()) return tr("%1 does not exist. Choose a dataset file.").arg(dataset());
    return {};
}

void EvaluationForm::browse() {
    const QString start = dataset().isEmpty() ? QString() : QFileInfo(dataset()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Dataset to evaluate"), start,
                                                      tr("Datasets (*.npz *.csv);;All files (*)"));
    if (!file.isEmpty()) setDataset(file);
}

}  // namespace vitask::ui
