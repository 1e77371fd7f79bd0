#include "vitask/distributed/process_group.h"

#include "vitask/common/error.h"

#ifdef VITASK_HAVE_C10D
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

#include <spdlog/spdlog.h>

#include <csignal>

namespace vitask::distributed {

#ifdef VITASK_HAVE_C10D

bool available() { return true; }

struct ProcessGroup::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
    int rank = 0, size = 1;

    // A collective's failure (a peer gone, a timeout) as the error the user reads.
    [[noreturn]] void fail(const char* what, const std::exception& e) const {
        throw Error(std::string(what) + " failed: " + e.what(),
                    "training process " + std::to_string(rank) + " of " + std::to_string(size),
                    "Another process of the run stopped or stopped answering (see its log). Resume with "
                    "`vitask train --resume RUN`, with the same or another number of processes.");
    }
    void wait(const char* what, const c10::intrusive_ptr<c10d::Work>& work) const {
        try {
            work->wait();
        } catch (const std::exception& e) {
            fail(what, e);
        }
    }
};

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl, int rank, int size)
    : impl_(std::move(impl)), rank_(rank), size_(size) {}

ProcessGroup::~ProcessGroup() = default;

std::unique_ptr<ProcessGroup> ProcessGroup::join(const LaunchEnvironment& env, std::chrono::milliseconds timeout) {
    // Gloo writes to its peers' sockets without MSG_NOSIGNAL: a peer that died would kill
    // this process with SIGPIPE instead of failing the exchange with a message. Python
    // ignores SIGPIPE from the start, which is why PyTorch users never meet this.
    std::signal(SIGPIPE, SIG_IGN);
    auto impl = std::make_unique<Impl>();
    impl->rank = env.rank;
    impl->size = env.worldSize;
    const std::string where = env.masterAddress + ":" + std::to_string(env.masterPort);
    try {
        c10d::TCPStoreOptions options;
        options.port = static_cast<uint16_t>(env.masterPort);
        options.isServer = env.rank == 0;
        options.numWorkers = env.worldSize;
        options.waitWorkers = true;
        options.timeout = timeout;
        impl->store = c10::make_intrusive<c10d::TCPStore>(env.masterAddress, options);
        auto gloo = c10d::ProcessGroupGloo::Options::create(timeout);
        // The interface that reaches the master (as torchrun's Gloo does by default).
        gloo->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        impl->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, env.rank, env.worldSize, gloo);
    } catch (const std::exception& e) {
        throw Error("could not join the process group at " + where + " within " +
                        std::to_string(timeout.count() / 1000) + " s: " + e.what(),
                    "training process " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize),
                    "Start every process with the same MASTER_ADDR and MASTER_PORT (rank 0 listens there), "
                    "and check that the port is free and reachable.");
    }
    spdlog::info("joined the process group at {} as rank {} of {} ({})", where, env.rank, env.worldSize, env.launcher);
    return std::unique_ptr<ProcessGroup>(new ProcessGroup(std::move(impl), env.rank, env.worldSize));
}

void ProcessGroup::allReduceSum(std::vector<torch::Tensor>& tensors) {
    for (auto& tensor : tensors) {
        // Gloo sums host tensors; CUDA ones make the trip through host memory.
        std::vector<torch::Tensor> host{tensor.is_cuda() ? tensor.to(torch::kCPU).contiguous() : tensor.contiguous()};
        impl_->wait("summing over the processes", impl_->gloo->allreduce(host));
        if (host[0].data_ptr() != tensor.data_ptr()) tensor.copy_(host[0]);
    }
}

namespace {

// Every rank's `rows` (host tensors), one per rank: Gloo gathers tensors of one shape, so
// the row counts first, then the rows padded to the largest count.
std::vector<torch::Tensor> gatherPerRank(ProcessGroup::Impl& impl, const torch::Tensor& rows) {
    std::vector<torch::Tensor> count{torch::tensor({rows.size(0)}, torch::kLong)};
    std::vector<std::vector<torch::Tensor>> counts(1);
    for (int r = 0; r < impl.size; ++r) counts[0].push_back(torch::empty({1}, torch::kLong));
    impl.wait("gathering row counts", impl.gloo->allgather(counts, count));
    int64_t most = 0;
    for (const auto& c : counts[0]) most = std::max(most, c.item<int64_t>());
    auto shape = rows.sizes().vec();
    std::vector<torch::Tensor> parts;
    if (most == 0) {  // nothing anywhere: Gloo is not asked to move zero bytes
        for (int r = 0; r < impl.size; ++r) parts.push_back(torch::empty(shape, rows.options().device(torch::kCPU)));
        return parts;
    }
    shape[0] = most;
    auto padded = torch::zeros(shape, rows.options().device(torch::kCPU));
    padded.narrow(0, 0, rows.size(0)).copy_(rows);
    std::vector<torch::Tensor> input{padded};
    std::vector<std::vector<torch::Tensor>> gathered(1);
    for (int r = 0; r < impl.size; ++r) gathered[0].push_back(torch::empty_like(padded));
    impl.wait("gathering rows", impl.gloo->allgather(gathered, input));
    for (int r = 0; r < impl.size; ++r)
        parts.push_back(gathered[0][static_cast<size_t>(r)].narrow(0, 0, counts[0][static_cast<size_t>(r)].item<int64_t>()));
    return parts;
}

}  // namespace

torch::Tensor ProcessGroup::allGatherRows(const torch::Tensor& rows) {
    return torch::cat(gatherPerRank(*impl_, rows)).to(rows.device());
}

std::vector<std::string> ProcessGroup::allGatherBytes(const std::string& mine) {
    const auto bytes = torch::from_blob(const_cast<char*>(mine.data()), {static_cast<int64_t>(mine.size())}, torch::kUInt8);
    std::vector<std::string> out;
    for (const auto& part : gatherPerRank(*impl_, bytes)) {
        const auto contiguous = part.contiguous();
        out.emplace_back(static_cast<const char*>(contiguous.data_ptr()), static_cast<size_t>(contiguous.numel()));
    }
    return out;
}

void ProcessGroup::broadcast(torch::Tensor& tensor, int root) {
    std::vector<torch::Tensor> host{tensor.is_cuda() ? tensor.to(torch::kCPU).contiguous() : tensor.contiguous()};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    impl_->wait("broadcasting", impl_->gloo->broadcast(host, options));
    if (host[0].data_ptr() != tensor.data_ptr()) tensor.copy_(host[0]);
}

void ProcessGroup::barrier() { impl_->wait("waiting for the other processes", impl_->gloo->barrier()); }

#else  // built without c10d

bool available() { return false; }

struct ProcessGroup::Impl {};
ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl, int rank, int size)
    : impl_(std::move(impl)), rank_(rank), size_(size) {}
ProcessGroup::~ProcessGroup() = default;

std::unique_ptr<ProcessGroup> ProcessGroup::join(const LaunchEnvironment& env, std::chrono::milliseconds) {
    throw Error("this build of vitask cannot train across processes (LibTorch's c10d with Gloo was not found)",
                "training process " + std::to_string(env.rank) + " of " + std::to_string(env.worldSize),
                "Install libgloo-dev (Debian) or use a LibTorch with distributed support, and rebuild; or run "
                "one process.");
}
void ProcessGroup::allReduceSum(std::vector<torch::Tensor>&) {}
torch::Tensor ProcessGroup::allGatherRows(const torch::Tensor& rows) { return rows; }
std::vector<std::string> ProcessGroup::allGatherBytes(const std::string& mine) { return {mine}; }
void ProcessGroup::broadcast(torch::Tensor&, int) {}
void ProcessGroup::barrier() {}

#endif

}  // namespace vitask::distributed
