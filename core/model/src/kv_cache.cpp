#include "vitask/model/kv_cache.h"

#include "vitask/common/error.h"

namespace vitask::model {

KvCache::KvCache(int64_t layers, int64_t batch, int64_t kvHeads, int64_t capacity, int64_t headDim,
                 torch::TensorOptions options)
    : capacity_(capacity) {
    for (int64_t i = 0; i < layers; ++i) {
        keys_.push_back(torch::empty({batch, kvHeads, capacity, headDim}, options));
        values_.push_back(torch::empty({batch, kvHeads, capacity, headDim}, options));
    }
}

std::pair<torch::Tensor, torch::Tensor> KvCache::append(size_t layer, const torch::Tensor& k,
                                                        const torch::Tensor& v) {
    const int64_t tokens = k.size(2);
    if (length_ + tokens > capacity_)
        throw Error("the sequence needs " + std::to_string(length_ + tokens) +
                        " positions but the key/value cache holds " + std::to_string(capacity_),
                    "generation", "Lower max_new_tokens or shorten the prompt.");
    keys_[layer].narrow(2, length_, tokens).copy_(k);
    values_[layer].narrow(2, length_, tokens).copy_(v);
    return {keys_[layer].narrow(2, 0, length_ + tokens), values_[layer].narrow(2, 0, length_ + tokens)};
}

void KvCache::advance(int64_t tokens) { length_ += tokens; }

KvCache KvCache::selectRows(const torch::Tensor& rows) const {
    KvCache copy;
    copy.length_ = length_;
    copy.capacity_ = capacity_;
    for (size_t i = 0; i < keys_.size(); ++i) {
        copy.keys_.push_back(keys_[i].index_select(0, rows));
        copy.values_.push_back(values_[i].index_select(0, rows));
    }
    return copy;
}

}  // namespace vitask::model
