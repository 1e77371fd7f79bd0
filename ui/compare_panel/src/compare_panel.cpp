#include "vitask/ui/compare_panel/compare_panel.h"

#include "confusion_matrix_view.h"
#include "evaluation_form.h"
#include "instruction_names.h"
#include "metrics_table.h"
#include "run_progress.h"
#include "sample_csv.h"
#include "sample_table_model.h"
#include "vitask/ui/compare_panel/sample_volume.h"
#include "vitask/ui/ai_panel/agreement_badge.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/viewer/slice_viewer.h"
#include "vitask/ui/widgets/message_label.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace vitask::ui {
namespace {

QShortcut* shortcut(const QKeySequence& key, QWidget* panel) {
    auto* s = new QShortcut(key, panel);
    // Only while the focus is in the panel: the main window's own keys stay its own.
    s->setContext(Qt::WidgetWithChildrenShortcut);
    return s;
}

TextSource why(const std::string& skipped, bool asked, bool cancelled) {
    if (cancelled) return [] { return ComparePanel::tr("cancelled: no figures"); };
    if (!asked) return [] { return ComparePanel::tr("not asked"); };
    return [reason = QString::fromStdString(skipped)] { return reason; };
}

}  // namespace

ComparePanel::ComparePanel(EngineBridge* engine, QWidget* parent) : QWidget(parent), engine_(engine) {
    setObjectName(QStringLiteral("comparePanel"));
    buildLayout();
    connectEngine();
    retranslateUi();
}

ComparePanel::~ComparePanel() {
    // Nobody would see its figures: the engine's time goes to the next work instead.
    if (evaluation_) engine_->cancelEvaluation();
}

void ComparePanel::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    error_ = messageLabel(MessageKind::Error, QStringLiteral("compareError"), this);
    layout->addWidget(error_);

    auto* setup = setupBox_ = new QGroupBox(this);
    auto* setupLayout = new QVBoxLayout(setup);
    auto* choices = new QHBoxLayout;
    form_ = new EvaluationForm(setup);
    choices->addWidget(form_, 3);
    auto* instructionForm = new QFormLayout;
    instruction_ = new QComboBox(setup);
    instruction_->setObjectName(QStringLiteral("instruction"));
    // Named by retranslateUi().
    for (const auto& name : service::instructionVariantNames())
        instruction_->addItem(QString(), QString::fromStdString(name));
    instruction_->addItem(QString(), QString::fromUtf8(service::kCustomInstruction));
    customInstruction_ = new QLineEdit(setup);
    customInstruction_->setObjectName(QStringLiteral("customInstruction"));
    customInstruction_->setEnabled(false);
    instructionLabel_ = new QLabel(setup);
    instructionForm->addRow(instructionLabel_, instruction_);
    instructionForm->addRow(QString(), customInstruction_);
    engineLine_ = new QLabel(setup);
    engineLine_->setObjectName(QStringLiteral("engineLine"));
    engineLine_->setWordWrap(true);
    modelsLabel_ = new QLabel(setup);
    instructionForm->addRow(modelsLabel_, engineLine_);
    choices->addLayout(instructionForm, 2);
    setupLayout->addLayout(choices);

    auto* runRow = new QHBoxLayout;
    runButton_ = new QPushButton(setup);
    runButton_->setObjectName(QStringLiteral("runButton"));
    runButton_->setDefault(true);
    cancelButton_ = new QPushButton(setup);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    cancelButton_->setEnabled(false);
    progress_ = new RunProgress(setup);
    runRow->addWidget(runButton_);
    runRow->addWidget(cancelButton_);
    runRow->addWidget(progress_, 1);
    setupLayout->addLayout(runRow);
    layout->addWidget(setup);

    auto* horizontal = new QSplitter(Qt::Horizontal, this);

    auto* tableSide = new QWidget(horizontal);
    auto* tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto* tableBar = new QHBoxLayout;
    onlyDisagreements_ = new QCheckBox(tableSide);
    onlyDisagreements_->setObjectName(QStringLiteral("onlyDisagreements"));
    counts_ = new QLabel(tableSide);
    counts_->setObjectName(QStringLiteral("sampleCounts"));
    exportButton_ = new QPushButton(tableSide);
    exportButton_->setObjectName(QStringLiteral("exportCsv"));
    exportButton_->setEnabled(false);
    tableBar->addWidget(onlyDisagreements_);
    tableBar->addWidget(counts_, 1);
    tableBar->addWidget(exportButton_);
    tableLayout->addLayout(tableBar);
    rows_ = new SampleTableModel(this);
    filter_ = new DisagreementFilter(this);
    filter_->setSourceModel(rows_);
    table_ = new QTableView(tableSide);
    table_->setObjectName(QStringLiteral("sampleTable"));
    table_->setModel(filter_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(SampleTableModel::Index, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(SampleTableModel::Index, QHeaderView::ResizeToContents);
    tableLayout->addWidget(table_, 1);

    auto* sampleBox = sampleBox_ = new QGroupBox(horizontal);
    auto* sampleLayout = new QVBoxLayout(sampleBox);
    viewer_ = new SliceViewer(sampleBox);
    viewer_->setObjectName(QStringLiteral("sampleViewer"));
    viewer_->setMinimumSize(220, 220);
    viewer_->setOverlayVisible(false);
    sampleCaption_ = new QLabel(sampleBox);
    sampleCaption_->setObjectName(QStringLiteral("sampleCaption"));
    sampleCaption_->setWordWrap(true);
    captionText_ = [] { return tr("Choose a row to see its image and where the TSM looked."); };
    badge_ = new AgreementBadge(sampleBox);
    sampleLayout->addWidget(viewer_, 1);
    sampleLayout->addWidget(badge_);
    sampleLayout->addWidget(sampleCaption_);
    openButton_ = new QPushButton(sampleBox);
    openButton_->setObjectName(QStringLiteral("openSampleButton"));
    openButton_->setEnabled(false);
    sampleLayout->addWidget(openButton_, 0, Qt::AlignRight);
    horizontal->addWidget(tableSide);
    horizontal->addWidget(sampleBox);
    horizontal->setStretchFactor(0, 3);
    horizontal->setStretchFactor(1, 1);

    // The figures take the height they need (the matrices grow with the classes); the
    // table gets the rest.
    auto* figures = new QWidget(this);
    auto* figuresLayout = new QVBoxLayout(figures);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    auto* metricsBox = metricsBox_ = new QGroupBox(figures);
    auto* metricsLayout = new QVBoxLayout(metricsBox);
    metrics_ = new MetricsTable(metricsBox);
    notes_ = new QLabel(metricsBox);
    notes_->setObjectName(QStringLiteral("evaluationNotes"));
    // Not wrapped: a splitter sizes a wrapped label for too many lines. A long instruction
    // is cut at the panel's edge; the tooltip has it all.
    notes_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    metricsLayout->addWidget(metrics_);
    metricsLayout->addWidget(notes_);
    figuresLayout->addWidget(metricsBox);
    auto* confusionBox = confusionBox_ = new QGroupBox(figures);
    auto* confusionLayout = new QHBoxLayout(confusionBox);
    confusionVlm_ = new ConfusionMatrixView([] { return tr("VLM"); }, confusionBox);
    confusionVlm_->setObjectName(QStringLiteral("confusionVlm"));
    confusionEp_ = new ConfusionMatrixView([] { return tr("VLM + EP"); }, confusionBox);
    confusionEp_->setObjectName(QStringLiteral("confusionVlmEp"));
    confusionTsm_ = new ConfusionMatrixView([] { return tr("TSM"); }, confusionBox);
    confusionTsm_->setObjectName(QStringLiteral("confusionTsm"));
    for (auto* view : {confusionVlm_, confusionEp_, confusionTsm_}) confusionLayout->addWidget(view);
    figuresLayout->addWidget(confusionBox);
    layout->addWidget(horizontal, 1);
    layout->addWidget(figures);

    connect(instruction_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const bool custom = instruction_->currentData().toString() == QLatin1String(service::kCustomInstruction);
        customInstruction_->setEnabled(custom);
        if (custom) customInstruction_->setFocus();
    });
    connect(runButton_, &QPushButton::clicked, this, &ComparePanel::run);
    connect(cancelButton_, &QPushButton::clicked, this, &ComparePanel::cancel);
    connect(onlyDisagreements_, &QCheckBox::toggled, this, &ComparePanel::setOnlyDisagreements);
    connect(exportButton_, &QPushButton::clicked, this, &ComparePanel::exportCsvInteractively);
    connect(openButton_, &QPushButton::clicked, this, &ComparePanel::openSampleInViewer);
    connect(table_, &QTableView::doubleClicked, this, [this] {
        if (sample_) openSampleInViewer();  // the row's sample, once read (a click read it)
    });
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), this), &QShortcut::activated, this,
            &ComparePanel::openSampleInViewer);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) activateRow(current.row());
            });
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this), &QShortcut::activated, this, &ComparePanel::run);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_Period), this), &QShortcut::activated, this, &ComparePanel::cancel);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_D), this), &QShortcut::activated, onlyDisagreements_,
            &QCheckBox::toggle);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this), &QShortcut::activated, this,
            &ComparePanel::exportCsvInteractively);
    metrics_->clearMetrics();
}

void ComparePanel::retranslateUi() {
    setupBox_->setTitle(tr("Evaluation"));
    for (int i = 0; i < instruction_->count(); ++i) {
        const auto variant = instruction_->itemData(i).toString().toStdString();
        instruction_->setItemText(i, instructionTitle(variant));
        instruction_->setItemData(i, instructionDescription(variant), Qt::ToolTipRole);
    }
    instruction_->setToolTip(tr("The instruction every sample is asked with (`vitask eval --variant`)."));
    customInstruction_->setPlaceholderText(tr("Your instruction, e.g. “Which skin lesion is shown?”"));
    instructionLabel_->setText(tr("Instruction:"));
    modelsLabel_->setText(tr("Models:"));
    describeEngine();
    runButton_->setText(tr("Run"));
    runButton_->setToolTip(tr("Evaluate the loaded model and TSM on the split (Ctrl+R)"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(tr("Stop after the sample being answered (Ctrl+.)"));

    onlyDisagreements_->setText(tr("Only disagreements"));
    onlyDisagreements_->setToolTip(tr("Show only the samples whose systems give different labels (Ctrl+D)"));
    exportButton_->setText(tr("Export CSV…"));
    exportButton_->setToolTip(tr("Save the rows shown as CSV (Ctrl+Shift+E)"));
    updateCounts();
    rows_->retranslate();
    sampleBox_->setTitle(tr("Sample"));
    openButton_->setText(tr("Open in Viewer"));
    openButton_->setToolTip(tr("Show this image in the viewer with the TSM's heatmap, and ask the AI panel about it "
                               "(Ctrl+Shift+V, or double-click the row)"));
    sampleCaption_->setText(captionText_());

    metricsBox_->setTitle(tr("Figures"));
    showNotes();
    confusionBox_->setTitle(tr("Confusion matrices (rows: truth, columns: prediction)"));
    if (errorText_) error_->setText(errorText_());
}

void ComparePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void ComparePanel::connectEngine() {
    connect(engine_, &EngineBridge::evaluationProgress, this,
            [this](int evaluation, const service::DatasetEvaluationProgress& p) {
                if (evaluation != evaluation_) return;
                progress_->setProgress(p.done, p.total);
                if (!p.row || p.instruction != 0) return;
                rows_->append(*p.row);
                if (rows_->rowCount() == 1) updateSystemColumns(p.row->vlmWithExemplar.has_value(), p.row->tsm.has_value());
                updateCounts();
            });
    connect(engine_, &EngineBridge::evaluationFinished, this,
            [this](int evaluation, const service::DatasetEvaluation& result) {
                if (evaluation != evaluation_) return;
                setRunning(false);
                showResult(result);
                Q_EMIT evaluationFinished(result);
            });
    connect(engine_, &EngineBridge::evaluationFailed, this, [this](int evaluation, const QString& message) {
        if (evaluation != evaluation_) return;
        setRunning(false);
        progress_->stop([] { return tr("Failed."); });
        showError([message] { return tr("The evaluation failed: %1").arg(message); });
        Q_EMIT evaluationFailed(message);
    });
    connect(engine_, &EngineBridge::datasetSampleRead, this, [this](int request, const service::DatasetSample& sample) {
        if (request == sampleRequest_) showSample(sample);
    });
    connect(engine_, &EngineBridge::datasetSampleFailed, this, [this](int request, const QString& message) {
        if (request == sampleRequest_)
            showError([message] { return tr("The sample could not be read: %1").arg(message); });
    });
    connect(engine_, &EngineBridge::modelLoaded, this, &ComparePanel::describeEngine);
    connect(engine_, &EngineBridge::tsmLoaded, this, &ComparePanel::describeEngine);
    connect(engine_, &EngineBridge::tsmUnloaded, this, &ComparePanel::describeEngine);
}

void ComparePanel::describeEngine() {
    const auto& model = engine_->model();
    const auto& tsm = engine_->tsm();
    if (!model) {
        engineLine_->setText(tr("No model loaded: load one in the AI panel (Ctrl+M)."));
        return;
    }
    QString text = QString::fromStdString(model->name);
    if (model->exemplarWidth > 0) text += tr(" (EP)");
    text += tsm ? tr(" · TSM %1").arg(QString::fromStdString(tsm->name)) : tr(" · no TSM");
    engineLine_->setText(text);
}

void ComparePanel::setDataset(const QString& path) { form_->setDataset(path); }
void ComparePanel::setSplit(const QString& split) { form_->setSplit(split); }
void ComparePanel::setMaxSamples(int samples) { form_->setMaxSamples(samples); }
void ComparePanel::setGenerate(bool generate) { form_->setGenerate(generate); }

void ComparePanel::setInstruction(const std::string& variant, const QString& text) {
    const int index = instruction_->findData(QString::fromStdString(variant));
    if (index >= 0) instruction_->setCurrentIndex(index);
    customInstruction_->setText(text);
}

service::DatasetEvaluationRequest ComparePanel::request() const {
    auto request = form_->request();
    request.instructions = {{instruction_->currentData().toString().toStdString(),
                             customInstruction_->text().trimmed().toStdString()}};
    return request;
}

void ComparePanel::run() {
    if (running()) return;
    error_->hide();
    TextSource problem = form_->problem();
    if (!problem && !engine_->model())
        problem = [] { return tr("No model is loaded. Load one in the AI panel (Ctrl+M)."); };
    const auto r = request();
    if (!problem && r.instructions.front().variant == service::kCustomInstruction && r.instructions.front().text.empty())
        problem = [] { return tr("Write the custom instruction, or choose another one."); };
    if (problem) {
        showError(std::move(problem));
        return;
    }
    rows_->clear();
    metrics_->clearMetrics();
    for (auto* view : {confusionVlm_, confusionEp_, confusionTsm_}) view->showNothing([] { return tr("running…"); });
    result_.reset();
    showNotes();
    runDataset_ = form_->dataset();
    runSplit_ = form_->split();
    updateSystemColumns(r.withExemplar, r.withTsm);
    evaluation_ = engine_->evaluateDataset(r);
    setRunning(true);
    progress_->start([] { return tr("Reading the dataset and running the TSM over it…"); });
    updateCounts();
}

void ComparePanel::cancel() {
    if (!running()) return;
    engine_->cancelEvaluation();
    progress_->stop([] { return tr("Cancelling after the sample being answered…"); });
}

void ComparePanel::setRunning(bool running) {
    if (!running) evaluation_ = 0;
    runButton_->setEnabled(!running);
    cancelButton_->setEnabled(running);
    form_->setEnabled(!running);
    instruction_->setEnabled(!running);
    customInstruction_->setEnabled(!running &&
                                   instruction_->currentData().toString() == QLatin1String(service::kCustomInstruction));
    exportButton_->setEnabled(!running && rows_->rowCount() > 0);
}

void ComparePanel::updateSystemColumns(bool withExemplar, bool withTsm) {
    table_->setColumnHidden(SampleTableModel::VlmWithExemplar, !withExemplar);
    table_->setColumnHidden(SampleTableModel::Tsm, !withTsm);
    table_->setColumnHidden(SampleTableModel::Agreement, !withExemplar && !withTsm);
}

void ComparePanel::showResult(const service::DatasetEvaluation& result) {
    result_ = result;
    runDataset_ = QString::fromStdString(result.request.dataset.string());
    runSplit_ = QString::fromStdString(result.request.split);
    const auto& instruction = result.instructions.front();
    rows_->setRows(instruction.rows);
    const bool ep = !instruction.rows.empty() ? instruction.rows.front().vlmWithExemplar.has_value()
                                              : result.request.withExemplar && result.exemplarSkipped.empty();
    const bool tsm = !instruction.rows.empty() ? instruction.rows.front().tsm.has_value()
                                               : result.request.withTsm && result.tsmSkipped.empty();
    updateSystemColumns(ep, tsm);

    const bool cancelled = result.cancelled;
    metrics_->showMetrics(MetricsTable::Vlm, instruction.vlm, why({}, true, cancelled));
    metrics_->showMetrics(MetricsTable::VlmWithExemplar, instruction.vlmWithExemplar,
                          why(result.exemplarSkipped, result.request.withExemplar, cancelled));
    metrics_->showMetrics(MetricsTable::Tsm, result.tsmMetrics, why(result.tsmSkipped, result.request.withTsm, cancelled));
    const std::pair<ConfusionMatrixView*, const std::optional<service::SystemMetrics>*> views[] = {
        {confusionVlm_, &instruction.vlm}, {confusionEp_, &instruction.vlmWithExemplar}, {confusionTsm_, &result.tsmMetrics}};
    for (const auto& [view, metrics] : views) {
        if (!*metrics) view->showNothing([cancelled] { return cancelled ? tr("cancelled") : tr("not run"); });
        else if ((*metrics)->confusion.empty()) view->showNothing([] { return tr("multi-label: no confusion matrix"); });
        else view->showMatrix(result.task.labels, (*metrics)->confusion);
    }

    showNotes();
    const auto answered = instruction.rows.size();
    const auto samples = result.samples;
    const double seconds = result.seconds;
    progress_->stop([cancelled, answered, samples, seconds] {
        return cancelled ? tr("Cancelled after %1 of %2 samples: no figures.").arg(answered).arg(samples)
                         : tr("%1 samples in %2.").arg(samples).arg(durationText(seconds));
    });
    exportButton_->setEnabled(rows_->rowCount() > 0);
    updateCounts();
}

void ComparePanel::showNotes() {
    if (!result_) {
        notes_->clear();
        notes_->setToolTip({});
        return;
    }
    const auto& result = *result_;
    QStringList notes;
    notes << tr("%1 · %2 split, %3 of %4 samples · %5 · asked “%6”")
                 .arg(QString::fromStdString(result.task.name), QString::fromStdString(result.request.split))
                 .arg(result.samples)
                 .arg(result.splitSize)
                 .arg(result.request.method == "generate" ? tr("generated answers") : tr("label-set scoring"))
                 .arg(QString::fromStdString(result.instructions.front().example));
    notes << tr("Model %1 (%2)%3")
                 .arg(QString::fromStdString(result.model), QString::fromStdString(result.modelWeightsHash).left(19))
                 .arg(result.tsm.empty() ? QString() : tr(" · TSM %1").arg(QString::fromStdString(result.tsm)));
    notes_->setText(notes.join(QLatin1Char('\n')));
    notes_->setToolTip(notes_->text());
}

void ComparePanel::updateCounts() {
    const int total = rows_->rowCount();
    int disagreements = 0;
    for (const auto& row : rows_->rows()) disagreements += row.agreement == service::Agreement::Disagree;
    counts_->setText(total == 0 ? QString()
                                : tr("%1 samples · %2 with disagreement · %3 shown")
                                      .arg(total)
                                      .arg(disagreements)
                                      .arg(filter_->rowCount()));
}

std::vector<const service::SampleRow*> ComparePanel::shownRows() const {
    std::vector<const service::SampleRow*> out;
    for (int r = 0; r < filter_->rowCount(); ++r)
        out.push_back(&rows_->rows()[static_cast<size_t>(filter_->mapToSource(filter_->index(r, 0)).row())]);
    return out;
}

bool ComparePanel::onlyDisagreements() const { return filter_->onlyDisagreements(); }

void ComparePanel::setOnlyDisagreements(bool only) {
    if (onlyDisagreements_->isChecked() != only) onlyDisagreements_->setChecked(only);
    filter_->setOnlyDisagreements(only);
    updateCounts();
}

bool ComparePanel::exportCsv(const QString& path, QString* error) const { return writeSampleCsv(path, shownRows(), error); }

void ComparePanel::exportCsvInteractively() {
    if (rows_->rowCount() == 0 || running()) return;
    const QFileInfo dataset(runDataset_);
    const QString suggested = dataset.absolutePath() + QLatin1Char('/') + dataset.completeBaseName() + QLatin1Char('_') +
                              runSplit_ + QStringLiteral("_compare.csv");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the table"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QString error;
    // Stays in the language it was written in (its reason is the file system's).
    if (!exportCsv(path, &error)) showError([error] { return error; });
}

void ComparePanel::activateRow(int row) {
    if (row < 0 || row >= filter_->rowCount()) return;
    if (table_->currentIndex().row() != row) {
        table_->selectRow(row);  // its currentRowChanged comes back here
        return;
    }
    const auto& sample = rows_->rows()[static_cast<size_t>(filter_->mapToSource(filter_->index(row, 0)).row())];
    const QString vlm = QString::fromStdString(sample.vlm.label);
    const QString tsm = sample.tsm ? QString::fromStdString(sample.tsm->label) : QString();
    badge_->showAgreement(sample.agreement, vlm, tsm);
    showCaption([split = runSplit_, index = sample.index] { return tr("Reading %1 #%2…").arg(split).arg(index); });
    sampleRequest_ = engine_->datasetSample(runDataset_, runSplit_, sample.index);
    Q_EMIT sampleActivated(runDataset_, runSplit_, sample.index);
}

void ComparePanel::showSample(const service::DatasetSample& sample) {
    sample_ = sample;
    viewer_->setVolume(sampleVolume(sample.image));
    if (sample.saliency)
        viewer_->setHeatmap(sample.saliency->width, sample.saliency->height, sample.saliency->values,
                            QString::fromStdString(sample.saliency->label));
    showCaption([this] { return sampleText(); });
    openButton_->setEnabled(true);
    Q_EMIT sampleReady(sample);
}

QString ComparePanel::sampleText() const {
    const auto& sample = *sample_;
    QString caption = tr("%1 · truth <b>%2</b>")
                          .arg(QString::fromStdString(sample.title).toHtmlEscaped(),
                               QString::fromStdString(sample.truth).toHtmlEscaped());
    if (sample.tsm && !sample.tsm->probabilities.empty()) {
        const auto& top = sample.tsm->probabilities[sample.tsm->top];
        caption += tr(" · TSM %1 (%2 %)")
                       .arg(QString::fromStdString(top.label).toHtmlEscaped())
                       .arg(top.probability * 100.0, 0, 'f', 0);
    }
    if (sample.saliency)
        caption += tr("<br>Heatmap: %1 saliency of “%2”.")
                       .arg(QString::fromStdString(sample.saliency->method).toHtmlEscaped(),
                            QString::fromStdString(sample.saliency->label).toHtmlEscaped());
    return caption;
}

void ComparePanel::showCaption(Text caption) {
    captionText_ = std::move(caption);
    sampleCaption_->setText(captionText_());
}

void ComparePanel::openSampleInViewer() {
    if (sample_) Q_EMIT openInViewerRequested(*sample_);
}

void ComparePanel::showError(Text message) {
    errorText_ = std::move(message);
    error_->setText(errorText_());
    error_->show();
}

}  // namespace vitask::ui
