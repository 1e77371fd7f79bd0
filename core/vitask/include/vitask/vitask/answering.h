#pragma once
// How a VITask model answers, for a batch of prompts whose images (and exemplars) are
// already embedded: label-set scoring (the log-likelihood of each candidate answer,
// teacher-forced in one pass) and greedy generation. The evaluator, `vitask infer` and
// the studio all answer through these two functions.

#include "vitask/vitask/vitask_model.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vitask::recipe {

// For row b: the summed log-probability of each of candidates[b]'s answers (token ids,
// EOS included) after prompts[b]. images [B, n, D]; exemplars [B, 1, D] or undefined.
std::vector<std::vector<double>> answerLogLikelihoods(VitaskModel& model,
                                                      const std::vector<std::vector<int64_t>>& prompts,
                                                      const torch::Tensor& images, const torch::Tensor& exemplars,
                                                      const std::vector<const std::vector<std::vector<int64_t>>*>& candidates);

// Softmax of log-likelihoods: the probability of each candidate among the candidates.
std::vector<double> candidateProbabilities(const std::vector<double>& logLikelihoods);

// Greedy answers, decoded. onText(row, textSoFar) after every token of every row
// (for streaming); return false to stop.
std::vector<std::string> generateAnswers(VitaskModel& model, const std::vector<std::vector<int64_t>>& prompts,
                                         const torch::Tensor& images, const torch::Tensor& exemplars,
                                         int64_t maxNewTokens,
                                         const std::function<bool(size_t, const std::string&)>& onText = {});

}  // namespace vitask::recipe
