#include "run_entry.h"

#include <algorithm>
#include <map>
#include <string>

namespace vitask::ui {

namespace {

// Points per series name, filled record by record: a record's names come in the same
// order every time, so the next one is looked for first (no string hashing per value).
class SeriesSink {
public:
    explicit SeriesSink(qsizetype reserve) : reserve_(reserve) {}
    QList<QPointF>& operator[](const std::string& name) {
        if (next_ < order_.size() && order_[next_]->first == name) return order_[next_++]->second;
        const auto found = series_.find(name);
        if (found != series_.end()) {
            next_ = static_cast<size_t>(std::find(order_.begin(), order_.end(), &*found) - order_.begin()) + 1;
            return found->second;
        }
        auto& added = *series_.emplace(name, QList<QPointF>()).first;
        added.second.reserve(reserve_);
        order_.push_back(&added);
        next_ = order_.size();
        return added.second;
    }
    void moveInto(SeriesMap& map) {
        for (auto& [name, points] : series_) map.insert(QString::fromStdString(name), std::move(points));
    }

private:
    qsizetype reserve_;
    std::map<std::string, QList<QPointF>> series_;  // node-based: references stay valid
    std::vector<std::pair<const std::string, QList<QPointF>>*> order_;
    size_t next_ = 0;
};

}  // namespace

MetricsDelta toMetricsDelta(service::MetricsTail::Update&& update) {
    MetricsDelta delta;
    delta.restarted = update.restarted;
    SeriesSink train(static_cast<qsizetype>(update.records.size())), eval(0);
    std::string stage, key;
    for (const auto& record : update.records) {
        const auto step = static_cast<double>(record.step);
        if (record.isEval) {
            ++delta.evalRecords;
            for (const auto& [name, value] : record.values) {
                key = record.split + '/' + name + (record.exemplar ? "/ep" : "");
                eval[key].append(QPointF(step, value));
            }
            continue;
        }
        ++delta.trainRecords;
        for (const auto& [name, value] : record.values) train[name].append(QPointF(step, value));
        if (record.stage != stage) {
            stage = record.stage;
            delta.stageStarts.append({step, QString::fromStdString(stage)});
        }
    }
    train.moveInto(delta.train);
    eval.moveInto(delta.eval);
    return delta;
}

void RunMetrics::apply(MetricsDelta&& delta, bool keepTraining) {
    if (delta.restarted) {
        const auto revision = revision_;
        *this = RunMetrics();
        revision_ = revision;
    }
    if (!keepTraining) {
        dropTraining();
        delta.train.clear();
    }
    const auto merge = [](SeriesMap& into, SeriesMap& from) {
        for (auto it = from.begin(); it != from.end(); ++it) {
            auto& points = into[it.key()];
            if (points.isEmpty()) points = std::move(it.value());
            else points.append(it.value());
        }
    };
    merge(train_, delta.train);
    merge(eval_, delta.eval);
    trainRecords_ += delta.trainRecords;
    evalRecords_ += delta.evalRecords;
    for (const auto& start : delta.stageStarts)
        if (stageStarts_.isEmpty() || stageStarts_.last().second != start.second) stageStarts_.append(start);
    ++revision_;
}

void RunMetrics::dropTraining() {
    if (!hasTraining_) return;
    train_.clear();
    train_.squeeze();
    hasTraining_ = false;
    ++revision_;
}

double RunMetrics::bestValMacroF1() const {
    double best = -1;
    for (const auto& point : eval_.value(QStringLiteral("val/macro_f1"))) best = std::max(best, point.y());
    return best;
}

double RunEntry::bestValMacroF1() const {
    const double fromRecords = metrics.bestValMacroF1();
    return fromRecords >= 0 ? fromRecords : summary.bestValMacroF1;
}

}  // namespace vitask::ui
