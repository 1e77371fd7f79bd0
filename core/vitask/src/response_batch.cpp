#include "vitask/vitask/response_batch.h"

#include "vitask/common/error.h"

#include <algorithm>

namespace vitask::recipe {

ResponseBatch ResponseBatch::to(torch::Device device) const {
    return {ids.to(device),   mask.to(device),   predictAt.to(device),      targets.to(device),
            rowOf.to(device), window.to(device), predictInWindow.to(device)};
}

ResponseBatch buildResponseBatch(const std::vector<std::vector<int64_t>>& prompts,
                                 const std::vector<std::vector<int64_t>>& responses, int64_t padId) {
    if (prompts.size() != responses.size() || prompts.empty())
        throw Error("a response batch needs one response per prompt and at least one row (got " +
                        std::to_string(prompts.size()) + " prompts, " + std::to_string(responses.size()) +
                        " responses)",
                    "response batch");
    size_t longest = 0, longestResponse = 0;
    for (size_t b = 0; b < prompts.size(); ++b) {
        if (prompts[b].empty() || responses[b].empty())
            throw Error("row " + std::to_string(b) + " has an empty prompt or response", "response batch");
        longest = std::max(longest, prompts[b].size() + responses[b].size());
        longestResponse = std::max(longestResponse, responses[b].size());
    }
    const auto windowWidth = static_cast<int64_t>(longestResponse);
    const auto rows = static_cast<int64_t>(prompts.size());
    const auto width = static_cast<int64_t>(longest);
    std::vector<int64_t> ids(static_cast<size_t>(rows * width), padId);
    std::vector<uint8_t> mask(ids.size(), 0);
    std::vector<int64_t> predictAt, targets, rowOf, window, predictInWindow;
    for (int64_t b = 0; b < rows; ++b) {
        const auto& prompt = prompts[static_cast<size_t>(b)];
        const auto& response = responses[static_cast<size_t>(b)];
        auto* row = ids.data() + b * width;
        std::copy(prompt.begin(), prompt.end(), row);
        std::copy(response.begin(), response.end(), row + prompt.size());
        std::fill_n(mask.data() + b * width, prompt.size() + response.size(), 1);
        // The output at position t predicts token t + 1.
        for (size_t k = 0; k < response.size(); ++k) {
            predictAt.push_back(b * width + static_cast<int64_t>(prompt.size() + k) - 1);
            targets.push_back(response[k]);
            rowOf.push_back(b);
            predictInWindow.push_back(b * windowWidth + static_cast<int64_t>(k));
        }
        for (size_t k = 0; k < static_cast<size_t>(windowWidth); ++k)
            window.push_back(static_cast<int64_t>(prompt.size() + std::min(k, response.size() - 1)) - 1);
    }
    const auto longs = torch::TensorOptions().dtype(torch::kLong);
    ResponseBatch batch;
    batch.ids = torch::from_blob(ids.data(), {rows, width}, longs).clone();
    batch.mask = torch::from_blob(mask.data(), {rows, width}, torch::TensorOptions().dtype(torch::kUInt8))
                     .to(torch::kBool);
    const auto m = static_cast<int64_t>(targets.size());
    batch.predictAt = torch::from_blob(predictAt.data(), {m}, longs).clone();
    batch.targets = torch::from_blob(targets.data(), {m}, longs).clone();
    batch.rowOf = torch::from_blob(rowOf.data(), {m}, longs).clone();
    batch.window = torch::from_blob(window.data(), {rows, windowWidth}, longs).clone();
    batch.predictInWindow = torch::from_blob(predictInWindow.data(), {m}, longs).clone();
    return batch;
}

}  // namespace vitask::recipe
