#pragma once
// What the Runs page knows about one run: its summary as last read, its metrics as
// chart-ready series, the tail of its log and its evaluations. Filled on the UI thread
// from what the poller read on its worker.

#include "vitask/service/run_monitor.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

namespace vitask::ui {

// Series keys: training records' numeric fields ("loss", "l_van", ..., "lr", "grad_norm");
// evaluations "split/metric" plus "/ep" with the exemplar ("val/macro_f1/ep").
using SeriesMap = QHash<QString, QList<QPointF>>;

// New records of metrics.jsonl as series points (made on the worker thread).
struct MetricsDelta {
    bool restarted = false;          // the file was rewritten (a resume): drop what was there
    SeriesMap train, eval;
    int trainRecords = 0, evalRecords = 0;
    QList<QPair<double, QString>> stageStarts;  // (first step, stage) of each stage change
};
MetricsDelta toMetricsDelta(service::MetricsTail::Update&& update);

class RunMetrics {
public:
    // `keepTraining` false: the training series are counted, not kept (a long run nobody
    // looks at); hasTraining() says so until the run is read again from the start.
    void apply(MetricsDelta&& delta, bool keepTraining = true);
    void dropTraining();
    bool hasTraining() const { return hasTraining_; }
    const SeriesMap& train() const { return train_; }
    const SeriesMap& eval() const { return eval_; }
    int trainRecords() const { return trainRecords_; }
    int evalRecords() const { return evalRecords_; }
    // The trainer's selection criterion: the best validation macro-F1 without EP; -1: none yet.
    double bestValMacroF1() const;
    const QList<QPair<double, QString>>& stageStarts() const { return stageStarts_; }
    // Bumped on every change, so views redraw only what changed.
    quint64 revision() const { return revision_; }

private:
    SeriesMap train_, eval_;
    int trainRecords_ = 0, evalRecords_ = 0;
    QList<QPair<double, QString>> stageStarts_;
    quint64 revision_ = 0;
    bool hasTraining_ = true;
};

struct RunEntry {
    QString folder;
    service::RunSummary summary;
    bool summaryRead = false;
    QString stateKey = QStringLiteral("unknown");  // runStateKey(), kept current by the panel
    RunMetrics metrics;
    QStringList log;                                // the last lines of train.log
    std::vector<service::RunEvaluation> evaluations;
    // A `vitask train` this studio started that has not written its status yet.
    qint64 launchedPid = 0;
    bool launchedAlive = false;
    QString launchError;                            // its stderr, when it died before writing a status
    bool trainsTsmFirst = false;                    // it trains the run's TSM before the run
    bool stopRequested = false;                     // Cancel asked, the trainer has not stopped yet
    bool rereading = false;                         // read again from the start: the next read replaces the metrics

    // The best validation macro-F1: from the records, else the latest checkpoint's.
    double bestValMacroF1() const;
};

}  // namespace vitask::ui
