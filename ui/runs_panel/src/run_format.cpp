#include "run_format.h"

#include "run_entry.h"
#include "vitask/ui/runs_panel/runs_panel.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace vitask::ui {

QString formatDuration(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds)) return QStringLiteral("—");
    const auto s = static_cast<qint64>(std::llround(seconds));
    if (s < 60) return RunsPanel::tr("%1s").arg(s);
    if (s < 3600) return RunsPanel::tr("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400) return RunsPanel::tr("%1h%2m").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
    return RunsPanel::tr("%1d%2h").arg(s / 86400).arg(s / 3600 % 24, 2, 10, QLatin1Char('0'));
}

QString formatTime(int64_t unixSeconds) {
    if (unixSeconds <= 0) return QStringLiteral("—");
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(unixSeconds), QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString formatMetric(double value) { return value < 0 ? QStringLiteral("—") : QString::number(value, 'f', 4); }

QString runStateKey(const RunEntry& entry) {
    using service::RunState;
    const auto& run = entry.summary;
    if (entry.launchedPid > 0 && run.trainerState.empty())
        return entry.launchedAlive ? QStringLiteral("starting") : QStringLiteral("failed");
    if (!entry.summaryRead) return QStringLiteral("unknown");
    if (!run.isRun()) return QStringLiteral("missing");
    switch (run.state) {
        case RunState::Running: return entry.stopRequested ? QStringLiteral("stopping") : QStringLiteral("running");
        case RunState::Finished: return QStringLiteral("finished");
        case RunState::Failed: return QStringLiteral("failed");
        case RunState::Interrupted:
            return run.trainerState == "cancelled" ? QStringLiteral("cancelled") : QStringLiteral("crashed");
        case RunState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString runStateLabel(const QString& key) {
    if (key == QLatin1String("starting")) return RunsPanel::tr("starting…");
    if (key == QLatin1String("running")) return RunsPanel::tr("running");
    if (key == QLatin1String("stopping")) return RunsPanel::tr("stopping…");
    if (key == QLatin1String("finished")) return RunsPanel::tr("finished");
    if (key == QLatin1String("failed")) return RunsPanel::tr("failed");
    if (key == QLatin1String("cancelled")) return RunsPanel::tr("cancelled");
    if (key == QLatin1String("crashed")) return RunsPanel::tr("interrupted (crashed)");
    if (key == QLatin1String("missing")) return RunsPanel::tr("not readable");
    return RunsPanel::tr("unknown");
}

QColor runStateColour(const QString& key) {
    if (key == QLatin1String("running") || key == QLatin1String("starting")) return QColor(0x1e, 0x88, 0xe5);
    if (key == QLatin1String("stopping")) return QColor(0x8e, 0x24, 0xaa);
    if (key == QLatin1String("finished")) return QColor(0x2e, 0x7d, 0x32);
    if (key == QLatin1String("failed") || key == QLatin1String("missing")) return QColor(0xc6, 0x28, 0x28);
    if (key == QLatin1String("cancelled") || key == QLatin1String("crashed")) return QColor(0xef, 0x6c, 0x00);
    return QColor(0x75, 0x75, 0x75);
}

QString metricLabel(const QString& key) {
    if (key == QLatin1String("loss")) return RunsPanel::tr("total");
    if (key.startsWith(QLatin1String("l_"))) return QStringLiteral("L_") + key.mid(2);
    if (key == QLatin1String("grad_norm")) return RunsPanel::tr("grad norm");
    if (key == QLatin1String("samples_per_s")) return RunsPanel::tr("samples/s");
    if (key == QLatin1String("lr")) return RunsPanel::tr("learning rate");
    const auto metric = [](QString name) {
        name.replace(QLatin1String("macro_f1"), QStringLiteral("macro-F1"));
        return name;
    };
    if (key.contains(QLatin1Char('/'))) {  // eval series: split/metric[/ep]
        const auto parts = key.split(QLatin1Char('/'));
        QString label = parts.value(0) + QLatin1Char(' ') + metric(parts.value(1));
        return parts.size() > 2 ? RunsPanel::tr("%1 (EP)").arg(label) : label;
    }
    if (key.startsWith(QLatin1String("test_ep_"))) return RunsPanel::tr("test %1 (EP)").arg(metric(key.mid(8)));
    if (key.startsWith(QLatin1String("test_"))) return RunsPanel::tr("test %1").arg(metric(key.mid(5)));
    return key;
}

}  // namespace vitask::ui
