#include "vitask/vitask/answering.h"

#include "vitask/model/generation.h"

#include <algorithm>
#include <cmath>

namespace vitask::recipe {

std::vector<std::vector<double>> answerLogLikelihoods(VitaskModel& model,
                                                      const std::vector<std::vector<int64_t>>& prompts,
                                                      const torch::Tensor& images, const torch::Tensor& exemplars,
                                                      const std::vector<const std::vector<std::vector<int64_t>>*>& candidates) {
    std::vector<std::vector<int64_t>> rowPrompts, rowAnswers;
    std::vector<int64_t> rowSample;
    for (size_t b = 0; b < prompts.size(); ++b)
        for (const auto& answer : *candidates[b]) {
            rowPrompts.push_back(prompts[b]);
            rowAnswers.push_back(answer);
            rowSample.push_back(static_cast<int64_t>(b));
        }
    const auto batch = buildResponseBatch(rowPrompts, rowAnswers, 0).to(model.device());
    const auto which = torch::tensor(rowSample, torch::kLong).to(model.device());
    const auto logits = model.responseLogits(batch, images.index_select(0, which),
                                             exemplars.defined() ? exemplars.index_select(0, which) : torch::Tensor());
    const auto tokenLogProbs =
        torch::log_softmax(logits.to(torch::kFloat32), -1).gather(1, batch.targets.unsqueeze(1)).squeeze(1);
    const auto rows = torch::zeros({batch.rows()}, tokenLogProbs.options())
                          .index_add_(0, batch.rowOf, tokenLogProbs)
                          .to(torch::kCPU, torch::kFloat64);
    const auto* values = rows.data_ptr<double>();
    std::vector<std::vector<double>> out(prompts.size());
    for (size_t r = 0; r < rowSample.size(); ++r) out[static_cast<size_t>(rowSample[r])].push_back(values[r]);
    return out;
}

std::vector<double> candidateProbabilities(const std::vector<double>& logLikelihoods) {
    if (logLikelihoods.empty()) return {};
    const double top = *std::max_element(logLikelihoods.begin(), logLikelihoods.end());
    std::vector<double> out;
    double sum = 0;
    for (double v : logLikelihoods) sum += out.emplace_back(std::exp(v - top));
    for (auto& v : out) v /= sum;
    return out;
}

std::vector<std::string> generateAnswers(VitaskModel& model, const std::vector<std::vector<int64_t>>& prompts,
                                         const torch::Tensor& images, const torch::Tensor& exemplars,
                                         int64_t maxNewTokens,
                                         const std::function<bool(size_t, const std::string&)>& onText) {
    std::vector<model::EmbeddingSubstitution> substitutions{{model.vlm().config().imageTokenId, images}};
    if (exemplars.defined()) substitutions.push_back({kExemplarTokenId, exemplars});
    model::GenerationOptions options;
    options.maxNewTokens = maxNewTokens;
    const auto& tokenizer = model.pipeline().tokenizer();
    std::vector<std::vector<int64_t>> soFar(prompts.size());
    model::TokenCallback onToken;
    if (onText)
        onToken = [&](size_t row, int64_t token) {
            soFar[row].push_back(token);
            return onText(row, tokenizer.decode(soFar[row]));
        };
    const auto generated = model::generate(model.vlm(), prompts, substitutions, options, onToken);
    std::vector<std::string> answers;
    for (const auto& g : generated) answers.push_back(tokenizer.decode(g.tokens));
    return answers;
}

}  // namespace vitask::recipe
