#pragma once
// A batch of prompt + response token sequences for teacher-forced passes: training (the
// loss is on response tokens only) and label-set scoring (the log-likelihood of each
// candidate answer). Rows are right-padded; only the outputs that predict a response
// token are kept, so the output head runs on a handful of rows instead of B x T.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace vitask::recipe {

struct ResponseBatch {
    torch::Tensor ids;        // [B, T] long, right-padded with padId
    torch::Tensor mask;       // [B, T] bool, true on real tokens
    torch::Tensor predictAt;  // [M] long: flat index b*T + t of every output that predicts a response token
    torch::Tensor targets;    // [M] long: the response token predicted there
    torch::Tensor rowOf;      // [M] long: the row b of each target
    // The same outputs as a window per row, for models that compute only the positions
    // asked for (LlavaModelImpl::decodeAt): [B, W] long positions t (W: the longest
    // response; a shorter row repeats its last position), and [M] long: the flat index
    // b*W + k of each target's output in that window (predictAt's order).
    torch::Tensor window;
    torch::Tensor predictInWindow;

    int64_t rows() const { return ids.size(0); }
    ResponseBatch to(torch::Device device) const;
};

// prompts[i] + responses[i] per row. Every response must have at least one token
// (the answer is trained with its closing EOS). Throws vitask::Error otherwise.
ResponseBatch buildResponseBatch(const std::vector<std::vector<int64_t>>& prompts,
                                 const std::vector<std::vector<int64_t>>& responses, int64_t padId);

}  // namespace vitask::recipe
