// evaluateTsm(): one split of a dataset through a TSM, scored with ClassificationMetrics.
#include "tsm_training_data.h"
#include "vitask/common/error.h"
#include "vitask/tsm/builtin_tsm.h"
#include "vitask/vitask/tsm_training.h"

namespace vitask::recipe {
namespace {

struct LabelRange {
    int64_t offset = 0;
    int64_t count = 0;
};

// Which of the TSM's outputs belong to the dataset's classes.
LabelRange rangeFor(const tsm::Tsm& model, const MedMnistDataset& dataset) {
    if (const auto* builtin = dynamic_cast<const tsm::BuiltinTsm*>(&model))
        if (const auto* group = builtin->group(dataset.name())) return {group->offset, group->count};
    const auto labels = static_cast<int64_t>(model.labels().size());
    if (labels == dataset.classCount()) return {0, labels};
    throw Error("the TSM '" + model.name() + "' has " + std::to_string(labels) + " labels, the dataset '" +
                    dataset.name() + "' " + std::to_string(dataset.classCount()) + " classes, and no label group names it",
                dataset.path(), "Evaluate the TSM on a dataset it was trained for.");
}

}  // namespace

ClassificationMetrics evaluateTsm(tsm::Tsm& model, const MedMnistDataset& dataset, Split split, int batchSize) {
    const auto& data = dataset.split(split);
    const auto range = rangeFor(model, dataset);
    if (range.count != dataset.classCount())
        throw Error("the TSM's label group '" + dataset.name() + "' has " + std::to_string(range.count) +
                        " labels, the dataset " + std::to_string(dataset.classCount()),
                    dataset.path());
    const auto pixels = splitPixels(data);
    const int64_t n = data.size();
    const int classes = dataset.classCount();
    std::vector<double> probabilities;
    probabilities.reserve(size_t(n) * size_t(classes));
    for (int64_t first = 0; first < n; first += batchSize) {
        const auto indices = torch::arange(first, std::min<int64_t>(n, first + batchSize));
        const auto p = model.predict(inputBatch(pixels, indices, model.inputSpec(), model.device()))
                           .probabilities.narrow(1, range.offset, range.count)
                           .to(torch::kCPU, torch::kFloat64)
                           .contiguous();
        probabilities.insert(probabilities.end(), p.data_ptr<double>(), p.data_ptr<double>() + p.numel());
    }
    if (dataset.multiLabel()) {
        std::vector<uint8_t> truth, predicted;
        for (int64_t i = 0; i < n; ++i) {
            const auto row = data.targets(i);
            truth.insert(truth.end(), row.begin(), row.end());
        }
        for (double p : probabilities) predicted.push_back(p >= 0.5);
        return ClassificationMetrics::ofMultiLabel(truth, predicted, classes, probabilities);
    }
    std::vector<int64_t> truth(static_cast<size_t>(n)), predicted(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        truth[size_t(i)] = data.label(i);
        const auto row = probabilities.begin() + i * classes;
        predicted[size_t(i)] = std::max_element(row, row + classes) - row;
    }
    return ClassificationMetrics::ofSingleLabel(truth, predicted, classes, probabilities);
}

}  // namespace vitask::recipe
