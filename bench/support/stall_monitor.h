#pragma once
// UI-thread stalls for the studio's benchmarks (bench_studio, bench_runs): a precise timer
// on the UI thread; the gaps between its ticks are how long the event loop could not run
// (plus the interval itself). Qt and nlohmann::json, header only.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <vector>

namespace vitask::bench {

class StallMonitor {
public:
    explicit StallMonitor(int intervalMs) {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(intervalMs);
        QObject::connect(&timer_, &QTimer::timeout, [this] { tick(); });
    }
    void start() {
        gaps_.clear();
        clock_.start();
        last_ = 0;
        timer_.start();
    }
    nlohmann::json stop() {
        tick();  // the gap up to now counts too
        timer_.stop();
        std::vector<double> sorted = gaps_;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        const auto over = [&](double ms) { return std::count_if(gaps_.begin(), gaps_.end(), [ms](double g) { return g > ms; }); };
        std::vector<double> top(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(5, sorted.size())));
        std::vector<double> byValue = gaps_;
        std::sort(byValue.begin(), byValue.end());
        const std::size_t n = byValue.size();
        const double median = n == 0 ? 0.0 : n % 2 ? byValue[n / 2] : (byValue[n / 2 - 1] + byValue[n / 2]) / 2;
        return {{"longest_gap_ms", sorted.empty() ? 0.0 : sorted.front()},
                {"p99_gap_ms", sorted.empty() ? 0.0 : sorted[sorted.size() / 100]},
                {"median_gap_ms", median},
                {"longest_5_ms", top},
                {"gaps_over_16.7_ms", over(1000.0 / 60)},
                {"gaps_over_50_ms", over(50.0)},
                {"ticks", gaps_.size()},
                {"seconds", static_cast<double>(clock_.nsecsElapsed()) / 1e9}};
    }

private:
    void tick() {
        const qint64 now = clock_.nsecsElapsed();
        gaps_.push_back(static_cast<double>(now - last_) / 1e6);
        last_ = now;
    }
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    std::vector<double> gaps_;
};

}  // namespace vitask::bench
