#pragma once
// A group of training processes on PyTorch's own distributed engine, c10d: a TCPStore
// served by rank 0 for the rendezvous and a Gloo process group for the collectives (CPU
// tensors; CUDA tensors go through host memory). What the trainer needs of it and no
// more: sums, row gathers, broadcasts and barriers, every one bounded by the timeout
// given at join(), every failure (a rank that died, a timeout) a vitask::Error that
// says which process noticed and how to resume.
//
// c10d stays behind this header (pimpl): a build without it (available() false) still
// compiles everything, and join() explains what is missing.

#include "vitask/distributed/launch_environment.h"

#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace vitask::distributed {

// Whether this build can join a process group (LibTorch's c10d with Gloo was found).
bool available();

class ProcessGroup {
public:
    // Joins the group `env` describes (env.distributed() must be true). Waits at most
    // `timeout` for the others; every collective afterwards fails after it too.
    static std::unique_ptr<ProcessGroup> join(const LaunchEnvironment& env, std::chrono::milliseconds timeout);
    ~ProcessGroup();

    int rank() const { return rank_; }
    int size() const { return size_; }

    // Element-wise sums over the ranks, in place; every rank passes tensors of the same
    // shapes in the same order.
    void allReduceSum(std::vector<torch::Tensor>& tensors);
    // Every rank's `rows` [n_r, ...] concatenated in rank order; n_r may differ by rank.
    torch::Tensor allGatherRows(const torch::Tensor& rows);
    // Every rank's bytes, in rank order (results of a sharded pass, serialized).
    std::vector<std::string> allGatherBytes(const std::string& mine);
    // `tensor` of rank `root` copied into every rank's `tensor` (same shape everywhere).
    void broadcast(torch::Tensor& tensor, int root);
    void barrier();

    struct Impl;

private:
    ProcessGroup(std::unique_ptr<Impl> impl, int rank, int size);
    std::unique_ptr<Impl> impl_;
    int rank_ = 0, size_ = 1;
};

}  // namespace vitask::distributed
