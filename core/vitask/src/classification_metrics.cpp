#include "vitask/vitask/classification_metrics.h"

#include "vitask/common/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace vitask::recipe {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double numerator, double denominator) { return denominator > 0 ? numerator / denominator : 0.0; }

// Precision, recall and F1 from counts; zero where undefined (sklearn's zero_division=0).
void score(ClassScores& c, int64_t truePositives) {
    c.precision = ratio(double(truePositives), double(c.predicted));
    c.recall = ratio(double(truePositives), double(c.support));
    c.f1 = ratio(2.0 * c.precision * c.recall, c.precision + c.recall);
    c.inMacroF1 = c.support > 0 || c.predicted > 0;
}

void averageOverClasses(ClassificationMetrics& m) {
    double f1 = 0, auc = 0;
    int aucs = 0;
    for (const auto& c : m.perClass) {
        if (c.inMacroF1) {
            f1 += c.f1;
            ++m.classesInMacroF1;
        }
        if (!std::isnan(c.auc)) {
            auc += c.auc;
            ++aucs;
        }
    }
    m.macroF1 = m.classesInMacroF1 ? f1 / m.classesInMacroF1 : 0.0;
    m.macroAuc = aucs ? auc / aucs : kNaN;
}

// Column k of a samples x classes row-major matrix.
std::vector<double> column(const std::vector<double>& matrix, size_t samples, int classes, int k) {
    std::vector<double> out(samples);
    for (size_t i = 0; i < samples; ++i) out[i] = matrix[i * size_t(classes) + size_t(k)];
    return out;
}

void checkProbabilities(const std::vector<double>& probabilities, size_t samples, int classes) {
    if (!probabilities.empty() && probabilities.size() != samples * size_t(classes))
        throw Error("got " + std::to_string(probabilities.size()) + " probabilities for " + std::to_string(samples) +
                        " samples of " + std::to_string(classes) + " classes",
                    "classification metrics");
}

}  // namespace

double rocAuc(const std::vector<double>& scores, const std::vector<uint8_t>& positive) {
    const size_t n = scores.size();
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0;
    int64_t positives = 0;
    for (size_t first = 0; first < n;) {
        size_t last = first;  // [first, last) hold one tied score: they share the mean rank
        while (last < n && scores[order[last]] == scores[order[first]]) ++last;
        const double meanRank = (double(first + 1) + double(last)) / 2.0;
        for (size_t i = first; i < last; ++i)
            if (positive[order[i]]) {
                positiveRankSum += meanRank;
                ++positives;
            }
        first = last;
    }
    const int64_t negatives = int64_t(n) - positives;
    if (positives == 0 || negatives == 0) return kNaN;
    return (positiveRankSum - double(positives) * double(positives + 1) / 2.0) / (double(positives) * double(negatives));
}

ClassificationMetrics ClassificationMetrics::ofSingleLabel(const std::vector<int64_t>& truth,
                                                         const std::vector<int64_t>& predicted, int classCount,
                                                         const std::vector<double>& probabilities) {
    const std::string subject = "classification metrics";
    if (truth.size() != predicted.size())
        throw Error("got " + std::to_string(truth.size()) + " true labels but " + std::to_string(predicted.size()) +
                        " predictions",
                    subject);
    if (classCount < 1) throw Error("need at least one class", subject);
    checkProbabilities(probabilities, truth.size(), classCount);
    ClassificationMetrics m;
    m.samples = int64_t(truth.size());
    m.perClass.resize(size_t(classCount));
    m.confusion.assign(size_t(classCount), std::vector<int64_t>(size_t(classCount), 0));
    int64_t correct = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= classCount || predicted[i] < 0 || predicted[i] >= classCount)
            throw Error("sample " + std::to_string(i) + " has a class outside [0, " + std::to_string(classCount) + ")",
                        subject);
        ++m.confusion[size_t(truth[i])][size_t(predicted[i])];
        correct += truth[i] == predicted[i];
    }
    m.accuracy = ratio(double(correct), double(m.samples));
    for (int k = 0; k < classCount; ++k) {
        auto& c = m.perClass[size_t(k)];
        for (int j = 0; j < classCount; ++j) {
            c.support += m.confusion[size_t(k)][size_t(j)];
            c.predicted += m.confusion[size_t(j)][size_t(k)];
        }
        score(c, m.confusion[size_t(k)][size_t(k)]);
        if (!probabilities.empty()) {
            std::vector<uint8_t> positive(truth.size());
            for (size_t i = 0; i < truth.size(); ++i) positive[i] = truth[i] == k;
            c.auc = rocAuc(column(probabilities, truth.size(), classCount, k), positive);
        }
    }
    averageOverClasses(m);
    return m;
}

ClassificationMetrics ClassificationMetrics::ofMultiLabel(const std::vector<uint8_t>& truth,
                                                        const std::vector<uint8_t>& predicted, int labelCount,
                                                        const std::vector<double>& probabilities) {
    const std::string subject = "classification metrics";
    if (labelCount < 1 || truth.size() != predicted.size() || truth.size() % size_t(labelCount) != 0)
        throw Error("need equal truth and prediction matrices of samples x " + std::to_string(labelCount) +
                        " values, got " + std::to_string(truth.size()) + " and " + std::to_string(predicted.size()),
                    subject);
    const size_t samples = truth.size() / size_t(labelCount);
    checkProbabilities(probabilities, samples, labelCount);
    ClassificationMetrics m;
    m.multiLabel = true;
    m.samples = int64_t(samples);
    m.perClass.resize(size_t(labelCount));
    std::vector<int64_t> truePositives(size_t(labelCount), 0);
    int64_t exact = 0;
    for (size_t i = 0; i < samples; ++i) {
        bool allRight = true;
        for (int k = 0; k < labelCount; ++k) {
            const bool t = truth[i * size_t(labelCount) + size_t(k)] != 0;
            const bool p = predicted[i * size_t(labelCount) + size_t(k)] != 0;
            m.perClass[size_t(k)].support += t;
            m.perClass[size_t(k)].predicted += p;
            truePositives[size_t(k)] += t && p;
            allRight = allRight && t == p;
        }
        exact += allRight;
    }
    m.accuracy = ratio(double(exact), double(samples));
    for (int k = 0; k < labelCount; ++k) {
        auto& c = m.perClass[size_t(k)];
        score(c, truePositives[size_t(k)]);
        if (!probabilities.empty()) {
            std::vector<uint8_t> positive(samples);
            for (size_t i = 0; i < samples; ++i) positive[i] = truth[i * size_t(labelCount) + size_t(k)] != 0;
            c.auc = rocAuc(column(probabilities, samples, labelCount, k), positive);
        }
    }
    averageOverClasses(m);
    return m;
}

MeanStd MeanStd::of(const std::vector<double>& values) {
    std::vector<double> defined;
    for (double v : values)
        if (!std::isnan(v)) defined.push_back(v);
    MeanStd out;
    out.runs = int(defined.size());
    if (defined.empty()) return out;
    out.mean = std::accumulate(defined.begin(), defined.end(), 0.0) / double(defined.size());
    double squares = 0;
    for (double v : defined) squares += (v - out.mean) * (v - out.mean);
    out.std = defined.size() > 1 ? std::sqrt(squares / double(defined.size() - 1)) : 0.0;
    return out;
}

ClassificationSummary ClassificationSummary::over(const std::vector<ClassificationMetrics>& runs) {
    std::vector<double> accuracy, f1, auc;
    for (const auto& r : runs) {
        accuracy.push_back(r.accuracy);
        f1.push_back(r.macroF1);
        auc.push_back(r.macroAuc);
    }
    return {MeanStd::of(accuracy), MeanStd::of(f1), MeanStd::of(auc)};
}

}  // namespace vitask::recipe
