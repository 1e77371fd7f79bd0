#pragma once
// Answers to figures, booked as the CLI books them, so that the studio's figures are
// `vitask eval`'s and `vitask tsm eval`'s: the VLM's answers by recipe::evaluate's rule,
// the TSM's probabilities by recipe::evaluateTsm's, both through core/vitask's
// ClassificationMetrics.

#include "vitask/service/dataset_evaluation.h"
#include "vitask/tsm/tsm.h"
#include "vitask/vitask/classification_metrics.h"
#include "vitask/vitask/evaluator.h"
#include "vitask/vitask/task_corpus.h"

#include <string>
#include <vector>

namespace vitask::service::detail {

// The evaluator's rule: an answer is matched to one of `labels` (multi-label: each
// comma-separated finding); an unparseable single-label answer is booked as the class
// after the truth, so that it counts wrong and shows off the confusion matrix's diagonal;
// scoring's probabilities feed the AUC when every sample has them. `predictions[i]` is
// corpus sample predictions[i].index; their `correct` and `unparseable` are filled in.
recipe::ClassificationMetrics bookAnswers(std::vector<recipe::SamplePrediction>& predictions,
                                          const recipe::TaskCorpus& corpus, const std::vector<std::string>& labels,
                                          bool multiLabel, int64_t* unparseable);

// Which of the TSM's outputs are the dataset's classes, as `vitask tsm eval` picks them: a
// built-in TSM's label group named after the dataset, else all of them when they are as
// many as the classes. Throws vitask::Error saying which when neither.
struct TsmColumns {
    int64_t offset = 0;
    int64_t count = 0;
};
TsmColumns tsmColumnsFor(const tsm::Tsm& tsm, const std::string& datasetName, int classCount);

// The TSM's probabilities of the dataset's classes [N, classes] booked as evaluateTsm
// books them: the most probable class; multi-label: every label from 0.5.
recipe::ClassificationMetrics bookTsm(const std::vector<std::vector<double>>& probabilities,
                                      const recipe::TaskCorpus& corpus, bool multiLabel);
// The labels the TSM gives one sample (single-label: one), by the same rule.
std::vector<int64_t> tsmPredicted(const std::vector<double>& probabilities, bool multiLabel);

SystemMetrics plainMetrics(const recipe::ClassificationMetrics& metrics, const std::vector<std::string>& labels,
                           int64_t unparseable);

}  // namespace vitask::service::detail
