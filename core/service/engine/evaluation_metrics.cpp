#include "evaluation_metrics.h"

#include "vitask/common/error.h"
#include "vitask/tsm/builtin_tsm.h"
#include "vitask/vitask/answer_matching.h"

#include <algorithm>

namespace vitask::service::detail {

recipe::ClassificationMetrics bookAnswers(std::vector<recipe::SamplePrediction>& predictions,
                                          const recipe::TaskCorpus& corpus, const std::vector<std::string>& labels,
                                          bool multiLabel, int64_t* unparseable) {
    const int classes = static_cast<int>(labels.size());
    *unparseable = 0;
    if (multiLabel) {
        std::vector<uint8_t> truthRows, predictedRows;
        for (auto& p : predictions) {
            int unmatched = 0;
            const auto rows = recipe::matchMultiLabelAnswer(p.answer, labels, &unmatched);
            const auto& reference = corpus.targets(p.index);
            p.unparseable = unmatched > 0;
            p.correct = rows == reference;
            truthRows.insert(truthRows.end(), reference.begin(), reference.end());
            predictedRows.insert(predictedRows.end(), rows.begin(), rows.end());
            *unparseable += p.unparseable ? 1 : 0;
        }
        return recipe::ClassificationMetrics::ofMultiLabel(truthRows, predictedRows, classes);
    }
    std::vector<int64_t> truth, predicted;
    std::vector<double> probabilities;
    for (auto& p : predictions) {
        const auto truthLabel = corpus.label(p.index);
        const auto match = recipe::matchAnswer(p.answer, labels);
        p.unparseable = match.label < 0;
        const auto label = p.unparseable ? (truthLabel + 1) % classes : match.label;
        p.correct = label == truthLabel;
        truth.push_back(truthLabel);
        predicted.push_back(label);
        probabilities.insert(probabilities.end(), p.probabilities.begin(), p.probabilities.end());
        *unparseable += p.unparseable ? 1 : 0;
    }
    if (probabilities.size() != truth.size() * static_cast<size_t>(classes)) probabilities.clear();
    return recipe::ClassificationMetrics::ofSingleLabel(truth, predicted, classes, probabilities);
}

TsmColumns tsmColumnsFor(const tsm::Tsm& tsm, const std::string& datasetName, int classCount) {
    if (const auto* builtin = dynamic_cast<const tsm::BuiltinTsm*>(&tsm))
        if (const auto* group = builtin->group(datasetName)) {
            if (group->count != classCount)
                throw Error("its label group '" + datasetName + "' has " + std::to_string(group->count) +
                                " labels, the dataset " + std::to_string(classCount) + " classes",
                            "TSM '" + tsm.name() + "'", "Load the TSM trained on this dataset.");
            return {group->offset, group->count};
        }
    const auto labels = static_cast<int64_t>(tsm.labels().size());
    if (labels == classCount) return {0, labels};
    throw Error("it has " + std::to_string(labels) + " labels, the dataset '" + datasetName + "' " +
                    std::to_string(classCount) + " classes, and no label group names the dataset",
                "TSM '" + tsm.name() + "'", "Load the TSM trained on this dataset.");
}

std::vector<int64_t> tsmPredicted(const std::vector<double>& probabilities, bool multiLabel) {
    std::vector<int64_t> out;
    if (multiLabel) {
        for (size_t k = 0; k < probabilities.size(); ++k)
            if (probabilities[k] >= 0.5) out.push_back(static_cast<int64_t>(k));
        return out;
    }
    if (!probabilities.empty())
        out.push_back(std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin());
    return out;
}

recipe::ClassificationMetrics bookTsm(const std::vector<std::vector<double>>& probabilities,
                                      const recipe::TaskCorpus& corpus, bool multiLabel) {
    const int classes = probabilities.empty() ? 0 : static_cast<int>(probabilities.front().size());
    std::vector<double> flat;
    for (const auto& row : probabilities) flat.insert(flat.end(), row.begin(), row.end());
    if (multiLabel) {
        std::vector<uint8_t> truth, predicted;
        for (size_t i = 0; i < probabilities.size(); ++i) {
            const auto& row = corpus.targets(static_cast<int64_t>(i));
            truth.insert(truth.end(), row.begin(), row.end());
            for (double p : probabilities[i]) predicted.push_back(p >= 0.5);
        }
        return recipe::ClassificationMetrics::ofMultiLabel(truth, predicted, classes, flat);
    }
    std::vector<int64_t> truth, predicted;
    for (size_t i = 0; i < probabilities.size(); ++i) {
        truth.push_back(corpus.label(static_cast<int64_t>(i)));
        predicted.push_back(tsmPredicted(probabilities[i], false).front());
    }
    return recipe::ClassificationMetrics::ofSingleLabel(truth, predicted, classes, flat);
}

SystemMetrics plainMetrics(const recipe::ClassificationMetrics& metrics, const std::vector<std::string>& labels,
                           int64_t unparseable) {
    SystemMetrics out;
    out.samples = metrics.samples;
    out.accuracy = metrics.accuracy;
    out.macroF1 = metrics.macroF1;
    out.macroAuc = metrics.macroAuc;
    out.unparseable = unparseable;
    out.confusion = metrics.confusion;
    for (size_t k = 0; k < metrics.perClass.size(); ++k) {
        const auto& c = metrics.perClass[k];
        out.perClass.push_back({k < labels.size() ? labels[k] : std::to_string(k), c.precision, c.recall, c.f1,
                                c.support, c.auc});
    }
    return out;
}

}  // namespace vitask::service::detail
