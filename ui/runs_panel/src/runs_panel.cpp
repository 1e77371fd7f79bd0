#include "vitask/ui/runs_panel/runs_panel.h"

#include "evaluate_dialog.h"
#include "known_runs.h"
#include "launch_dialog.h"
#include "run_charts.h"
#include "run_compare_table.h"
#include "run_evaluator.h"
#include "run_format.h"
#include "run_launcher.h"
#include "run_poller.h"
#include "run_table_model.h"
#include "step_progress_delegate.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/widgets/message_label.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace vitask::ui {
namespace {

constexpr int kLogLines = 5000;
// A run not selected keeps its training curves up to this many records (a few MB); a
// longer one drops them and is read again when selected (100,000 records: about 0.3 s).
constexpr int kKeptUnselected = 20000;
constexpr quint64 kIdleEvery = 10;  // finished and stopped runs are read every 10th tick

// An action's text, and its tool tip with its shortcut as this platform writes it.
void setActionTexts(QAction* action, const QString& text, const QString& tip) {
    action->setText(text);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText)));
}

QString cleanFolder(const QString& folder) { return QDir::cleanPath(QDir(folder).absolutePath()); }

bool live(const QString& state) {
    return state == QLatin1String("starting") || state == QLatin1String("running") || state == QLatin1String("stopping");
}

}  // namespace

RunsPanel::RunsPanel(QWidget* parent)
    : QWidget(parent),
      model_(new RunTableModel(this)),
      poller_(new RunPoller(this)),
      evaluator_(new RunEvaluator(this)),
      timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("runsPanel"));
    buildActions();
    buildLayout();
    connect(poller_, &RunPoller::polled, this, &RunsPanel::apply);
    connect(timer_, &QTimer::timeout, this, &RunsPanel::tick);
    connect(evaluator_, &RunEvaluator::finished, this, [this](const QString& folder, const QString& summary) {
        evaluating_->hide();
        if (auto* run = model_->find(folder)) run->evaluations = service::readRunEvaluations(folder.toStdString());
        setStatus(tr("Evaluation of %1 finished:\n%2").arg(QDir(folder).dirName(), summary));
        if (current() == folder) {
            showEvaluations(model_->find(folder));
            tabs_->setCurrentIndex(tabs_->indexOf(evaluationsPage_));
        }
        updateActions();
        Q_EMIT evaluationFinished(folder, summary);
    });
    connect(evaluator_, &RunEvaluator::failed, this, [this](const QString&, const QString& message) {
        evaluating_->hide();
        updateActions();
        showError(message);
    });
    connect(charts_, &RunCharts::optionsChanged, this, [this] { charts_->setRuns(selectedEntries()); });
    retranslateUi();

    // Reattach: every run listed before is read now; the running ones are followed.
    for (const auto& folder : loadKnownRuns()) model_->add(cleanFolder(folder));
    timer_->start(500);
    tick();
    showDetails();
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

// Every text the page shows, in the current language; those made from the runs (the
// header of the current run, its evaluations, the comparison) are made again from them.
// The charts retranslate themselves and ask for the runs again (RunCharts::optionsChanged).
void RunsPanel::retranslateUi() {
    setActionTexts(newAction_, tr("New run…"), tr("Start vitask train on a run configuration"));
    setActionTexts(addAction_, tr("Add run folder…"),
                   tr("List a run folder written elsewhere, e.g. copied back from a GPU server"));
    setActionTexts(cancelAction_, tr("Cancel"), tr("Stop the selected run with a checkpoint; Resume continues it"));
    setActionTexts(resumeAction_, tr("Resume"), tr("Continue a cancelled, crashed or failed run from its last checkpoint"));
    setActionTexts(evaluateAction_, tr("Evaluate…"), tr("Run vitask eval on the finished run's model"));
    setActionTexts(openAction_, tr("Open in AI panel"), tr("Load the finished run's model in the AI panel"));
    setActionTexts(compareAction_, tr("Compare"),
                   tr("The selected runs side by side, their configuration differences highlighted"));
    setActionTexts(removeAction_, tr("Remove from list"), tr("Take the selected runs off the list; their folders stay on disk"));
    tabs_->setTabText(tabs_->indexOf(charts_), tr("Curves"));
    tabs_->setTabText(tabs_->indexOf(config_), tr("Configuration"));
    tabs_->setTabText(tabs_->indexOf(log_), tr("Log"));
    tabs_->setTabText(tabs_->indexOf(evaluationsPage_), tr("Evaluations"));
    tabs_->setTabText(tabs_->indexOf(compare_), tr("Compare"));
    evaluating_->setFormat(tr("Evaluating…"));
    evaluations_->setHorizontalHeaderLabels(
        {tr("Evaluation"), tr("Method"), tr("Instruction"), tr("EP"), tr("Accuracy"), tr("Macro-F1")});
    model_->retranslate();
    const RunEntry* run = model_->find(current());
    showHeader(run);
    showEvaluations(run);
    showComparison();
}

QAction* RunsPanel::makeAction(const QKeySequence& key, void (RunsPanel::*slot)()) {
    auto* action = new QAction(this);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
}

void RunsPanel::buildActions() {
    newAction_ = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), &RunsPanel::newRun);
    addAction_ = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &RunsPanel::chooseRunFolder);
    cancelAction_ = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), &RunsPanel::cancelSelected);
    resumeAction_ = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &RunsPanel::resumeSelected);
    evaluateAction_ = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &RunsPanel::evaluateSelected);
    openAction_ = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &RunsPanel::openSelectedInAiPanel);
    compareAction_ = makeAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), &RunsPanel::compareSelected);
    removeAction_ = makeAction(QKeySequence(Qt::Key_Delete), &RunsPanel::removeSelected);
    newAction_->setObjectName(QStringLiteral("newRunAction"));
    addAction_->setObjectName(QStringLiteral("addRunFolderAction"));
    cancelAction_->setObjectName(QStringLiteral("cancelRunAction"));
    resumeAction_->setObjectName(QStringLiteral("resumeRunAction"));
    evaluateAction_->setObjectName(QStringLiteral("evaluateRunAction"));
    openAction_->setObjectName(QStringLiteral("openInAiPanelAction"));
    compareAction_->setObjectName(QStringLiteral("compareRunsAction"));
    removeAction_->setObjectName(QStringLiteral("removeRunAction"));
    const auto icon = [this](QStyle::StandardPixmap pixmap) { return style()->standardIcon(pixmap); };
    newAction_->setIcon(icon(QStyle::SP_FileDialogNewFolder));
    addAction_->setIcon(icon(QStyle::SP_DirOpenIcon));
    cancelAction_->setIcon(icon(QStyle::SP_MediaStop));
    resumeAction_->setIcon(icon(QStyle::SP_MediaPlay));
    evaluateAction_->setIcon(icon(QStyle::SP_DialogApplyButton));
    openAction_->setIcon(icon(QStyle::SP_ArrowForward));
    compareAction_->setIcon(icon(QStyle::SP_FileDialogDetailedView));
    removeAction_->setIcon(icon(QStyle::SP_DialogDiscardButton));
}

void RunsPanel::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("runsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addActions({newAction_, addAction_});
    toolbar->addSeparator();
    toolbar->addActions({cancelAction_, resumeAction_});
    toolbar->addSeparator();
    toolbar->addActions({evaluateAction_, openAction_, compareAction_});
    toolbar->addSeparator();
    toolbar->addAction(removeAction_);
    layout->addWidget(toolbar);

    error_ = messageLabel(MessageKind::Error, QStringLiteral("runsError"), this);
    layout->addWidget(error_);
    status_ = messageLabel(MessageKind::Success, QStringLiteral("runsStatus"), this);
    layout->addWidget(status_);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("runsTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setAlternatingRowColors(true);
    table_->setShowGrid(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 12);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table_->horizontalHeader()->setSectionResizeMode(RunTableModel::Name, QHeaderView::Stretch);
    for (int column = RunTableModel::State; column < RunTableModel::ColumnCount; ++column)
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table_->setItemDelegateForColumn(RunTableModel::Progress, new StepProgressDelegate(table_));
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    table_->addActions({cancelAction_, resumeAction_, evaluateAction_, openAction_, compareAction_, removeAction_});
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::showDetails);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunsPanel::showDetails);
    connect(table_, &QTableView::doubleClicked, this, [this] { tabs_->setCurrentIndex(0); });

    auto* details = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 4, 0, 0);
    auto* header = new QHBoxLayout;
    title_ = new QLabel(details);
    title_->setObjectName(QStringLiteral("runTitle"));
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    stateChip_ = new QLabel(details);
    stateChip_->setObjectName(QStringLiteral("runStateChip"));
    progress_ = new QProgressBar(details);
    progress_->setObjectName(QStringLiteral("runProgress"));
    progress_->setMaximumWidth(360);
    progress_->setMinimumWidth(200);
    progress_->setFixedHeight(progress_->fontMetrics().height() + 6);
    header->addWidget(title_);
    header->addWidget(stateChip_);
    header->addStretch(1);
    header->addWidget(progress_);
    detailsLayout->addLayout(header);
    facts_ = new QLabel(details);
    facts_->setObjectName(QStringLiteral("runFacts"));
    facts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts_->setStyleSheet(QStringLiteral("color: #546e7a;"));
    detailsLayout->addWidget(facts_);
    message_ = new QLabel(details);
    message_->setObjectName(QStringLiteral("runMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(message_);

    tabs_ = new QTabWidget(details);
    tabs_->setObjectName(QStringLiteral("runTabs"));
    tabs_->setDocumentMode(true);
    charts_ = new RunCharts(tabs_);
    tabs_->addTab(charts_, QString());
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    config_ = new QPlainTextEdit(tabs_);
    config_->setObjectName(QStringLiteral("runConfig"));
    config_->setReadOnly(true);
    config_->setFont(fixed);
    tabs_->addTab(config_, QString());
    log_ = new QPlainTextEdit(tabs_);
    log_->setObjectName(QStringLiteral("runLog"));
    log_->setReadOnly(true);
    log_->setFont(fixed);
    log_->setMaximumBlockCount(kLogLines);
    log_->setLineWrapMode(QPlainTextEdit::NoWrap);
    tabs_->addTab(log_, QString());
    evaluationsPage_ = new QWidget(tabs_);
    auto* evaluationsLayout = new QVBoxLayout(evaluationsPage_);
    evaluationsLayout->setContentsMargins(0, 4, 0, 0);
    evaluating_ = new QProgressBar(evaluationsPage_);
    evaluating_->setRange(0, 0);
    evaluating_->setTextVisible(true);
    evaluating_->hide();
    evaluationsLayout->addWidget(evaluating_);
    evaluations_ = new QTableWidget(evaluationsPage_);
    evaluations_->setObjectName(QStringLiteral("runEvaluations"));
    evaluations_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    evaluations_->setColumnCount(6);
    evaluations_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    evaluations_->verticalHeader()->hide();
    evaluations_->setAlternatingRowColors(true);
    evaluationsLayout->addWidget(evaluations_);
    tabs_->addTab(evaluationsPage_, QString());
    compare_ = new RunCompareTable(tabs_);
    tabs_->addTab(compare_, QString());
    detailsLayout->addWidget(tabs_, 1);
    connect(tabs_, &QTabWidget::currentChanged, this, &RunsPanel::showComparison);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("runsSplitter"));
    splitter->addWidget(table_);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter, 1);
}

// ---- reading run folders -------------------------------------------------------------

void RunsPanel::tick() {
    const bool everyone = ticks_++ % kIdleEvery == 0;
    for (const auto& folder : model_->folders()) {
        const RunEntry* run = model_->find(folder);
        if (everyone || !run->summaryRead || live(run->stateKey)) poller_->poll(folder, run->launchedPid);
    }
}

void RunsPanel::apply(const RunPollResult& result) {
    RunEntry* run = model_->find(result.folder);
    if (!run) return;  // removed meanwhile
    const QString before = run->stateKey;
    run->summary = result.summary;
    run->summaryRead = true;
    run->evaluations = result.evaluations;
    if (run->launchedPid > 0) {
        run->launchedAlive = result.launchedAlive;
        if (run->summary.pid == run->launchedPid) {
            run->launchedPid = 0;  // the trainer's own status speaks for it from now on
        } else if (!result.launchedAlive) {
            run->launchError = result.consoleErrors.isEmpty()
                                   ? tr("vitask train exited before training started; see %1.")
                                         .arg(QDir(run->folder).filePath(QLatin1String(kStderrFile)))
                                   : result.consoleErrors;
        }
    }
    if (run->summary.state != service::RunState::Running) run->stopRequested = false;
    const QStringList selected = selectedRuns();
    const bool isSelected = selected.contains(run->folder);
    // A folder read again from its start replaces what was read before.
    const bool reread = std::exchange(run->rereading, false);
    const bool logRestarted = result.logRestarted || reread;
    MetricsDelta delta = result.metrics;
    delta.restarted = delta.restarted || reread;
    const bool newMetrics = delta.restarted || delta.trainRecords + delta.evalRecords > 0;
    const int trainRecords = (delta.restarted ? 0 : run->metrics.trainRecords()) + delta.trainRecords;
    const bool keepTraining = isSelected || trainRecords < kKeptUnselected;
    if (newMetrics) run->metrics.apply(std::move(delta), keepTraining);
    if (logRestarted) run->log.clear();
    run->log.append(result.logLines);
    if (run->log.size() > kLogLines) run->log.erase(run->log.begin(), run->log.end() - kLogLines);
    run->stateKey = runStateKey(*run);
    model_->changed(run->folder);

    if (isSelected) {
        if (newMetrics) charts_->setRuns(selectedEntries());
        if (run->folder == current()) {
            showHeader(run);
            if (run->folder == shownRun_) showLog(run, result.logLines, logRestarted);
            showEvaluations(run);
        }
        showComparison();
        updateActions();
    }
    if (before != run->stateKey) {
        updateActions();
        Q_EMIT runStateChanged(run->folder, run->stateKey);
    }
    Q_EMIT runUpdated(run->folder);
}

// ---- what the panel shows ------------------------------------------------------------

QStringList RunsPanel::runFolders() const { return model_->folders(); }

QStringList RunsPanel::selectedRuns() const {
    QStringList out;
    for (const auto& index : table_->selectionModel()->selectedRows()) out << model_->at(index.row())->folder;
    std::sort(out.begin(), out.end(), [this](const QString& a, const QString& b) { return model_->rowOf(a) < model_->rowOf(b); });
    return out;
}

QList<const RunEntry*> RunsPanel::selectedEntries() const {
    QList<const RunEntry*> out;
    for (const auto& folder : selectedRuns()) out << model_->find(folder);
    return out;
}

QString RunsPanel::current() const {
    const auto index = table_->selectionModel()->currentIndex();
    const QStringList selected = selectedRuns();
    if (index.isValid() && selected.contains(model_->at(index.row())->folder)) return model_->at(index.row())->folder;
    return selected.value(0);
}

std::optional<service::RunSummary> RunsPanel::summary(const QString& folder) const {
    const RunEntry* run = model_->find(cleanFolder(folder));
    if (!run || !run->summaryRead) return std::nullopt;
    return run->summary;
}

QString RunsPanel::runState(const QString& folder) const {
    const RunEntry* run = model_->find(cleanFolder(folder));
    return run ? run->stateKey : QString();
}

int RunsPanel::trainRecords(const QString& folder) const {
    const RunEntry* run = model_->find(cleanFolder(folder));
    return run ? run->metrics.trainRecords() : 0;
}

int RunsPanel::evalRecords(const QString& folder) const {
    const RunEntry* run = model_->find(cleanFolder(folder));
    return run ? run->metrics.evalRecords() : 0;
}

QString RunsPanel::errorText() const { return error_->isHidden() ? QString() : error_->text(); }
QString RunsPanel::statusText() const { return status_->isHidden() ? QString() : status_->text(); }
bool RunsPanel::idle() const { return poller_->idle(); }
int RunsPanel::pollInterval() const { return timer_->interval(); }
void RunsPanel::setPollInterval(int milliseconds) { timer_->setInterval(std::max(10, milliseconds)); }

void RunsPanel::showDetails() {
    const QStringList folders = selectedRuns();
    for (const auto& folder : model_->folders()) {
        RunEntry* run = model_->find(folder);
        if (!folders.contains(folder)) {
            if (run->metrics.trainRecords() >= kKeptUnselected) run->metrics.dropTraining();
        } else if (!run->metrics.hasTraining() && !run->rereading) {
            run->rereading = true;
            poller_->forget(folder);
            poller_->poll(folder, run->launchedPid);
        }
    }
    const QList<const RunEntry*> selected = selectedEntries();
    const RunEntry* run = model_->find(current());
    charts_->setRuns(selected);
    showComparison();
    showHeader(run);
    config_->setPlainText(run ? QString::fromStdString(run->summary.configText) : QString());
    if (!run || run->folder != shownRun_) {
        shownRun_ = run ? run->folder : QString();
        showLog(run, {}, true);
    }
    showEvaluations(run);
    updateActions();
}

void RunsPanel::showHeader(const RunEntry* run) {
    if (!run) {
        title_->setText(model_->rowCount() == 0 ? tr("No runs yet") : tr("Select a run"));
        stateChip_->clear();
        if (!stateChip_->styleSheet().isEmpty()) stateChip_->setStyleSheet({});
        facts_->setText(model_->rowCount() == 0 ? tr("Start one with New run… (Ctrl+Shift+T), or list a run folder with "
                                                     "Add run folder… (Ctrl+Shift+A).")
                                                : QString());
        message_->clear();
        progress_->hide();
        return;
    }
    const auto& s = run->summary;
    title_->setText(QDir(run->folder).dirName());
    const QColor colour = runStateColour(run->stateKey);
    stateChip_->setText(runStateLabel(run->stateKey));
    // A style sheet is parsed and applied again on every set (tens of ms): set on changes only.
    const QString chipStyle = QStringLiteral("QLabel { color: white; background: %1; border-radius: 8px; padding: 2px 8px; "
                                             "font-weight: bold; }")
                                  .arg(colour.name());
    if (stateChip_->styleSheet() != chipStyle) stateChip_->setStyleSheet(chipStyle);
    // The bar in a tint of the state's colour, so its text stays readable over it.
    QColor tint = colour;
    tint.setAlpha(90);
    const QString barStyle = QStringLiteral("QProgressBar { border: 1px solid #cfd8dc; border-radius: 3px; background: #f5f7f8; "
                                            "text-align: center; } QProgressBar::chunk { background: %1; border-radius: 2px; }")
                                 .arg(tint.name(QColor::HexArgb));
    if (progress_->styleSheet() != barStyle) progress_->setStyleSheet(barStyle);
    progress_->setVisible(s.totalSteps > 0);
    progress_->setRange(0, static_cast<int>(std::max<int64_t>(1, s.totalSteps)));
    progress_->setValue(static_cast<int>(std::min(s.step, s.totalSteps)));
    const bool running = live(run->stateKey);
    progress_->setFormat(running && s.etaSeconds >= 0 ? tr("%v / %m steps · ETA %1").arg(formatDuration(s.etaSeconds))
                                                      : tr("%v / %m steps"));
    QStringList facts;
    if (s.totalSteps > 0) facts << tr("step %1 of %2").arg(s.step).arg(s.totalSteps);
    if (!s.stage.empty() && s.stage != "done") facts << tr("stage %1").arg(QString::fromStdString(s.stage));
    if (running && s.stepsPerSecond > 0) facts << tr("%1 steps/s").arg(s.stepsPerSecond, 0, 'f', 2);
    if (s.worldSize > 1) facts << tr("%1 processes (data parallel)").arg(s.worldSize);
    if (s.createdAt > 0) facts << tr("started %1").arg(formatTime(s.createdAt));
    if (s.createdAt > 0 && s.updatedAt > s.createdAt && !running)
        facts << tr("took %1").arg(formatDuration(static_cast<double>(s.updatedAt - s.createdAt)));
    if (s.pid > 0 && running) facts << tr("pid %1 on %2").arg(s.pid).arg(QString::fromStdString(s.host.empty() ? service::thisHostName() : s.host));
    facts << QDir::toNativeSeparators(run->folder);
    facts_->setText(facts.join(QStringLiteral("  ·  ")));
    QString message = !run->launchError.isEmpty() && run->stateKey == QLatin1String("failed") ? run->launchError
                      : !s.problem.empty()                                                   ? QString::fromStdString(s.problem)
                                                                                             : QString::fromStdString(s.message);
    if (run->stateKey == QLatin1String("cancelled") || run->stateKey == QLatin1String("crashed"))
        message = tr("%1 Resume (Ctrl+Shift+R) continues from its last checkpoint.").arg(message).trimmed();
    if (run->stateKey == QLatin1String("stopping"))
        message = tr("Stopping: the trainer writes a checkpoint at its next logged step, then exits.");
    if (run->stateKey == QLatin1String("starting"))
        message = run->trainsTsmFirst ? tr("Training the TSM first (vitask tsm train); the run starts when it is done.")
                                      : tr("Starting vitask train: preparing the model and the data.");
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
    const QString messageStyle = QStringLiteral("color: %1;").arg(
        run->stateKey == QLatin1String("failed") || run->stateKey == QLatin1String("missing") ? QStringLiteral("#b71c1c")
                                                                                             : QStringLiteral("#5d4037"));
    if (message_->styleSheet() != messageStyle) message_->setStyleSheet(messageStyle);
}

void RunsPanel::showLog(const RunEntry* run, const QStringList& newLines, bool restarted) {
    if (restarted || !run) {
        log_->setPlainText(run ? run->log.join(QLatin1Char('\n')) : QString());
        log_->verticalScrollBar()->setValue(log_->verticalScrollBar()->maximum());
        return;
    }
    if (newLines.isEmpty()) return;
    // Follows the end unless the reader scrolled up to read.
    auto* bar = log_->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    const int kept = bar->value();
    log_->appendPlainText(newLines.join(QLatin1Char('\n')));
    bar->setValue(atEnd ? bar->maximum() : kept);
}

void RunsPanel::showEvaluations(const RunEntry* run) {
    const auto* list = run ? &run->evaluations : nullptr;
    const int rows = list ? static_cast<int>(list->size()) : 0;
    if (evaluations_->rowCount() != rows) evaluations_->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const auto& e = (*list)[static_cast<size_t>(r)];
        const QStringList cells{QString::fromStdString(e.name), QString::fromStdString(e.method),
                                QString::fromStdString(e.instruction), e.exemplar ? tr("with") : tr("without"),
                                QString::number(e.accuracy, 'f', 4), QString::number(e.macroF1, 'f', 4)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = evaluations_->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                if (c >= 4) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                evaluations_->setItem(r, c, item);
            }
            if (item->text() != cells[c]) item->setText(cells[c]);
        }
    }
}

// The comparison is made while its tab is shown: it is filled when the tab opens.
void RunsPanel::showComparison() {
    if (tabs_->currentWidget() == compare_) compare_->setRuns(selectedEntries());
}

void RunsPanel::updateActions() {
    const QStringList selected = selectedRuns();
    const RunEntry* run = model_->find(current());
    bool anyRunning = false;
    for (const auto& folder : selected) anyRunning |= model_->find(folder)->stateKey == QLatin1String("running");
    cancelAction_->setEnabled(anyRunning);
    resumeAction_->setEnabled(run && run->summary.resumable() && run->launchedPid == 0 && !live(run->stateKey));
    const bool finished = run && !run->summary.finalFolder.empty();
    evaluateAction_->setEnabled(finished && !evaluator_->running());
    openAction_->setEnabled(finished);
    compareAction_->setEnabled(selected.size() > 1);
    removeAction_->setEnabled(!selected.isEmpty());
}

void RunsPanel::showError(const QString& message) {
    error_->setText(message);
    error_->show();
    Q_EMIT failed(message);
}

void RunsPanel::clearError() { error_->hide(); }

void RunsPanel::setStatus(const QString& text) {
    status_->setText(text);
    status_->setVisible(!text.isEmpty());
}

// ---- actions -------------------------------------------------------------------------

void RunsPanel::saveRuns() const { saveKnownRuns(model_->folders()); }

RunEntry* RunsPanel::listRun(const QString& folder) {
    RunEntry* run = model_->add(folder);
    saveRuns();
    return run;
}

bool RunsPanel::launch(const QString& configYaml, const QString& runFolder, const QStringList& tsmTrainArgs) {
    clearError();
    const QString folder = cleanFolder(runFolder);
    const Launch started = startTraining(configYaml, folder, tsmTrainArgs);
    if (started.pid == 0) {
        showError(started.error);
        return false;
    }
    RunEntry* run = listRun(folder);
    run->launchedPid = started.pid;
    run->launchedAlive = true;
    run->launchError.clear();
    run->trainsTsmFirst = !tsmTrainArgs.isEmpty();
    run->stateKey = runStateKey(*run);
    model_->changed(folder);
    selectRuns({folder});
    poller_->poll(folder, started.pid);
    setStatus(tr("Started %1 (pid %2).").arg(QDir(folder).dirName()).arg(started.pid));
    Q_EMIT runStateChanged(folder, run->stateKey);
    return true;
}

bool RunsPanel::addRunFolder(const QString& folderPath) {
    clearError();
    const QString folder = cleanFolder(folderPath);
    const auto summary = service::readRunSummary(folder.toStdString());
    if (!summary.isRun()) {
        showError(QString::fromStdString(summary.problem));
        return false;
    }
    listRun(folder);
    selectRuns({folder});
    poller_->poll(folder);
    return true;
}

void RunsPanel::removeRun(const QString& folderPath) {
    const QString folder = cleanFolder(folderPath);
    poller_->forget(folder);
    model_->remove(folder);
    if (shownRun_ == folder) shownRun_.clear();
    saveRuns();
    showDetails();
}

void RunsPanel::selectRuns(const QStringList& folders) {
    auto* selection = table_->selectionModel();
    QItemSelection rows;
    int first = -1;
    for (const auto& folder : folders) {
        const int row = model_->rowOf(cleanFolder(folder));
        if (row < 0) continue;
        if (first < 0) first = row;
        rows.select(model_->index(row, 0), model_->index(row, RunTableModel::ColumnCount - 1));
    }
    selection->select(rows, QItemSelectionModel::ClearAndSelect);
    if (first >= 0) selection->setCurrentIndex(model_->index(first, 0), QItemSelectionModel::NoUpdate);
    showDetails();
}

bool RunsPanel::cancelRun(const QString& folderPath) {
    clearError();
    const QString folder = cleanFolder(folderPath);
    RunEntry* run = model_->find(folder);
    if (!run) return false;
    std::string why;
    if (!service::interruptRun(service::readRunSummary(folder.toStdString()), &why)) {
        showError(QString::fromStdString(why));
        return false;
    }
    run->stopRequested = true;
    run->stateKey = runStateKey(*run);
    model_->changed(folder);
    if (folder == current()) showHeader(run);
    updateActions();
    Q_EMIT runStateChanged(folder, run->stateKey);
    return true;
}

bool RunsPanel::resumeRun(const QString& folderPath) {
    clearError();
    const QString folder = cleanFolder(folderPath);
    RunEntry* run = model_->find(folder);
    if (!run) return false;
    const auto summary = service::readRunSummary(folder.toStdString());
    if (!summary.resumable()) {
        showError(tr("%1 cannot be resumed: it is %2. Resume continues a cancelled, crashed or failed run.")
                      .arg(QDir::toNativeSeparators(folder), QString::fromLatin1(service::runStateName(summary.state))));
        return false;
    }
    const Launch started = resumeTraining(folder);
    if (started.pid == 0) {
        showError(started.error);
        return false;
    }
    run->launchedPid = started.pid;
    run->launchedAlive = true;
    run->launchError.clear();
    run->trainsTsmFirst = false;
    run->stateKey = runStateKey(*run);
    model_->changed(folder);
    poller_->poll(folder, started.pid);
    updateActions();
    setStatus(tr("Resumed %1 (pid %2).").arg(QDir(folder).dirName()).arg(started.pid));
    Q_EMIT runStateChanged(folder, run->stateKey);
    return true;
}

bool RunsPanel::evaluateRun(const QString& folderPath, const QStringList& dataFiles, bool exemplar) {
    clearError();
    const QString folder = cleanFolder(folderPath);
    const RunEntry* run = model_->find(folder);
    if (!run) return false;
    EvaluationRequest request;
    request.runFolder = folder;
    request.dataFiles = dataFiles;
    if (request.dataFiles.isEmpty())
        for (const auto& file : run->summary.dataFiles) request.dataFiles << QString::fromStdString(file.string());
    request.tsm = QString::fromStdString(run->summary.tsm.string());
    request.exemplar = exemplar;
    QString error;
    if (!evaluator_->start(request, &error)) {
        showError(error);
        return false;
    }
    evaluating_->show();
    updateActions();
    return true;
}

bool RunsPanel::openInAiPanel(const QString& folderPath) {
    const auto summary = service::readRunSummary(cleanFolder(folderPath).toStdString());
    if (summary.finalFolder.empty()) {
        showError(tr("%1 has no final model yet: it is written when the run finishes.")
                      .arg(QDir::toNativeSeparators(cleanFolder(folderPath))));
        return false;
    }
    Q_EMIT openModelRequested(QString::fromStdString(summary.finalFolder.string()));
    return true;
}

void RunsPanel::newRun() {
    LaunchDialog dialog(StudioSettings::modelFolder(), this);
    if (dialog.exec() == QDialog::Accepted) launch(dialog.configFile(), dialog.runFolder());
}

void RunsPanel::chooseRunFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a run folder"), StudioSettings::modelFolder());
    if (!folder.isEmpty()) addRunFolder(folder);
}

void RunsPanel::cancelSelected() {
    QStringList running;
    for (const auto& folder : selectedRuns())
        if (model_->find(folder)->stateKey == QLatin1String("running")) running << folder;
    if (running.isEmpty()) return;
    QStringList names;
    for (const auto& folder : running) names << QDir(folder).dirName();
    const auto answer = QMessageBox::question(
        this, tr("Stop training?"),
        tr("Stop %1?\n\nThe trainer writes a checkpoint at its next logged step and exits. Resume continues from there "
           "with the same results as an uninterrupted run.")
            .arg(names.join(QStringLiteral(", "))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) return;
    for (const auto& folder : running) cancelRun(folder);
}

void RunsPanel::resumeSelected() {
    if (!current().isEmpty()) resumeRun(current());
}

void RunsPanel::evaluateSelected() {
    const RunEntry* run = model_->find(current());
    if (!run) return;
    EvaluationRequest base;
    base.runFolder = run->folder;
    for (const auto& file : run->summary.dataFiles) base.dataFiles << QString::fromStdString(file.string());
    base.tsm = QString::fromStdString(run->summary.tsm.string());
    EvaluateDialog dialog(base, this);
    if (dialog.exec() != QDialog::Accepted) return;
    clearError();
    QString error;
    if (!evaluator_->start(dialog.request(), &error)) {
        showError(error);
        return;
    }
    evaluating_->show();
    tabs_->setCurrentIndex(tabs_->indexOf(evaluationsPage_));
    updateActions();
}

void RunsPanel::openSelectedInAiPanel() {
    if (!current().isEmpty()) openInAiPanel(current());
}

void RunsPanel::compareSelected() { tabs_->setCurrentWidget(compare_); }

void RunsPanel::removeSelected() {
    for (const auto& folder : selectedRuns()) removeRun(folder);
}

}  // namespace vitask::ui
