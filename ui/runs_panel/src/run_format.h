#pragma once
// How a run's numbers and states read on the Runs page: durations, state names and their
// colours, metric names (l_van -> L_van). One place, so the table, header and comparison agree.

#include <QColor>
#include <QString>

#include <cstdint>
#include <string>

namespace vitask::ui {

struct RunEntry;

// "45s", "4m12s", "2h05m", "3d04h"; "—" when negative (not known).
QString formatDuration(double seconds);
// A unix time as the local date and time, "—" when 0.
QString formatTime(int64_t unixSeconds);
// Metrics with 4 decimals, "—" when negative (not measured).
QString formatMetric(double value);

// The state a run shows, untranslated ("starting", "running", "stopping", "finished",
// "failed", "cancelled", "crashed", "unknown", "missing"), from its summary and what this
// studio did to it (launched, asked to stop).
QString runStateKey(const RunEntry& entry);
QString runStateLabel(const QString& key);  // translated
QColor runStateColour(const QString& key);

// "loss" -> "total", "l_van" -> "L_van", "grad_norm" -> "grad norm"; eval keys
// "val/macro_f1/ep" -> "val macro-F1 (EP)"; "test_ep_macro_f1" -> "test macro-F1 (EP)".
QString metricLabel(const QString& key);

}  // namespace vitask::ui
