#pragma once
// Text generation and answer scoring with a LLaVA model and its key/value cache.

#include "vitask/model/llava_model.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace vitask::model {

struct GenerationOptions {
    int64_t maxNewTokens = 64;
    int64_t minNewTokens = 0;    // stop tokens are suppressed until this many were generated
    bool greedy = true;          // false: sample with temperature / top-k / top-p
    double temperature = 1.0;
    int64_t topK = 0;            // 0: no top-k filter
    double topP = 1.0;           // nucleus sampling threshold; 1: no filter
    uint64_t seed = 0;           // sampling is reproducible for a given seed
    std::vector<int64_t> stopTokenIds;  // empty: the model's EOS
};

enum class FinishReason { Stop, Length, Cancelled };

struct GeneratedText {
    std::vector<int64_t> tokens;    // new tokens, the stop token included when one ended it
    std::vector<float> logProbs;    // log-probability of each token when it was chosen
    FinishReason finish = FinishReason::Length;
};

// Called once per new token of each row, in order. Return false to stop generating
// (every row then finishes with FinishReason::Cancelled).
using TokenCallback = std::function<bool(size_t row, int64_t token)>;

// Generates for a batch of prompts (token ids, image placeholders included; rows may
// differ in length and are left-padded). `substitutions` replace placeholder tokens
// (images, exemplars) in row order.
std::vector<GeneratedText> generate(LlavaModelImpl& model,
                                    const std::vector<std::vector<int64_t>>& prompts,
                                    const std::vector<EmbeddingSubstitution>& substitutions,
                                    const GenerationOptions& options,
                                    const TokenCallback& onToken = {});

struct CandidateScore {
    double logLikelihood = 0;   // sum of the log-probabilities of the candidate's tokens
    int64_t tokens = 0;
    double probability = 0;     // softmax of logLikelihood over the candidates
};

// Log-likelihood of each candidate answer (token ids, e.g. a label name followed by
// EOS) after one prompt, in one batched pass that shares the prompt's key/value cache.
std::vector<CandidateScore> scoreCandidates(LlavaModelImpl& model, const std::vector<int64_t>& prompt,
                                            const std::vector<EmbeddingSubstitution>& substitutions,
                                            const std::vector<std::vector<int64_t>>& candidates);

}  // namespace vitask::model
