#include "vitask/distributed/gradient_averaging.h"

namespace vitask::distributed {
namespace {

// One bucket: its parameters' gradients flattened into one tensor, summed over the
// group, and copied back divided by the group's size.
void averageBucket(ProcessGroup& group, const std::vector<torch::Tensor>& bucket) {
    std::vector<torch::Tensor> flat;
    flat.reserve(bucket.size());
    for (const auto& p : bucket) flat.push_back(p.grad().defined() ? p.grad().reshape(-1) : torch::zeros({p.numel()}, p.options()));
    std::vector<torch::Tensor> joined{torch::cat(flat)};
    group.allReduceSum(joined);
    joined[0].div_(static_cast<double>(group.size()));
    int64_t offset = 0;
    for (const auto& p : bucket) {
        auto values = joined[0].narrow(0, offset, p.numel()).view(p.sizes());
        offset += p.numel();
        if (p.grad().defined())
            p.mutable_grad().copy_(values);
        else
            p.mutable_grad() = values.clone();
    }
}

}  // namespace

void averageGradients(ProcessGroup& group, const std::vector<torch::Tensor>& parameters, int64_t bucketBytes) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> bucket;
    int64_t bytes = 0;
    for (const auto& p : parameters) {
        // Buckets hold one dtype and device each (torch::cat needs it).
        if (!bucket.empty() && (p.scalar_type() != bucket.front().scalar_type() || p.device() != bucket.front().device())) {
            averageBucket(group, bucket);
            bucket.clear();
            bytes = 0;
        }
        bucket.push_back(p);
        bytes += p.numel() * static_cast<int64_t>(p.element_size());
        if (bytes >= bucketBytes) {
            averageBucket(group, bucket);
            bucket.clear();
            bytes = 0;
        }
    }
    if (!bucket.empty()) averageBucket(group, bucket);
}

}  // namespace vitask::distributed
