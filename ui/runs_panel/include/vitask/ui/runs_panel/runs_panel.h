#pragma once
// The Runs page: the training runs this studio knows (started here, or run folders added
// by hand, e.g. copied back from a GPU server), listed with their state, progress, speed,
// time left and best validation macro-F1; for the selected runs their loss and metric
// curves overlaid, configuration, log, evaluations and a side-by-side comparison.
//
// A run is `vitask train` in a process of its own, detached from the studio: it goes on
// when the studio closes or crashes, and a new studio finds it again (the list is in
// studio.ini; a run whose status says running and whose process lives is followed). The
// page follows runs by reading their folders (docs/training.md, "The run directory") on a
// worker thread every pollInterval(): only the new bytes of metrics.jsonl and train.log.
// Cancel asks the trainer to stop with a checkpoint (SIGINT, as Ctrl+C); Resume runs
// `vitask train --resume`. The `vitask` program is $VITASK_CLI, else the one beside the
// studio (vitask_cli.h).

#include "vitask/service/run_monitor.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;

namespace vitask::ui {

class RunCharts;
class RunCompareTable;
class RunEvaluator;
class RunPoller;
class RunTableModel;
struct RunEntry;
struct RunPollResult;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(QWidget* parent = nullptr);
    ~RunsPanel() override;

    // What the panel shows (tests, the main window). Folders are absolute and clean.
    QStringList runFolders() const;
    QStringList selectedRuns() const;  // in list order
    std::optional<service::RunSummary> summary(const QString& folder) const;
    // "starting", "running", "stopping", "finished", "failed", "cancelled" (stopped with a
    // checkpoint), "crashed" (its process died), "unknown", "missing"; empty: not listed.
    QString runState(const QString& folder) const;
    int trainRecords(const QString& folder) const;  // metrics.jsonl's records read so far
    int evalRecords(const QString& folder) const;
    QString errorText() const;   // the banner's message; empty when none
    QString statusText() const;  // the last success message ("Evaluation of ... finished")
    RunCharts* charts() const { return charts_; }
    RunCompareTable* compareTable() const { return compare_; }
    // No read of a run folder in flight (tests, benchmarks).
    bool idle() const;
    int pollInterval() const;
    void setPollInterval(int milliseconds);  // default 500

public Q_SLOTS:
    // Starts `vitask train CONFIG --out RUN_FOLDER` detached, lists and follows the run;
    // with `tsmTrainArgs` (the tuning wizard's `tsm train ...`), `vitask TSM_TRAIN_ARGS`
    // runs first in the same detached session (the run shows "starting" meanwhile). False
    // with the reason on the panel (missing program, unreadable configuration, a folder
    // that already holds a run).
    bool launch(const QString& configYaml, const QString& runFolder, const QStringList& tsmTrainArgs = {});
    // Lists a run folder ("Add run folder…" without the dialog). False with the reason on
    // the panel when the folder is not a run.
    bool addRunFolder(const QString& folder);
    // Takes a run off the list; its folder is not touched.
    void removeRun(const QString& folder);
    void selectRuns(const QStringList& folders);
    // SIGINT to the run's trainer, without asking (Cancel asks first).
    bool cancelRun(const QString& folder);
    // `vitask train --resume --out RUN` for a cancelled, crashed or failed run.
    bool resumeRun(const QString& folder);
    // `vitask eval` of the run's final model on `dataFiles` (empty: the run's own datasets),
    // its test split, into the run's eval/ folder; evaluationFinished or failed follows.
    bool evaluateRun(const QString& folder, const QStringList& dataFiles = {}, bool exemplar = false);
    // Emits openModelRequested with the run's final/ folder.
    bool openInAiPanel(const QString& folder);
    void showError(const QString& message);

    // The toolbar's actions, with their dialogs and confirmations.
    void newRun();
    void chooseRunFolder();
    void cancelSelected();
    void resumeSelected();
    void evaluateSelected();
    void openSelectedInAiPanel();
    void compareSelected();
    void removeSelected();

Q_SIGNALS:
    // A finished run's model, for the AI panel (the main window loads it there).
    void openModelRequested(const QString& finalFolder);
    // A run's state as runState() names it changed.
    void runStateChanged(const QString& folder, const QString& state);
    // A run's folder was read (status, new metrics, new log lines).
    void runUpdated(const QString& folder);
    void evaluationFinished(const QString& folder, const QString& summary);
    // Something failed; the message is on the panel's banner too.
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    void buildActions();
    QAction* makeAction(const QKeySequence& key, void (RunsPanel::*slot)());
    void retranslateUi();
    void tick();
    void apply(const RunPollResult& result);
    void showDetails();
    void showHeader(const RunEntry* run);
    void showLog(const RunEntry* run, const QStringList& newLines, bool restarted);
    void showEvaluations(const RunEntry* run);
    void showComparison();
    void updateActions();
    void setStatus(const QString& text);
    void clearError();
    void saveRuns() const;
    QString current() const;  // the run the details show: the current row
    QList<const RunEntry*> selectedEntries() const;
    RunEntry* listRun(const QString& folder);  // adds it to the list and studio.ini

    RunTableModel* model_;
    RunPoller* poller_;
    RunEvaluator* evaluator_;
    QTimer* timer_;
    quint64 ticks_ = 0;
    QString shownRun_;       // the run whose log the log view holds
    QAction* newAction_;
    QAction* addAction_;
    QAction* cancelAction_;
    QAction* resumeAction_;
    QAction* evaluateAction_;
    QAction* openAction_;
    QAction* compareAction_;
    QAction* removeAction_;
    QLabel* error_;
    QLabel* status_;
    QTableView* table_;
    QLabel* title_;
    QLabel* stateChip_;
    QLabel* facts_;
    QLabel* message_;
    QProgressBar* progress_;
    QTabWidget* tabs_;
    RunCharts* charts_;
    QPlainTextEdit* config_;
    QPlainTextEdit* log_;
    QWidget* evaluationsPage_;
    QTableWidget* evaluations_;
    QProgressBar* evaluating_;
    RunCompareTable* compare_;
};

}  // namespace vitask::ui
