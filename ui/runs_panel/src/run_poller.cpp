#include "run_poller.h"

#include "run_launcher.h"
#include "vitask/ui/bridge/post_to.h"

#include <QFile>

namespace vitask::ui {
namespace {

// The log view shows the end of a run's log; a log of many sessions is not read whole.
constexpr quint64 kLogFirstRead = 256 * 1024;
constexpr qint64 kConsoleTail = 4096;

QString fileTail(const QString& path, qint64 bytes) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    if (file.size() > bytes) file.seek(file.size() - bytes);
    return QString::fromUtf8(file.readAll()).trimmed();
}

}  // namespace

RunPoller::RunPoller(QObject* parent) : QObject(parent) { pool_.setMaxThreadCount(1); }

RunPoller::~RunPoller() {
    pool_.clear();
    pool_.waitForDone();
}

bool RunPoller::idle() const {
    for (const auto& watch : watches_)
        if (watch.reading) return false;
    return true;
}

void RunPoller::poll(const QString& folder, qint64 launchedPid) {
    auto& watch = watches_[folder];
    if (watch.reading) return;
    if (!watch.metrics) {
        const std::filesystem::path root = folder.toStdString();
        watch.metrics = std::make_shared<service::MetricsTail>(root / "metrics.jsonl");
        watch.log = std::make_shared<service::LineTail>(root / "train.log", kLogFirstRead);
        watch.id = nextId_++;
    }
    watch.reading = true;
    // The pool's thread owns the tails while it reads; the poller waits for it before dying.
    pool_.start([this, folder, launchedPid, id = watch.id, metrics = watch.metrics, log = watch.log] {
        auto result = std::make_shared<RunPollResult>();
        result->folder = folder;
        result->summary = service::readRunSummary(folder.toStdString());
        result->metrics = toMetricsDelta(metrics->poll());
        auto chunk = log->poll();
        result->logRestarted = chunk.restarted;
        if (!chunk.text.empty()) {
            chunk.text.pop_back();  // the last '\n'
            result->logLines = QString::fromStdString(chunk.text).split(QLatin1Char('\n'));
        }
        result->evaluations = service::readRunEvaluations(folder.toStdString());
        if (launchedPid > 0) {
            result->launchedAlive = service::processAlive(launchedPid);
            if (!result->launchedAlive && result->summary.trainerState.empty())
                result->consoleErrors = fileTail(folder + QLatin1Char('/') + QLatin1String(kStderrFile), kConsoleTail);
        }
        postTo(this, [this, id, result] {
            auto it = watches_.find(result->folder);
            if (it == watches_.end() || it->id != id) return;  // forgotten meanwhile
            it->reading = false;
            Q_EMIT polled(*result);
        });
    });
}

void RunPoller::forget(const QString& folder) {
    // A read in flight keeps its tails alive and its result is dropped on arrival.
    watches_.remove(folder);
}

}  // namespace vitask::ui
