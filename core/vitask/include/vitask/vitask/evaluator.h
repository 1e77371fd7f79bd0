#pragma once
// Evaluation of a VITask model on a TaskCorpus (VITASK_METHOD.md "Instructions and
// answers"): label-set scoring (the log-likelihood of every candidate answer; argmax,
// and a probability per class for AUC and the studio's bars) or generation (greedy
// answer matched to a label), with or without the exemplar prompt, for any instruction
// variant. Multi-label tasks are always answered by generation (2^K answer sets cannot
// be scored).

#include "vitask/vitask/classification_metrics.h"
#include "vitask/vitask/task_corpus.h"
#include "vitask/vitask/work_sharding.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace vitask::recipe {

enum class AnswerMethod { Score, Generate };
AnswerMethod parseAnswerMethod(const std::string& name, const std::string& subject);
const char* answerMethodName(AnswerMethod method);

struct EvalOptions {
    AnswerMethod method = AnswerMethod::Score;
    bool withExemplar = false;
    InstructionVariant variant = InstructionVariant::Complete;
    uint64_t seed = 0;          // for the randomised instruction variants
    int64_t batchSize = 32;
    int64_t maxNewTokens = 16;  // generation
    // Data-parallel training: each process answers its block of the corpus and the
    // answers are gathered, so every process returns the whole evaluation.
    WorkSharding sharding;
};

struct SamplePrediction {
    int64_t index = 0;          // into the corpus
    int task = 0;
    std::string answer;         // generated text, or the best-scoring candidate
    std::string truth;          // the reference answer
    bool correct = false;
    bool unparseable = false;   // generation matched no label
    std::vector<double> probabilities;  // per class (scoring; empty for generation)
};

struct TaskEvaluation {
    std::string task;
    ClassificationMetrics metrics;
    int64_t unparseable = 0;
};

struct Evaluation {
    EvalOptions options;
    std::vector<TaskEvaluation> tasks;
    std::vector<SamplePrediction> predictions;
    double meanAccuracy() const;  // over tasks, as the paper averages over datasets
    double meanMacroF1() const;
    nlohmann::json summaryJson() const;    // options, per-task metrics, means
};

// onProgress(done, total) after each batch; return false to cancel (throws vitask::Error).
Evaluation evaluate(VitaskModel& model, const TaskCorpus& corpus, const EvalOptions& options,
                    const std::function<bool(int64_t, int64_t)>& onProgress = {});

nlohmann::json metricsJson(const ClassificationMetrics& metrics, const std::vector<std::string>& labels);

}  // namespace vitask::recipe
