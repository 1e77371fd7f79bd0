#include "vitask/ui/compare_panel/robustness_panel.h"

#include "evaluation_form.h"
#include "instruction_names.h"
#include "robustness_chart.h"
#include "run_progress.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/widgets/message_label.h"

#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vitask::ui {
namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kVariantRole = Qt::UserRole;
constexpr int kValueRole = Qt::UserRole;

// As the engine names a model (ModelInfo::name): a run's final/ by its run.
QString modelName(const QString& folder) {
    const QFileInfo info(folder);
    return info.fileName() == QLatin1String("final") ? QFileInfo(info.absolutePath()).fileName() : info.fileName();
}

QString canonical(const QString& folder) {
    const QFileInfo info(folder);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
}

QShortcut* shortcut(const QKeySequence& key, QWidget* panel) {
    auto* s = new QShortcut(key, panel);
    s->setContext(Qt::WidgetWithChildrenShortcut);  // the main window's keys stay its own
    return s;
}

QString systemName(int system) {
    switch (system) {
    case RobustnessPanel::Vlm: return RobustnessPanel::tr("VLM");
    case RobustnessPanel::VlmWithExemplar: return RobustnessPanel::tr("VLM + EP");
    default: return RobustnessPanel::tr("TSM");
    }
}

// Pale green by the value, so the grid reads at a glance without hiding the numbers.
QColor shade(double value) {
    const double v = std::clamp(value, 0.0, 1.0);
    return QColor::fromHsvF(0.33, 0.45 * v, 1.0 - 0.08 * v);
}

const service::SystemMetrics* metricsOf(const service::DatasetEvaluation& result, int instruction, int system) {
    if (system == RobustnessPanel::Tsm) return result.tsmMetrics ? &*result.tsmMetrics : nullptr;
    const auto& row = result.instructions[static_cast<size_t>(instruction)];
    const auto& metrics = system == RobustnessPanel::Vlm ? row.vlm : row.vlmWithExemplar;
    return metrics ? &*metrics : nullptr;
}

}  // namespace

RobustnessPanel::RobustnessPanel(EngineBridge* engine, QWidget* parent) : QWidget(parent), engine_(engine) {
    setObjectName(QStringLiteral("robustnessPanel"));
    buildLayout();
    connectEngine();
    retranslateUi();
    // Each variant in view (by its name's height); the models list as high.
    variants_->setFixedHeight(variants_->sizeHintForRow(0) * variants_->count() + 2 * variants_->frameWidth() + 4);
    modelList_->setFixedHeight(variants_->height());
    if (engine_->model()) setModels({QString::fromStdString(engine_->model()->folder.string())});
}

RobustnessPanel::~RobustnessPanel() {
    if (evaluation_) engine_->cancelEvaluation();  // nobody would see its grid
}

void RobustnessPanel::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    error_ = messageLabel(MessageKind::Error, QStringLiteral("robustnessError"), this);
    layout->addWidget(error_);

    auto* setup = new QHBoxLayout;
    auto* modelsBox = modelsBox_ = new QGroupBox(this);
    auto* modelsLayout = new QVBoxLayout(modelsBox);
    modelList_ = new QListWidget(modelsBox);
    modelList_->setObjectName(QStringLiteral("modelList"));
    modelList_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* modelButtons = new QHBoxLayout;
    addModel_ = new QPushButton(modelsBox);
    addModel_->setObjectName(QStringLiteral("addModel"));
    removeModel_ = new QPushButton(modelsBox);
    removeModel_->setObjectName(QStringLiteral("removeModel"));
    modelButtons->addWidget(addModel_);
    modelButtons->addWidget(removeModel_);
    modelButtons->addStretch(1);
    modelsLayout->addWidget(modelList_, 1);
    modelsLayout->addLayout(modelButtons);
    setup->addWidget(modelsBox, 2);

    auto* datasetBox = datasetBox_ = new QGroupBox(this);
    auto* datasetLayout = new QVBoxLayout(datasetBox);
    form_ = new EvaluationForm(datasetBox);
    datasetLayout->addWidget(form_);
    datasetLayout->addStretch(1);
    setup->addWidget(datasetBox, 3);

    auto* variantsBox = variantsBox_ = new QGroupBox(this);
    auto* variantsLayout = new QVBoxLayout(variantsBox);
    variants_ = new QListWidget(variantsBox);
    variants_->setObjectName(QStringLiteral("variantList"));
    for (const auto& name : service::instructionVariantNames()) {
        auto* item = new QListWidgetItem(variants_);  // named by retranslateUi()
        item->setData(kVariantRole, QString::fromStdString(name));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    custom_ = new QLineEdit(variantsBox);
    custom_->setObjectName(QStringLiteral("customInstruction"));
    custom_->setClearButtonEnabled(true);
    variantsLayout->addWidget(variants_, 1);
    variantsLayout->addWidget(custom_);
    setup->addWidget(variantsBox, 2);
    layout->addLayout(setup);

    auto* runRow = new QHBoxLayout;
    runButton_ = new QPushButton(this);
    runButton_->setObjectName(QStringLiteral("runButton"));
    runButton_->setDefault(true);
    cancelButton_ = new QPushButton(this);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    cancelButton_->setEnabled(false);
    progress_ = new RunProgress(this);
    runRow->addWidget(runButton_);
    runRow->addWidget(cancelButton_);
    runRow->addWidget(progress_, 1);
    layout->addLayout(runRow);

    auto* results = new QSplitter(Qt::Vertical, this);
    grid_ = new QTableWidget(results);
    grid_->setObjectName(QStringLiteral("robustnessTable"));
    grid_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    grid_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    grid_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    grid_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    grid_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    grid_->verticalHeader()->setDefaultSectionSize(grid_->fontMetrics().height() + 8);
    chart_ = new QChartView(results);
    chart_->setObjectName(QStringLiteral("robustnessChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(220);
    results->addWidget(grid_);
    results->addWidget(chart_);
    results->setChildrenCollapsible(false);
    results->setStretchFactor(0, 0);
    results->setStretchFactor(1, 1);
    layout->addWidget(results, 1);

    connect(addModel_, &QPushButton::clicked, this, &RobustnessPanel::addModelInteractively);
    connect(removeModel_, &QPushButton::clicked, this, [this] { qDeleteAll(modelList_->selectedItems()); });
    connect(runButton_, &QPushButton::clicked, this, &RobustnessPanel::run);
    connect(cancelButton_, &QPushButton::clicked, this, &RobustnessPanel::cancel);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this), &QShortcut::activated, this, &RobustnessPanel::run);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::Key_Period), this), &QShortcut::activated, this,
            &RobustnessPanel::cancel);
    connect(shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this), &QShortcut::activated, this,
            &RobustnessPanel::addModelInteractively);
    auto* remove = new QShortcut(QKeySequence::Delete, modelList_);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, removeModel_, &QPushButton::click);
}

void RobustnessPanel::retranslateUi() {
    modelsBox_->setTitle(tr("Models"));
    modelList_->setToolTip(tr("Model folders, evaluated one after another (each is loaded in turn)."));
    addModel_->setText(tr("Add…"));
    addModel_->setToolTip(tr("Add a model folder: a VITask run's final/ or a LLaVA folder (Ctrl+Shift+M)"));
    removeModel_->setText(tr("Remove"));
    removeModel_->setToolTip(tr("Remove the selected models (Del)"));
    datasetBox_->setTitle(tr("Dataset"));
    variantsBox_->setTitle(tr("Instructions"));
    for (int i = 0; i < variants_->count(); ++i) {
        auto* item = variants_->item(i);
        const auto variant = item->data(kVariantRole).toString().toStdString();
        item->setText(instructionTitle(variant));
        item->setToolTip(instructionDescription(variant));
    }
    custom_->setPlaceholderText(tr("Your own instruction (optional)"));
    custom_->setToolTip(tr("Asked as written for every sample, as one more row of the grid."));
    runButton_->setText(tr("Run"));
    runButton_->setToolTip(tr("Evaluate every model with every instruction (Ctrl+R)"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(tr("Stop after the sample being answered (Ctrl+.)"));
    grid_->setToolTip(tr("Macro-F1 per instruction (rows), model and system (columns)."));
    // The grid and the chart name the instructions and systems: made again from the run.
    if (!instructions_.empty()) {
        buildGrid();
        updateChart();
    }
    if (errorText_) error_->setText(errorText_());
}

void RobustnessPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void RobustnessPanel::connectEngine() {
    connect(engine_, &EngineBridge::modelLoaded, this, [this](const service::ModelInfo& model) {
        if (!running_ && modelList_->count() == 0) setModels({QString::fromStdString(model.folder.string())});
        if (!waitingForModel_) return;
        waitingForModel_ = false;
        if (cancelled_) finishRun();
        else evaluateModel();
    });
    connect(engine_, &EngineBridge::modelFailed, this, [this](const QString& message) {
        if (!waitingForModel_) return;
        waitingForModel_ = false;
        modelDone(std::nullopt, [folder = runModels_.value(current_), message] {
            return tr("%1 could not be loaded: %2").arg(folder, message);
        });
    });
    connect(engine_, &EngineBridge::evaluationProgress, this,
            [this](int evaluation, const service::DatasetEvaluationProgress& p) {
                if (evaluation != evaluation_) return;
                progress_->setProgress(current_ * p.total + p.done, runModels_.size() * p.total);
            });
    connect(engine_, &EngineBridge::evaluationFinished, this,
            [this](int evaluation, const service::DatasetEvaluation& result) {
                if (evaluation != evaluation_) return;
                evaluation_ = 0;
                modelDone(result, {});
            });
    connect(engine_, &EngineBridge::evaluationFailed, this, [this](int evaluation, const QString& message) {
        if (evaluation != evaluation_) return;
        evaluation_ = 0;
        modelDone(std::nullopt, [name = modelNames_.value(current_), message] { return tr("%1: %2").arg(name, message); });
    });
}

void RobustnessPanel::setModels(const QStringList& folders) {
    modelList_->clear();
    for (const auto& folder : folders) {
        auto* item = new QListWidgetItem(modelName(folder), modelList_);
        item->setData(kPathRole, folder);
        item->setToolTip(folder);
    }
}

QStringList RobustnessPanel::models() const {
    QStringList out;
    for (int i = 0; i < modelList_->count(); ++i) out << modelList_->item(i)->data(kPathRole).toString();
    return out;
}

void RobustnessPanel::setDataset(const QString& path) { form_->setDataset(path); }
void RobustnessPanel::setSplit(const QString& split) { form_->setSplit(split); }
void RobustnessPanel::setMaxSamples(int samples) { form_->setMaxSamples(samples); }
void RobustnessPanel::setCustomInstruction(const QString& text) { custom_->setText(text); }

void RobustnessPanel::setVariants(const std::vector<std::string>& variants) {
    for (int i = 0; i < variants_->count(); ++i) {
        auto* item = variants_->item(i);
        const auto name = item->data(kVariantRole).toString().toStdString();
        item->setCheckState(std::find(variants.begin(), variants.end(), name) != variants.end() ? Qt::Checked
                                                                                                 : Qt::Unchecked);
    }
}

void RobustnessPanel::addModelInteractively() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Model folder"));
    if (folder.isEmpty() || models().contains(folder)) return;
    setModels(models() << folder);
}

service::DatasetEvaluationRequest RobustnessPanel::request() const {
    auto request = form_->request();
    request.instructions = instructions_;
    return request;
}

void RobustnessPanel::run() {
    if (running_) return;
    error_->hide();
    TextSource problem = form_->problem();
    if (!problem && modelList_->count() == 0) problem = [] { return tr("Add at least one model folder."); };
    std::vector<service::InstructionChoice> instructions;
    for (int i = 0; i < variants_->count(); ++i)
        if (variants_->item(i)->checkState() == Qt::Checked)
            instructions.push_back({variants_->item(i)->data(kVariantRole).toString().toStdString(), {}});
    if (!custom_->text().trimmed().isEmpty())
        instructions.push_back({service::kCustomInstruction, custom_->text().trimmed().toStdString()});
    if (!problem && instructions.empty()) problem = [] { return tr("Choose at least one instruction."); };
    if (problem) {
        showError(std::move(problem));
        return;
    }
    instructions_ = std::move(instructions);
    runModels_ = models();
    modelNames_.clear();
    for (const auto& folder : runModels_) modelNames_ << modelName(folder);
    results_.assign(static_cast<size_t>(runModels_.size()), std::nullopt);
    restoreModel_ = engine_->model() ? QString::fromStdString(engine_->model()->folder.string()) : QString();
    current_ = 0;
    running_ = true;
    cancelled_ = false;
    runButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    buildGrid();
    updateChart();
    startModel();
}

void RobustnessPanel::startModel() {
    if (cancelled_ || current_ >= runModels_.size()) {
        finishRun();
        return;
    }
    const QString folder = runModels_[current_];
    progress_->start([model = current_ + 1, models = runModels_.size(), name = modelNames_[current_]] {
        return tr("Model %1 of %2: loading %3…").arg(model).arg(models).arg(name);
    });
    const auto& loaded = engine_->model();
    if (loaded && canonical(QString::fromStdString(loaded->folder.string())) == canonical(folder)) {
        evaluateModel();
        return;
    }
    waitingForModel_ = true;
    engine_->loadModel(folder);
}

void RobustnessPanel::evaluateModel() {
    progress_->start([model = current_ + 1, models = runModels_.size()] {
        return tr("Model %1 of %2: reading the dataset and running the TSM…").arg(model).arg(models);
    });
    evaluation_ = engine_->evaluateDataset(request());
}

void RobustnessPanel::modelDone(std::optional<service::DatasetEvaluation> result, const Text& error) {
    if (error) showError(error);
    const bool cancelled = result && result->cancelled;
    if (result && !cancelled) {
        results_[static_cast<size_t>(current_)] = std::move(result);
        fillGrid(current_);
        updateChart();
    }
    if (cancelled) cancelled_ = true;
    ++current_;
    startModel();
}

void RobustnessPanel::finishRun() {
    running_ = false;
    runButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
    int done = 0;
    for (const auto& r : results_) done += r.has_value();
    progress_->stop([cancelled = cancelled_, done, models = runModels_.size()] {
        return cancelled ? tr("Cancelled: %1 of %2 models evaluated.").arg(done).arg(models)
                         : tr("%1 of %2 models evaluated.").arg(done).arg(models);
    });
    // The studio goes on with the model it had before the run.
    const auto& loaded = engine_->model();
    if (!restoreModel_.isEmpty() &&
        (!loaded || canonical(QString::fromStdString(loaded->folder.string())) != canonical(restoreModel_)))
        engine_->loadModel(restoreModel_);
    Q_EMIT runFinished(cancelled_);
}

void RobustnessPanel::cancel() {
    if (!running_) return;
    cancelled_ = true;
    if (evaluation_) engine_->cancelEvaluation();
    progress_->stop([] { return tr("Cancelling after the sample being answered…"); });
}

void RobustnessPanel::buildGrid() {
    grid_->clear();
    grid_->setRowCount(static_cast<int>(instructions_.size()));
    grid_->setColumnCount(static_cast<int>(runModels_.size()) * SystemCount);
    QStringList rows, columns;
    for (const auto& instruction : instructions_) rows << instructionTitle(instruction.variant);
    for (const auto& name : modelNames_)
        for (int s = 0; s < SystemCount; ++s) columns << QStringLiteral("%1\n%2").arg(name, systemName(s));
    grid_->setVerticalHeaderLabels(rows);
    grid_->setHorizontalHeaderLabels(columns);
    // Every instruction's row shown without scrolling (the header has two lines: model and
    // system); the chart takes the rest.
    const int header = std::max(grid_->horizontalHeader()->sizeHint().height(), 2 * grid_->fontMetrics().lineSpacing() + 12);
    grid_->setFixedHeight(header + grid_->rowCount() * grid_->verticalHeader()->defaultSectionSize() +
                          2 * grid_->frameWidth());
    for (int r = 0; r < grid_->rowCount(); ++r) {
        const auto& instruction = instructions_[static_cast<size_t>(r)];
        grid_->verticalHeaderItem(r)->setToolTip(instruction.variant == service::kCustomInstruction
                                                     ? QString::fromStdString(instruction.text)
                                                     : instructionDescription(instruction.variant));
    }
    // The models evaluated so far (none when a run starts).
    for (int m = 0; m < static_cast<int>(results_.size()); ++m)
        if (results_[static_cast<size_t>(m)]) fillGrid(m);
}

void RobustnessPanel::fillGrid(int model) {
    const auto& result = *results_[static_cast<size_t>(model)];
    for (int r = 0; r < grid_->rowCount() && r < static_cast<int>(result.instructions.size()); ++r) {
        if (instructions_[static_cast<size_t>(r)].variant != service::kCustomInstruction)
            grid_->verticalHeaderItem(r)->setToolTip(
                tr("%1\nAsked, e.g.: %2")
                    .arg(instructionDescription(instructions_[static_cast<size_t>(r)].variant),
                         QString::fromStdString(result.instructions[static_cast<size_t>(r)].example)));
        for (int s = 0; s < SystemCount; ++s) {
            const auto* metrics = metricsOf(result, r, s);
            auto* item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            if (metrics) {
                item->setText(QString::number(metrics->macroF1, 'f', 4));
                item->setData(kValueRole, metrics->macroF1);
                item->setBackground(shade(metrics->macroF1));
                item->setToolTip(tr("Macro-F1 %1 · accuracy %2 · macro AUC %3 · %4 unparseable")
                                     .arg(metrics->macroF1, 0, 'f', 4)
                                     .arg(metrics->accuracy, 0, 'f', 4)
                                     .arg(std::isnan(metrics->macroAuc) ? tr("n/a")
                                                                        : QString::number(metrics->macroAuc, 'f', 4))
                                     .arg(metrics->unparseable));
            } else {
                item->setText(tr("—"));
                item->setToolTip(QString::fromStdString(s == Tsm ? result.tsmSkipped : result.exemplarSkipped));
            }
            grid_->setItem(r, model * SystemCount + s, item);
        }
    }
}

std::optional<double> RobustnessPanel::macroF1(int instruction, int model, System system) const {
    const auto* item = grid_->item(instruction, model * SystemCount + static_cast<int>(system));
    if (!item || !item->data(kValueRole).isValid()) return std::nullopt;
    return item->data(kValueRole).toDouble();
}

void RobustnessPanel::updateChart() {
    QStringList categories;
    for (const auto& instruction : instructions_) categories << instructionTitle(instruction.variant);
    std::vector<RobustnessSeries> series;
    const auto add = [&](int m, int s, QString name) {
        RobustnessSeries one{std::move(name), s, m, {}};
        bool any = false;
        for (int r = 0; r < static_cast<int>(instructions_.size()); ++r) {
            const auto* metrics = metricsOf(*results_[static_cast<size_t>(m)], r, s);
            one.values.push_back(metrics ? metrics->macroF1 : std::nan(""));
            any = any || metrics;
        }
        if (any) series.push_back(std::move(one));
        return any;
    };
    for (int m = 0; m < static_cast<int>(results_.size()); ++m)
        if (results_[static_cast<size_t>(m)])
            for (int s : {Vlm, VlmWithExemplar}) add(m, s, QStringLiteral("%1 · %2").arg(modelNames_[m], systemName(s)));
    // The TSM's bars are the same for every model (one TSM, asked no instruction): once,
    // last in each group, as the reference.
    for (int m = 0; m < static_cast<int>(results_.size()); ++m)
        if (results_[static_cast<size_t>(m)] &&
            add(m, Tsm, tr("TSM %1").arg(QString::fromStdString(results_[static_cast<size_t>(m)]->tsm))))
            break;
    auto* old = chart_->chart();
    chart_->setChart(robustnessChart(categories, series));
    delete old;
}

void RobustnessPanel::showError(Text message) {
    errorText_ = std::move(message);
    error_->setText(errorText_());
    error_->show();
}

}  // namespace vitask::ui
