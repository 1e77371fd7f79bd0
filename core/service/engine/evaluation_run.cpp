#include "evaluation_run.h"

#include "vitask/common/error.h"
#include "vitask/vitask/answer_matching.h"
#include "vitask/vitask/answering.h"

#include <algorithm>

namespace vitask::service::detail {
namespace {

// Thrown out of the TaskCorpus's progress callback to stop its TSM pass.
struct CancelledPass {};

bool raised(const std::atomic<bool>& cancel) { return cancel.load(); }

size_t argmax(const std::vector<double>& values) {
    return static_cast<size_t>(std::max_element(values.begin(), values.end()) - values.begin());
}

Agreement agreementOf(const SampleRow& row) {
    std::vector<const std::string*> labels{&row.vlm.label};
    if (row.vlmWithExemplar) labels.push_back(&row.vlmWithExemplar->label);
    if (row.tsm) labels.push_back(&row.tsm->label);
    if (labels.size() < 2) return Agreement::Unknown;
    for (const auto* label : labels)
        if (*label != *labels.front()) return Agreement::Disagree;
    return Agreement::Agree;
}

}  // namespace

EvaluationRun::EvaluationRun(DatasetEvaluationRequest request) : request_(std::move(request)) {}

bool EvaluationRun::prepare(VisionAssistant& assistant, DatasetCache& datasets, const std::atomic<bool>& cancel) {
    started_ = std::chrono::steady_clock::now();
    model_ = assistant.loadedModel();
    if (!model_) throw Error("no model is loaded", "dataset evaluation", "Load a model folder first.");
    modelInfo_ = assistant.model();
    const std::string file = request_.dataset.string();
    const auto method = recipe::parseAnswerMethod(request_.method, "answer method");
    if (request_.instructions.empty())
        throw Error("no instruction to ask", "dataset evaluation", "Choose at least one instruction variant.");
    for (const auto& choice : request_.instructions) {
        Instruction instruction{choice, std::nullopt, {}, {}, {}};
        if (choice.variant != kCustomInstruction)
            instruction.variant = recipe::parseInstructionVariant(choice.variant, "instruction variant");
        else if (choice.text.empty())
            throw Error("the custom instruction is empty", "dataset evaluation", "Write the instruction to ask.");
        instructions_.push_back(std::move(instruction));
    }

    dataset_ = datasets.load(request_.dataset);
    const auto split = splitNamed(request_.split, request_.dataset);
    if (request_.task && static_cast<int>(request_.task->labels.size()) != dataset_->classCount())
        throw Error("the task names " + std::to_string(request_.task->labels.size()) + " labels, the dataset has " +
                        std::to_string(dataset_->classCount()) + " classes",
                    file, "Name one label per class, in the dataset's order, or use the dataset's own labels.");
    task_ = request_.task ? *request_.task
                          : TaskInfo{dataset_->name(), dataset_->modality(), dataset_->labelNames(), dataset_->multiLabel()};
    task_.multiLabel = dataset_->multiLabel();
    description_ = {task_.modality, task_.labels, task_.multiLabel};
    // Multi-label answers cannot be scored (2^K answer sets): the evaluator generates them.
    generate_ = method == recipe::AnswerMethod::Generate || task_.multiLabel;
    if (!task_.multiLabel)
        for (const auto& label : task_.labels) answerIds_.push_back(model_->responseIds(label));

    auto* tsm = assistant.loadedTsm();
    tsmName_ = tsm ? tsm->name() : std::string();
    const bool needTsm = tsm && (request_.withTsm || request_.withExemplar);
    recipe::CorpusOptions options;
    options.maxPerDataset = request_.maxSamples;
    options.onProgress = [&cancel](int64_t, int64_t) {
        if (raised(cancel)) throw CancelledPass{};
    };
    try {
        corpus_ = std::make_unique<recipe::TaskCorpus>(
            recipe::TaskCorpus::build({dataset_.get()}, split, *model_, needTsm ? tsm : nullptr, options));
    } catch (const CancelledPass&) {
        return false;
    }

    if (request_.withExemplar) {
        if (!model_->hasConnector())
            exemplarSkipped_ = "the model has no exemplar connector";
        else if (!tsm)
            exemplarSkipped_ = "no TSM is loaded";
        else
            exemplarSkipped_ = model_->exemplarMismatch(corpus_->exemplarInput({0}));
        useExemplar_ = exemplarSkipped_.empty();
    }
    if (request_.withTsm) prepareTsm(tsm);
    for (auto& instruction : instructions_) {
        instruction.plain.reserve(static_cast<size_t>(samples()));
        instruction.rows.reserve(static_cast<size_t>(samples()));
    }
    return true;
}

void EvaluationRun::prepareTsm(tsm::Tsm* tsm) {
    if (!tsm) {
        tsmSkipped_ = "no TSM is loaded";
        return;
    }
    TsmColumns columns;
    try {
        columns = tsmColumnsFor(*tsm, dataset_->name(), dataset_->classCount());
    } catch (const Error& e) {
        tsmSkipped_ = e.problem();
        return;
    }
    const auto p = corpus_->tsmProbabilities().narrow(1, columns.offset, columns.count).to(torch::kFloat64).contiguous();
    const auto* values = p.data_ptr<double>();
    for (int64_t i = 0; i < p.size(0); ++i)
        tsmProbabilities_.emplace_back(values + i * columns.count, values + (i + 1) * columns.count);
}

DatasetEvaluationProgress EvaluationRun::prepared() const {
    return {0, 0, samples() * static_cast<int64_t>(instructions_.size()), std::nullopt};
}

void EvaluationRun::checkModel(VisionAssistant& assistant) const {
    const bool same = assistant.loadedModel() == model_ && assistant.model().folder == modelInfo_.folder &&
                      assistant.model().weightsHash == modelInfo_.weightsHash &&
                      assistant.model().loadSeconds == modelInfo_.loadSeconds;
    if (!same)
        throw Error("another model was loaded while the dataset was evaluated", request_.dataset.string(),
                    "Run the evaluation again; load models only after it has finished or been cancelled.");
}

std::string EvaluationRun::instructionFor(const Instruction& instruction, int64_t i) const {
    if (!instruction.variant) return instruction.choice.text;
    // recipe::evaluate's per-sample seed, so that the randomised variants ask what `vitask eval` asks.
    return recipe::buildInstruction(description_, *instruction.variant,
                                    request_.seed * 1000003ULL + static_cast<uint64_t>(i));
}

std::optional<recipe::SamplePrediction> EvaluationRun::ask(const std::vector<int64_t>& prompt, const torch::Tensor& images,
                                                           const torch::Tensor& exemplars,
                                                           const std::atomic<bool>& cancel) {
    recipe::SamplePrediction prediction;
    if (generate_) {
        const auto answers = recipe::generateAnswers(*model_, {prompt}, images, exemplars, request_.maxNewTokens,
                                                     [&cancel](size_t, const std::string&) { return !raised(cancel); });
        if (raised(cancel)) return std::nullopt;
        prediction.answer = answers.front();
        return prediction;
    }
    const auto scores = recipe::answerLogLikelihoods(*model_, {prompt}, images, exemplars, {&answerIds_});
    prediction.probabilities = recipe::candidateProbabilities(scores.front());
    prediction.answer = task_.labels[argmax(prediction.probabilities)];
    return prediction;
}

SampleAnswer EvaluationRun::vlmAnswer(const recipe::SamplePrediction& prediction) const {
    SampleAnswer answer;
    answer.answer = prediction.answer;
    if (task_.multiLabel) {
        answer.label = recipe::buildResponse(description_, recipe::matchMultiLabelAnswer(prediction.answer, task_.labels));
        return answer;
    }
    const auto match = recipe::matchAnswer(prediction.answer, task_.labels);
    if (match.label < 0) return answer;
    answer.label = task_.labels[static_cast<size_t>(match.label)];
    if (!prediction.probabilities.empty()) answer.probability = prediction.probabilities[static_cast<size_t>(match.label)];
    return answer;
}

SampleRow EvaluationRun::row(int64_t i, const recipe::SamplePrediction& plain,
                             const recipe::SamplePrediction* withExemplar) const {
    SampleRow row;
    row.index = corpus_->sourceIndex(i);
    row.truth = recipe::buildResponse(description_, corpus_->targets(i));
    row.vlm = vlmAnswer(plain);
    if (withExemplar) row.vlmWithExemplar = vlmAnswer(*withExemplar);
    if (!tsmProbabilities_.empty()) {
        const auto& p = tsmProbabilities_[static_cast<size_t>(i)];
        const auto predicted = tsmPredicted(p, task_.multiLabel);
        SampleAnswer tsm;
        if (task_.multiLabel) {
            std::vector<uint8_t> targets(p.size(), 0);
            for (auto k : predicted) targets[static_cast<size_t>(k)] = 1;
            tsm.label = recipe::buildResponse(description_, targets);
        } else {
            const auto k = static_cast<size_t>(predicted.front());
            tsm.label = task_.labels[k];
            tsm.probability = p[k];
        }
        row.tsm = std::move(tsm);
    }
    row.agreement = agreementOf(row);
    return row;
}

bool EvaluationRun::answer(VisionAssistant& assistant, int64_t i, const std::atomic<bool>& cancel,
                           const EvaluationProgress& progress) {
    checkModel(assistant);
    torch::NoGradGuard noGrad;
    model_->train(false);
    // The image (and exemplar) embedded once for every instruction and both answers.
    const auto images = model_->imageEmbeddings(corpus_->pixels({i}));
    const auto exemplars = useExemplar_ ? model_->exemplarEmbeddings(corpus_->exemplarInput({i})) : torch::Tensor();
    for (size_t v = 0; v < instructions_.size(); ++v) {
        auto& instruction = instructions_[v];
        const auto text = instructionFor(instruction, i);
        if (raised(cancel)) return false;
        auto plain = ask(model_->promptIds(text, false), images, torch::Tensor(), cancel);
        if (!plain) return false;
        std::optional<recipe::SamplePrediction> withExemplar;
        if (useExemplar_) {
            if (raised(cancel)) return false;
            withExemplar = ask(model_->promptIds(text, true), images, exemplars, cancel);
            if (!withExemplar) return false;
            withExemplar->index = i;
            instruction.withExemplar.push_back(*withExemplar);
        }
        plain->index = i;
        instruction.plain.push_back(*plain);
        instruction.rows.push_back(row(i, *plain, withExemplar ? &*withExemplar : nullptr));
        if (progress)
            progress({v, i * static_cast<int64_t>(instructions_.size()) + static_cast<int64_t>(v) + 1,
                      samples() * static_cast<int64_t>(instructions_.size()), instruction.rows.back()});
    }
    return true;
}

DatasetEvaluation EvaluationRun::finish(bool cancelled) {
    DatasetEvaluation out;
    out.request = request_;
    out.task = task_;
    out.model = modelInfo_.name;
    out.modelWeightsHash = modelInfo_.weightsHash;
    out.tsm = tsmName_;
    out.splitSize = dataset_ ? dataset_->split(splitNamed(request_.split, request_.dataset)).size() : 0;
    out.samples = samples();
    out.exemplarSkipped = exemplarSkipped_;
    out.tsmSkipped = tsmSkipped_;
    out.cancelled = cancelled;
    const bool complete = !cancelled && corpus_;
    if (complete && !tsmProbabilities_.empty())
        out.tsmMetrics = plainMetrics(bookTsm(tsmProbabilities_, *corpus_, task_.multiLabel), task_.labels, 0);
    for (auto& instruction : instructions_) {
        InstructionEvaluation result;
        result.instruction = instruction.choice;
        result.example = corpus_ ? instructionFor(instruction, 0) : std::string();
        result.rows = std::move(instruction.rows);
        if (complete) {
            int64_t unparseable = 0;
            const auto plain = bookAnswers(instruction.plain, *corpus_, task_.labels, task_.multiLabel, &unparseable);
            result.vlm = plainMetrics(plain, task_.labels, unparseable);
            if (useExemplar_) {
                const auto ep = bookAnswers(instruction.withExemplar, *corpus_, task_.labels, task_.multiLabel, &unparseable);
                result.vlmWithExemplar = plainMetrics(ep, task_.labels, unparseable);
            }
        }
        out.instructions.push_back(std::move(result));
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    return out;
}

}  // namespace vitask::service::detail
