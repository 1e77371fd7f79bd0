#pragma once
// Keys and values of past tokens for every decoder layer, preallocated to a fixed
// capacity so that decoding appends in place (no reallocation per token, stable
// addresses for CUDA graph replay).

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace vitask::model {

class KvCache {
public:
    KvCache(int64_t layers, int64_t batch, int64_t kvHeads, int64_t capacity, int64_t headDim,
            torch::TensorOptions options);

    int64_t length() const { return length_; }      // tokens stored
    int64_t capacity() const { return capacity_; }
    int64_t batch() const { return keys_.front().size(0); }

    // Stores k, v [B, kvHeads, T, headDim] of `layer` after the current length and returns
    // all keys and values of that layer including them [B, kvHeads, length + T, headDim].
    // Throws vitask::Error when the capacity would be exceeded.
    std::pair<torch::Tensor, torch::Tensor> append(size_t layer, const torch::Tensor& k,
                                                   const torch::Tensor& v);
    // Called once every layer has appended `tokens` new positions.
    void advance(int64_t tokens);

    // A cache for `rows` of this one (index into the batch), e.g. to share one prompt's
    // cache among several candidate answers.
    KvCache selectRows(const torch::Tensor& rows) const;

private:
    KvCache() = default;
    std::vector<torch::Tensor> keys_, values_;
    int64_t length_ = 0;
    int64_t capacity_ = 0;
};

}  // namespace vitask::model
