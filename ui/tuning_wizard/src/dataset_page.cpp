#include "dataset_page.h"

#include "dataset_preview_view.h"
#include "form_widgets.h"
#include "run_draft.h"
#include "synth_runner.h"
#include "wizard_paths.h"

#include "vitask/ui/bridge/post_to.h"
#include "vitask/ui/settings/studio_settings.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

QSpinBox* countBox(int value, const QString& name, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, 1000000);
    box->setSingleStep(100);
    box->setValue(value);
    return box;
}

}  // namespace

DatasetPage::DatasetPage(QWidget* parent) : WizardPage(WizardStep::Dataset, parent), synth_(new SynthRunner(this)) {
    setTitle(tr("Dataset"));
    setSubTitle(tr("The tasks to tune for: MedMNIST .npz files, CSV manifests of images, or the synthetic benchmark. "
                   "Each one is read as the trainer will read it."));
    pool_.setMaxThreadCount(1);  // one preview at a time: each may hold a dataset's pixels
    synth_->setProgram(defaultVitaskProgram());

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    list_ = new QListWidget(left);
    list_->setObjectName(QStringLiteral("datasetList"));
    list_->setToolTip(tr("Every dataset is one task; a run may train on several (the paper tunes on all twelve MedMNIST "
                         "datasets at once)."));
    auto* buttons = new QHBoxLayout;
    auto* addNpz = new QPushButton(tr("Add &.npz…"), left);
    addNpz->setObjectName(QStringLiteral("addNpz"));
    addNpz->setToolTip(tr("A MedMNIST file (bloodmnist.npz, pathmnist_64.npz, …) or any file in its layout"));
    auto* addCsv = new QPushButton(tr("Add &CSV…"), left);
    addCsv->setObjectName(QStringLiteral("addCsv"));
    addCsv->setToolTip(tr("A CSV manifest with the columns path,label[,split] listing DICOM, NIfTI, PNG or JPEG files"));
    auto* remove = new QPushButton(tr("&Remove"), left);
    remove->setObjectName(QStringLiteral("removeDataset"));
    buttons->addWidget(addNpz);
    buttons->addWidget(addCsv);
    buttons->addStretch(1);
    buttons->addWidget(remove);
    auto* listLabel = new QLabel(tr("&Datasets:"), left);
    listLabel->setBuddy(list_);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(list_, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(buildSynthBox());

    view_ = new DatasetPreviewView(this);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(view_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 680});
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(generalProblemLabel());

    connect(addNpz, &QPushButton::clicked, this, [this] { chooseFiles(tr("MedMNIST datasets (*.npz)")); });
    connect(addCsv, &QPushButton::clicked, this, [this] { chooseFiles(tr("CSV manifests (*.csv)")); });
    connect(remove, &QPushButton::clicked, this, &DatasetPage::removeSelected);
    connect(list_, &QListWidget::currentRowChanged, this, &DatasetPage::showSelected);
    connect(synth_, &SynthRunner::progress, this, [this](int written, int total) {
        synthProgress_->setRange(0, total);
        synthProgress_->setValue(written);
        synthStatus_->setText(tr("Writing dataset %1 of %2…").arg(std::min(written + 1, total)).arg(total));
    });
    connect(synth_, &SynthRunner::finished, this, [this](bool ok, const QStringList& files, const QString& message) {
        synthButton_->setEnabled(true);
        synthCancel_->setEnabled(false);
        synthProgress_->setVisible(false);
        synthStatus_->setText(ok ? tr("Wrote %n dataset(s).", nullptr, int(files.size())) : message);
        synthStatus_->setStyleSheet(ok ? QString() : QStringLiteral("QLabel { color: #b71c1c; }"));
        for (const auto& file : files) addDataset(file);
        Q_EMIT synthFinished(ok, message);
    });
}

DatasetPage::~DatasetPage() { pool_.waitForDone(); }

QWidget* DatasetPage::buildSynthBox() {
    auto* box = new QGroupBox(tr("Generate a synthetic dataset"), this);
    box->setToolTip(tr("`vitask data synth`: four imaging modalities drawn from scratch with findings of graded "
                       "subtlety. No download and no patient data; the same seed gives the same bytes."));
    auto* form = new QFormLayout(box);
    synthFolder_ = new QLineEdit(defaultSynthFolder(), box);
    synthFolder_->setObjectName(QStringLiteral("synthFolder"));
    form->addRow(tr("&Folder:"), withBrowse(synthFolder_, tr("Folder for the synthetic datasets"), box));
    synthModality_ = new QComboBox(box);
    synthModality_->setObjectName(QStringLiteral("synthModality"));
    synthModality_->addItem(tr("All four modalities"), QString());
    for (const auto& name : service::syntheticModalityNames())
        synthModality_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    form->addRow(tr("&Modality:"), synthModality_);
    auto* sizesRow = new QWidget(box);
    auto* sizes = new QHBoxLayout(sizesRow);
    sizes->setContentsMargins(0, 0, 0, 0);
    synthTrain_ = countBox(1000, QStringLiteral("synthTrain"), box);
    synthVal_ = countBox(200, QStringLiteral("synthVal"), box);
    synthTest_ = countBox(400, QStringLiteral("synthTest"), box);
    synthTrain_->setToolTip(tr("Training images per modality (default 1000: a small CNN reaches about 85–95 %)"));
    synthVal_->setToolTip(tr("Validation images per modality"));
    synthTest_->setToolTip(tr("Test images per modality"));
    sizes->addWidget(synthTrain_);
    sizes->addWidget(synthVal_);
    sizes->addWidget(synthTest_);
    sizesRow->setFocusProxy(synthTrain_);
    form->addRow(tr("&Train / val / test:"), sizesRow);
    synthSize_ = new QComboBox(box);
    synthSize_->setObjectName(QStringLiteral("synthSize"));
    synthSize_->addItem(tr("28 px"), 28);
    synthSize_->addItem(tr("64 px"), 64);
    form->addRow(tr("Image &size:"), synthSize_);
    auto* run = new QHBoxLayout;
    synthButton_ = new QPushButton(tr("&Generate"), box);
    synthButton_->setObjectName(QStringLiteral("synthGenerate"));
    synthCancel_ = new QPushButton(tr("Cancel"), box);
    synthCancel_->setEnabled(false);
    synthProgress_ = new QProgressBar(box);
    synthProgress_->setObjectName(QStringLiteral("synthProgress"));
    synthProgress_->setVisible(false);
    run->addWidget(synthButton_);
    run->addWidget(synthCancel_);
    run->addWidget(synthProgress_, 1);
    form->addRow(run);
    synthStatus_ = new QLabel(box);
    synthStatus_->setObjectName(QStringLiteral("synthStatus"));
    synthStatus_->setWordWrap(true);
    form->addRow(synthStatus_);

    connect(synthButton_, &QPushButton::clicked, this, &DatasetPage::generateSynthetic);
    connect(synthCancel_, &QPushButton::clicked, synth_, &SynthRunner::cancel);
    return box;
}

void DatasetPage::setVitaskProgram(const QString& program) { synth_->setProgram(program); }

void DatasetPage::generateSynthetic() {
    SynthRequest request;
    request.folder = QDir::cleanPath(synthFolder_->text().trimmed());
    const QString one = synthModality_->currentData().toString();
    if (one.isEmpty()) {
        for (const auto& name : service::syntheticModalityNames()) request.modalities << QString::fromStdString(name);
    } else {
        request.modalities << one;
    }
    request.train = synthTrain_->value();
    request.val = synthVal_->value();
    request.test = synthTest_->value();
    request.size = synthSize_->currentData().toInt();
    synthButton_->setEnabled(false);
    synthCancel_->setEnabled(true);
    synthProgress_->setVisible(true);
    synthStatus_->setStyleSheet(QString());
    synth_->start(request);
}

void DatasetPage::chooseFiles(const QString& filter) {
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Add datasets"), StudioSettings::studyFolder(), filter);
    for (const auto& file : files) addDataset(file);
}

void DatasetPage::addDataset(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (datasets().contains(absolute)) return;
    auto* item = new QListWidgetItem(QFileInfo(absolute).fileName(), list_);
    item->setData(Qt::UserRole, absolute);
    item->setToolTip(absolute);
    startPreview(absolute);
    list_->setCurrentItem(item);
    notifyEdited();
}

void DatasetPage::startPreview(const QString& path) {
    loading_.insert(path);
    previews_.remove(path);
    pool_.start([this, path] {
        auto preview = service::previewDataset(path.toStdString());
        postTo(this, [this, path, preview = std::move(preview)]() mutable {
            loading_.remove(path);
            if (!datasets().contains(path)) return;  // removed while it loaded
            previews_.insert(path, std::move(preview));
            for (int row = 0; row < list_->count(); ++row) {
                auto* item = list_->item(row);
                if (item->data(Qt::UserRole).toString() != path) continue;
                const auto& p = previews_[path];
                item->setIcon(style()->standardIcon(p.ok() ? (p.warnings.empty() ? QStyle::SP_DialogApplyButton
                                                                                 : QStyle::SP_MessageBoxWarning)
                                                           : QStyle::SP_MessageBoxCritical));
                if (!p.name.empty())
                    item->setText(QStringLiteral("%1 — %2").arg(QString::fromStdString(p.name),
                                                                 QFileInfo(path).fileName()));
            }
            showSelected();
            Q_EMIT completeChanged();
            Q_EMIT previewed(path);
        });
    });
    showSelected();
    Q_EMIT completeChanged();
}

void DatasetPage::removeSelected() {
    delete list_->currentItem();
    notifyEdited();
    showSelected();
}

void DatasetPage::showSelected() {
    const auto* item = list_->currentItem();
    if (!item) {
        view_->showPreview(nullptr);
        return;
    }
    const QString path = item->data(Qt::UserRole).toString();
    view_->showPreview(preview(path), loading_.contains(path));
}

QStringList DatasetPage::datasets() const {
    QStringList paths;
    for (int row = 0; row < list_->count(); ++row) paths << list_->item(row)->data(Qt::UserRole).toString();
    return paths;
}

const service::DatasetPreview* DatasetPage::preview(const QString& path) const {
    const auto it = previews_.constFind(path);
    return it == previews_.constEnd() ? nullptr : &*it;
}

int DatasetPage::imageSize() const {
    for (const auto& path : datasets())
        if (const auto* p = preview(path))
            for (const auto& split : p->splits)
                if (split.size > 0) return split.width;
    return 28;
}

bool DatasetPage::hasCsvManifest() const {
    for (const auto& path : datasets())
        if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) return true;
    return false;
}

void DatasetPage::fill(RunDraft& draft) const { draft.datasets = datasets(); }

bool DatasetPage::ready() const {
    if (list_->count() == 0 || !loading_.isEmpty()) return false;
    for (const auto& path : datasets()) {
        const auto* p = preview(path);
        if (!p || !p->ok()) return false;
    }
    return true;
}

}  // namespace vitask::ui
