#include "vitask/model/generation.h"

#include "vitask/common/error.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>

namespace vitask::model {
namespace {

torch::Device deviceOf(LlavaModelImpl& model) { return model.parameters().front().device(); }

// Left-pads prompts into ids and mask [B, T] on `device`.
std::pair<torch::Tensor, torch::Tensor> leftPad(const std::vector<std::vector<int64_t>>& prompts,
                                                int64_t padId, torch::Device device) {
    size_t longest = 0;
    for (const auto& p : prompts) longest = std::max(longest, p.size());
    if (prompts.empty() || longest == 0)
        throw Error("no prompt tokens to generate from", "generation", "Give a non-empty prompt.");
    const auto rows = static_cast<int64_t>(prompts.size()), width = static_cast<int64_t>(longest);
    auto ids = torch::full({rows, width}, padId, torch::kLong);
    auto mask = torch::zeros({rows, width}, torch::kBool);
    for (int64_t r = 0; r < rows; ++r) {
        const auto& p = prompts[r];
        const int64_t start = width - static_cast<int64_t>(p.size());
        if (p.empty()) continue;
        ids[r].slice(0, start) = torch::tensor(p, torch::kLong);
        mask[r].slice(0, start).fill_(true);
    }
    return {ids.to(device), mask.to(device)};
}

// Next-token choice from logits [B, V] (float32): greedy, or sampled after temperature,
// top-k and top-p filtering. Sampling runs on the CPU with a seeded generator, so the
// same seed gives the same text on any device.
torch::Tensor chooseTokens(const torch::Tensor& logits, const GenerationOptions& options,
                           at::Generator& generator) {
    if (options.greedy) return logits.argmax(-1);
    if (options.temperature <= 0)
        throw Error("temperature must be positive for sampling", "temperature", "Use --greedy instead of 0.");
    auto scores = (logits / options.temperature).to(torch::kCPU, torch::kFloat32);
    if (options.topK > 0 && options.topK < scores.size(-1)) {
        const auto kth = std::get<0>(scores.topk(options.topK, -1)).narrow(-1, options.topK - 1, 1);
        scores = scores.masked_fill(scores < kth, -std::numeric_limits<float>::infinity());
    }
    if (options.topP < 1.0) {
        const auto [sorted, order] = scores.sort(-1, /*descending=*/true);
        const auto cumulative = sorted.softmax(-1).cumsum(-1);
        // Drop a token when the tokens ranked before it already reach top_p.
        auto drop = (cumulative - sorted.softmax(-1)) >= options.topP;
        scores = scores.scatter(-1, order, sorted.masked_fill(drop, -std::numeric_limits<float>::infinity()));
    }
    return scores.softmax(-1).multinomial(1, false, generator).squeeze(-1).to(logits.device());
}

}  // namespace

std::vector<GeneratedText> generate(LlavaModelImpl& model, const std::vector<std::vector<int64_t>>& prompts,
                                    const std::vector<EmbeddingSubstitution>& substitutions,
                                    const GenerationOptions& options, const TokenCallback& onToken) {
    torch::NoGradGuard noGrad;
    const auto device = deviceOf(model);
    const auto& text = model.config().text;
    const auto stops = options.stopTokenIds.empty() ? std::vector<int64_t>{text.eosTokenId} : options.stopTokenIds;
    auto [ids, mask] = leftPad(prompts, text.padTokenId.value_or(0), device);
    const int64_t rows = ids.size(0);

    auto embeddings = model.embedInputs(ids, substitutions);
    auto cache = model.language_model->makeCache(rows, ids.size(1) + options.maxNewTokens, embeddings.options());
    auto positions = positionsFromMask(mask);
    auto hidden = model.decode(embeddings, positions, mask, &cache);
    auto generator = at::detail::createCPUGenerator(options.seed);

    std::vector<GeneratedText> results(rows);
    std::vector<bool> done(rows, false);
    auto lastPositions = positions.select(1, positions.size(1) - 1);
    for (int64_t step = 0; step < options.maxNewTokens; ++step) {
        auto logits = model.logits(hidden.select(1, hidden.size(1) - 1)).to(torch::kFloat32);
        if (step < options.minNewTokens)  // as transformers' MinNewTokensLogitsProcessor
            for (int64_t stop : stops) logits.select(1, stop).fill_(-std::numeric_limits<float>::infinity());
        const auto tokens = chooseTokens(logits, options, generator);
        const auto logProbs = logits.log_softmax(-1).gather(-1, tokens.unsqueeze(-1)).squeeze(-1).cpu();
        const auto chosen = tokens.cpu();
        bool cancelled = false;
        for (int64_t r = 0; r < rows && !cancelled; ++r) {
            if (done[r]) continue;
            const int64_t token = chosen[r].item<int64_t>();
            results[r].tokens.push_back(token);
            results[r].logProbs.push_back(logProbs[r].item<float>());
            if (std::find(stops.begin(), stops.end(), token) != stops.end()) {
                done[r] = true;
                results[r].finish = FinishReason::Stop;
            }
            if (onToken && !onToken(static_cast<size_t>(r), token)) cancelled = true;
        }
        if (cancelled) {
            for (int64_t r = 0; r < rows; ++r)
                if (!done[r]) results[r].finish = FinishReason::Cancelled;
            break;
        }
        if (std::all_of(done.begin(), done.end(), [](bool d) { return d; })) break;
        if (step + 1 == options.maxNewTokens) break;  // no need to run the model again

        mask = torch::cat({mask, torch::ones({rows, 1}, mask.options())}, 1);
        lastPositions = lastPositions + 1;
        hidden = model.decode(model.embedInputs(tokens.unsqueeze(1), {}), lastPositions.unsqueeze(1), mask, &cache);
    }
    return results;
}

std::vector<CandidateScore> scoreCandidates(LlavaModelImpl& model, const std::vector<int64_t>& prompt,
                                            const std::vector<EmbeddingSubstitution>& substitutions,
                                            const std::vector<std::vector<int64_t>>& candidates) {
    torch::NoGradGuard noGrad;
    if (candidates.empty()) return {};
    const auto device = deviceOf(model);
    size_t longest = 0;
    for (const auto& c : candidates) {
        if (c.empty()) throw Error("a candidate answer has no tokens", "label set", "Give every label a name.");
        longest = std::max(longest, c.size());
    }
    const auto count = static_cast<int64_t>(candidates.size());
    const auto width = static_cast<int64_t>(longest);
    const auto promptLength = static_cast<int64_t>(prompt.size());

    // The prompt once, batch 1.
    const auto ids = torch::tensor(prompt, torch::kLong).unsqueeze(0).to(device);
    auto embeddings = model.embedInputs(ids, substitutions);
    auto cache = model.language_model->makeCache(1, promptLength + width, embeddings.options());
    const auto promptMask = torch::ones({1, promptLength}, torch::dtype(torch::kBool).device(device));
    const auto promptHidden = model.decode(embeddings, positionsFromMask(promptMask), promptMask, &cache);
    const auto firstLogits = model.logits(promptHidden.select(1, promptLength - 1)).to(torch::kFloat32);

    // All candidates at once on copies of the prompt's cache, right-padded: causal
    // attention keeps padding after a candidate from influencing its tokens.
    auto shared = cache.selectRows(torch::zeros({count}, torch::dtype(torch::kLong).device(device)));
    auto tokens = torch::zeros({count, width}, torch::kLong);
    for (int64_t i = 0; i < count; ++i)
        tokens[i].slice(0, 0, static_cast<int64_t>(candidates[i].size())) = torch::tensor(candidates[i], torch::kLong);
    tokens = tokens.to(device);
    const auto positions = torch::arange(promptLength, promptLength + width, tokens.options()).unsqueeze(0).expand({count, width});
    const auto keyMask = torch::ones({count, promptLength + width}, promptMask.options());
    const auto hidden = model.decode(model.embedInputs(tokens, {}), positions, keyMask, &shared);
    // Logits predicting candidate token j: the prompt's last position for j = 0, else
    // the candidate's position j - 1.
    const auto logits = torch::cat({firstLogits.expand({count, -1}).unsqueeze(1),
                                    model.logits(hidden.slice(1, 0, width - 1)).to(torch::kFloat32)},
                                   1);
    const auto tokenLogProbs = logits.log_softmax(-1).gather(-1, tokens.unsqueeze(-1)).squeeze(-1).cpu();

    std::vector<CandidateScore> scores(count);
    std::vector<double> totals;
    for (int64_t i = 0; i < count; ++i) {
        const auto n = static_cast<int64_t>(candidates[i].size());
        scores[i].tokens = n;
        scores[i].logLikelihood = tokenLogProbs[i].slice(0, 0, n).sum().item<double>();
        totals.push_back(scores[i].logLikelihood);
    }
    const auto probabilities = torch::tensor(totals, torch::kFloat64).softmax(0);
    for (int64_t i = 0; i < count; ++i) scores[i].probability = probabilities[i].item<double>();
    return scores;
}

}  // namespace vitask::model
