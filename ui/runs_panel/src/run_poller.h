#pragma once
// Reads run folders on a worker thread, so the UI thread never waits for a disk or parses
// a long metrics.jsonl: the summary, the new records of metrics.jsonl, the new lines of
// train.log and the evaluations, handed back to the UI thread as one result per read.
// One read per run at a time: a run whose read is still out is skipped.

#include "run_entry.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace vitask::ui {

struct RunPollResult {
    QString folder;
    service::RunSummary summary;
    MetricsDelta metrics;
    bool logRestarted = false;
    QStringList logLines;
    std::vector<service::RunEvaluation> evaluations;
    bool launchedAlive = false;  // the process this studio started for the run still runs
    QString consoleErrors;       // the end of its stderr.log, when it died before writing a status
};

class RunPoller : public QObject {
    Q_OBJECT
public:
    explicit RunPoller(QObject* parent = nullptr);
    ~RunPoller() override;  // waits for the read in progress

    // Reads `folder` unless a read of it is out. `launchedPid` > 0: a process started for
    // the run, whose life is checked too.
    void poll(const QString& folder, qint64 launchedPid = 0);
    // Stops following `folder`: the next poll reads it from the start.
    void forget(const QString& folder);
    bool idle() const;

Q_SIGNALS:
    void polled(const vitask::ui::RunPollResult& result);

private:
    struct Watch {
        std::shared_ptr<service::MetricsTail> metrics;
        std::shared_ptr<service::LineTail> log;
        bool reading = false;
        quint64 id = 0;  // a folder forgotten and followed again is another watch
    };
    QHash<QString, Watch> watches_;
    quint64 nextId_ = 1;
    QThreadPool pool_;
};

}  // namespace vitask::ui
