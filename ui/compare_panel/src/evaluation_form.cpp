#include "evaluation_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
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
    dataset_->setClearButtonEnabled(true);
    browse_ = new QPushButton(this);
    browse_->setObjectName(QStringLiteral("browseDataset"));
    datasetRow->addWidget(dataset_, 1);
    datasetRow->addWidget(browse_);
    datasetLabel_ = new QLabel(this);
    form->addRow(datasetLabel_, datasetRow);

    auto* splitRow = new QHBoxLayout;
    split_ = new QComboBox(this);
    split_->setObjectName(QStringLiteral("split"));
    for (const char* split : {"test", "val", "train"}) split_->addItem(QString(), QString::fromLatin1(split));
    samples_ = new QSpinBox(this);
    samples_->setObjectName(QStringLiteral("maxSamples"));
    samples_->setRange(0, 1000000);
    samples_->setSingleStep(100);
    samplesLabel_ = new QLabel(this);
    splitRow->addWidget(split_);
    splitRow->addSpacing(12);
    splitRow->addWidget(samplesLabel_);
    splitRow->addWidget(samples_);
    splitRow->addStretch(1);
    splitLabel_ = new QLabel(this);
    form->addRow(splitLabel_, splitRow);

    auto* answerRow = new QHBoxLayout;
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("answerMethod"));
    for (const char* method : {"score", "generate"}) method_->addItem(QString(), QString::fromLatin1(method));
    exemplar_ = new QCheckBox(this);
    exemplar_->setObjectName(QStringLiteral("withExemplar"));
    exemplar_->setChecked(true);
    tsm_ = new QCheckBox(this);
    tsm_->setObjectName(QStringLiteral("withTsm"));
    tsm_->setChecked(true);
    answerRow->addWidget(method_);
    answerRow->addSpacing(12);
    answerRow->addWidget(exemplar_);
    answerRow->addWidget(tsm_);
    answerRow->addStretch(1);
    answersLabel_ = new QLabel(this);
    form->addRow(answersLabel_, answerRow);
    retranslateUi();

    connect(browse_, &QPushButton::clicked, this, &EvaluationForm::browse);
    connect(dataset_, &QLineEdit::textChanged, this, &EvaluationForm::changed);
    connect(split_, qOverload<int>(&QComboBox::currentIndexChanged), this, &EvaluationForm::changed);
    connect(samples_, qOverload<int>(&QSpinBox::valueChanged), this, &EvaluationForm::changed);
}

void EvaluationForm::retranslateUi() {
    datasetLabel_->setText(tr("Dataset:"));
    dataset_->setPlaceholderText(tr("A MedMNIST .npz file or a CSV manifest"));
    dataset_->setToolTip(tr("The dataset the model is evaluated on, as `vitask eval --data` takes it."));
    browse_->setText(tr("&Browse…"));
    browse_->setToolTip(tr("Choose the dataset file (Alt+B)"));

    splitLabel_->setText(tr("Split:"));
    // In the order the constructor adds them.
    split_->setItemText(0, tr("test"));
    split_->setItemText(1, tr("validation"));
    split_->setItemText(2, tr("train"));
    split_->setToolTip(tr("The split evaluated (`vitask eval --split`)."));
    samplesLabel_->setText(tr("Samples:"));
    samples_->setSpecialValueText(tr("all"));
    samples_->setToolTip(tr("Only the split's first samples, for a quick look; “all” gives the figures "
                            "`vitask eval` gives."));

    answersLabel_->setText(tr("Answers:"));
    method_->setItemText(0, tr("Score the label set"));
    method_->setItemText(1, tr("Generate an answer"));
    method_->setToolTip(tr("Scoring takes the label whose answer is most likely (and gives probabilities for the "
                           "AUC); generation matches the greedy answer to a label. As `vitask eval --method`."));
    exemplar_->setText(tr("With exemplar (EP)"));
    exemplar_->setToolTip(tr("Also answer with the TSM's exemplar (VITask w/ EP), when the model takes it."));
    tsm_->setText(tr("TSM"));
    tsm_->setToolTip(tr("The loaded TSM's own labels and figures (`vitask tsm eval`)."));
}

void EvaluationForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
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

TextSource EvaluationForm::problem() const {
    const QString path = dataset();
    if (path.isEmpty()) return [] { return tr("Choose a dataset file first."); };
    if (!QFileInfo(path).isFile()) return [path] { return tr("%1 does not exist. Choose a dataset file.").arg(path); };
    return nullptr;
}

void EvaluationForm::browse() {
    const QString start = dataset().isEmpty() ? QString() : QFileInfo(dataset()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Dataset to evaluate"), start,
                                                      tr("Datasets (*.npz *.csv);;All files (*)"));
    if (!file.isEmpty()) setDataset(file);
}

}  // namespace vitask::ui
