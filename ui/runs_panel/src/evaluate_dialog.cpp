#include "evaluate_dialog.h"

#include "vitask/ui/runs_panel/runs_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace vitask::ui {

EvaluateDialog::EvaluateDialog(const EvaluationRequest& request, QWidget* parent) : QDialog(parent), base_(request) {
    setWindowTitle(RunsPanel::tr("Evaluate %1").arg(QDir(request.runFolder).dirName()));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(RunsPanel::tr("Runs <code>vitask eval</code> on the run's final model; the results are "
                                           "written to the run's eval/ folder and listed under Evaluations."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    data_ = new QListWidget(this);
    data_->setObjectName(QStringLiteral("evaluateData"));
    for (const auto& file : request.dataFiles) {
        auto* item = new QListWidgetItem(file, data_);
        if (!QFileInfo(file).isReadable()) {
            item->setForeground(QColor(0xc6, 0x28, 0x28));
            item->setToolTip(RunsPanel::tr("Not found here: remove it and add the file where it is now."));
        }
    }
    data_->setMaximumHeight(data_->fontMetrics().height() * 5 + 12);
    auto* dataButtons = new QHBoxLayout;
    auto* addData = new QPushButton(RunsPanel::tr("Add…"), this);
    auto* removeData = new QPushButton(RunsPanel::tr("Remove"), this);
    dataButtons->addWidget(addData);
    dataButtons->addWidget(removeData);
    dataButtons->addStretch(1);
    auto* dataBox = new QVBoxLayout;
    dataBox->addWidget(data_);
    dataBox->addLayout(dataButtons);
    form->addRow(RunsPanel::tr("Datasets:"), dataBox);
    split_ = new QComboBox(this);
    for (const char* split : {"test", "val", "train"}) split_->addItem(QLatin1String(split));
    form->addRow(RunsPanel::tr("Split:"), split_);
    method_ = new QComboBox(this);
    method_->addItem(RunsPanel::tr("score the label set"), QStringLiteral("score"));
    method_->addItem(RunsPanel::tr("generate an answer"), QStringLiteral("generate"));
    form->addRow(RunsPanel::tr("Method:"), method_);
    variant_ = new QComboBox(this);
    variant_->addItem(RunsPanel::tr("complete instruction"), QStringLiteral("complete"));
    variant_->addItem(RunsPanel::tr("robustness grid (all 7 variants)"), QStringLiteral("all"));
    form->addRow(RunsPanel::tr("Instruction:"), variant_);
    exemplar_ = new QCheckBox(RunsPanel::tr("with the TSM's exemplar (EP)"), this);
    exemplar_->setEnabled(!request.tsm.isEmpty());
    exemplar_->setToolTip(request.tsm.isEmpty() ? RunsPanel::tr("The run's configuration names no TSM.")
                                                : RunsPanel::tr("TSM: %1").arg(request.tsm));
    form->addRow(QString(), exemplar_);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(RunsPanel::tr("Evaluate"));
    layout->addWidget(buttons);
    resize(620, sizeHint().height());

    connect(addData, &QPushButton::clicked, this, [this] {
        const auto files = QFileDialog::getOpenFileNames(this, RunsPanel::tr("Datasets"), QString(),
                                                         RunsPanel::tr("Datasets (*.npz *.csv)"));
        for (const auto& file : files) data_->addItem(file);
    });
    connect(removeData, &QPushButton::clicked, this, [this] { qDeleteAll(data_->selectedItems()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

EvaluationRequest EvaluateDialog::request() const {
    EvaluationRequest request = base_;
    request.dataFiles.clear();
    for (int i = 0; i < data_->count(); ++i) request.dataFiles << data_->item(i)->text();
    request.split = split_->currentText();
    request.method = method_->currentData().toString();
    request.variant = variant_->currentData().toString();
    request.exemplar = exemplar_->isChecked();
    return request;
}

}  // namespace vitask::ui
