#include "vitask/vitask/evaluator.h"

#include "vitask/common/error.h"
#include "vitask/vitask/answer_matching.h"
#include "vitask/vitask/answering.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vitask::recipe {
namespace {

// Fills each prediction's probabilities (over its task's answers) and best answer.
void scoreCandidates(VitaskModel& model, const TaskCorpus& corpus, const std::vector<int64_t>& samples,
                     const std::vector<std::vector<int64_t>>& prompts, const torch::Tensor& images,
                     const torch::Tensor& exemplars, std::vector<SamplePrediction>& out) {
    std::vector<const std::vector<std::vector<int64_t>>*> candidates;
    for (auto i : samples) candidates.push_back(&corpus.tasks()[static_cast<size_t>(corpus.taskOf(i))].answerIds);
    const auto scores = answerLogLikelihoods(model, prompts, images, exemplars, candidates);
    for (size_t b = 0; b < samples.size(); ++b) {
        const auto& task = corpus.tasks()[static_cast<size_t>(corpus.taskOf(samples[b]))];
        auto& prediction = out[b];
        prediction.probabilities = candidateProbabilities(scores[b]);
        const auto best = std::max_element(prediction.probabilities.begin(), prediction.probabilities.end()) -
                          prediction.probabilities.begin();
        prediction.answer = task.answers[static_cast<size_t>(best)];
    }
}

}  // namespace

AnswerMethod parseAnswerMethod(const std::string& name, const std::string& subject) {
    if (name == "score") return AnswerMethod::Score;
    if (name == "generate") return AnswerMethod::Generate;
    throw Error("unknown answer method '" + name + "'", subject,
                "Use 'score' (log-likelihood of each label) or 'generate' (greedy answer matched to a label).");
}

const char* answerMethodName(AnswerMethod method) { return method == AnswerMethod::Score ? "score" : "generate"; }

double Evaluation::meanAccuracy() const {
    double sum = 0;
    for (const auto& t : tasks) sum += t.metrics.accuracy;
    return tasks.empty() ? 0 : sum / static_cast<double>(tasks.size());
}

double Evaluation::meanMacroF1() const {
    double sum = 0;
    for (const auto& t : tasks) sum += t.metrics.macroF1;
    return tasks.empty() ? 0 : sum / static_cast<double>(tasks.size());
}

nlohmann::json metricsJson(const ClassificationMetrics& metrics, const std::vector<std::string>& labels) {
    auto number = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
    nlohmann::json json{{"samples", metrics.samples},
                        {"accuracy", metrics.accuracy},
                        {"macro_f1", metrics.macroF1},
                        {"macro_auc", number(metrics.macroAuc)},
                        {"multi_label", metrics.multiLabel}};
    auto& perClass = json["per_class"] = nlohmann::json::array();
    for (size_t k = 0; k < metrics.perClass.size(); ++k) {
        const auto& c = metrics.perClass[k];
        perClass.push_back({{"label", k < labels.size() ? labels[k] : std::to_string(k)},
                            {"precision", c.precision},
                            {"recall", c.recall},
                            {"f1", c.f1},
                            {"support", c.support},
                            {"auc", number(c.auc)}});
    }
    if (!metrics.confusion.empty()) json["confusion"] = metrics.confusion;
    return json;
}

nlohmann::json Evaluation::summaryJson() const {
    nlohmann::json json{{"method", answerMethodName(options.method)},
                        {"exemplar", options.withExemplar},
                        {"instruction", variantName(options.variant)},
                        {"mean_accuracy", meanAccuracy()},
                        {"mean_macro_f1", meanMacroF1()}};
    auto& list = json["tasks"] = nlohmann::json::array();
    for (const auto& t : tasks) {
        auto entry = nlohmann::json{{"task", t.task}, {"unparseable", t.unparseable}};
        entry["metrics"] = {{"accuracy", t.metrics.accuracy}, {"macro_f1", t.metrics.macroF1}};
        list.push_back(entry);
    }
    return json;
}

namespace {

// Every process's answers (and candidate probabilities) of its block into `predictions`;
// the rest of a prediction follows from the corpus.
void gatherAnswers(std::vector<SamplePrediction>& predictions, int64_t first, int64_t last, const WorkSharding& sharding) {
    auto mine = nlohmann::json::array();
    for (auto i = first; i < last; ++i) {
        const auto& p = predictions[static_cast<size_t>(i)];
        mine.push_back({p.index, p.task, p.answer, p.truth, p.probabilities});
    }
    for (const auto& block : sharding.allGather(mine.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)))
        for (const auto& row : nlohmann::json::parse(block)) {
            auto& p = predictions[row[0].get<size_t>()];
            p.index = row[0].get<int64_t>();
            p.task = row[1].get<int>();
            p.answer = row[2].get<std::string>();
            p.truth = row[3].get<std::string>();
            p.probabilities = row[4].get<std::vector<double>>();
        }
}

}  // namespace

Evaluation evaluate(VitaskModel& model, const TaskCorpus& corpus, const EvalOptions& options,
                    const std::function<bool(int64_t, int64_t)>& onProgress) {
    if (options.withExemplar && (!corpus.hasFeatures() || !model.hasConnector()))
        throw Error(!model.hasConnector() ? "the model has no exemplar connector" : "no TSM features were computed",
                    "evaluation with exemplar prompting",
                    "Evaluate without EP, or give the TSM the model was trained with.");
    torch::NoGradGuard noGrad;
    model.train(false);
    Evaluation evaluation;
    evaluation.options = options;
    evaluation.predictions.resize(static_cast<size_t>(corpus.size()));
    const auto [first, last] = options.sharding.range(corpus.size());
    const auto total = last - first;
    for (int64_t start = first; start < last; start += options.batchSize) {
        const auto end = std::min(last, start + options.batchSize);
        std::vector<int64_t> samples(static_cast<size_t>(end - start));
        std::iota(samples.begin(), samples.end(), start);
        const auto images = model.imageEmbeddings(corpus.pixels(samples));
        const auto exemplars = options.withExemplar ? model.exemplarEmbeddings(corpus.exemplarInput(samples)) : torch::Tensor();
        std::vector<std::vector<int64_t>> prompts;
        for (auto i : samples) {
            const auto& task = corpus.tasks()[static_cast<size_t>(corpus.taskOf(i))];
            prompts.push_back(model.promptIds(
                buildInstruction(task.description, options.variant, options.seed * 1000003ULL + static_cast<uint64_t>(i)),
                options.withExemplar));
        }
        std::vector<SamplePrediction> batch(samples.size());
        // Multi-label samples cannot be scored; a batch mixes tasks only at task borders.
        const bool generate = options.method == AnswerMethod::Generate ||
                              std::any_of(samples.begin(), samples.end(), [&](int64_t i) { return corpus.label(i) < 0; });
        if (generate) {
            const auto answers = generateAnswers(model, prompts, images, exemplars, options.maxNewTokens);
            for (size_t b = 0; b < batch.size(); ++b) batch[b].answer = answers[b];
        } else {
            scoreCandidates(model, corpus, samples, prompts, images, exemplars, batch);
        }
        for (size_t b = 0; b < samples.size(); ++b) {
            auto& p = batch[b];
            p.index = samples[b];
            p.task = corpus.taskOf(samples[b]);
            p.truth = corpus.response(samples[b]);
            evaluation.predictions[static_cast<size_t>(samples[b])] = std::move(p);
        }
        if (onProgress && !onProgress(end - first, total))
            throw Error("cancelled", "evaluation", "Run it again to get the figures.");
    }
    if (options.sharding.sharded()) gatherAnswers(evaluation.predictions, first, last, options.sharding);

    // Per task: answers to classes, then the metrics.
    for (size_t t = 0; t < corpus.tasks().size(); ++t) {
        const auto& task = corpus.tasks()[t];
        const auto& labels = task.description.labels;
        const int classes = static_cast<int>(labels.size());
        TaskEvaluation result;
        result.task = task.name;
        std::vector<int64_t> truth, predicted;
        std::vector<uint8_t> truthRows, predictedRows;
        std::vector<double> probabilities;
        for (auto& p : evaluation.predictions) {
            if (p.task != static_cast<int>(t)) continue;
            if (task.description.multiLabel) {
                int unmatched = 0;
                const auto rows = matchMultiLabelAnswer(p.answer, labels, &unmatched);
                const auto& reference = corpus.targets(p.index);
                p.unparseable = unmatched > 0;
                p.correct = rows == reference;
                truthRows.insert(truthRows.end(), reference.begin(), reference.end());
                predictedRows.insert(predictedRows.end(), rows.begin(), rows.end());
                continue;
            }
            const auto truthLabel = corpus.label(p.index);
            auto match = matchAnswer(p.answer, labels);
            p.unparseable = match.label < 0;
            // An unparseable answer counts as wrong: it is booked as the next class
            // (the confusion matrix then shows it off the diagonal) and reported apart.
            const auto label = p.unparseable ? (truthLabel + 1) % classes : match.label;
            p.correct = label == truthLabel;
            truth.push_back(truthLabel);
            predicted.push_back(label);
            if (!p.probabilities.empty()) probabilities.insert(probabilities.end(), p.probabilities.begin(), p.probabilities.end());
            result.unparseable += p.unparseable ? 1 : 0;
        }
        if (task.description.multiLabel) {
            for (const auto& p : evaluation.predictions) result.unparseable += (p.task == static_cast<int>(t) && p.unparseable);
            result.metrics = ClassificationMetrics::ofMultiLabel(truthRows, predictedRows, classes);
        } else {
            if (probabilities.size() != truth.size() * static_cast<size_t>(classes)) probabilities.clear();
            result.metrics = ClassificationMetrics::ofSingleLabel(truth, predicted, classes, probabilities);
        }
        evaluation.tasks.push_back(std::move(result));
    }
    return evaluation;
}

}  // namespace vitask::recipe
