#include "parallel_blocks.h"

#include "gzip_members.h"

#include "vitask/common/error.h"
#include "worker_threads.h"

#include <libdeflate.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace vitask::imaging::detail {
namespace {

struct CompressorCloser {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One worker's buffers, kept across rounds.
struct Lane {
    std::unique_ptr<libdeflate_compressor, CompressorCloser> compressor;
    std::vector<unsigned char> input, output;
    std::size_t outputSize = 0;
};

}  // namespace

void writeBlocksInParallel(const FileBlocks& blocks, int gzipLevel) {
    const std::size_t blockCount = std::max<std::size_t>(1, (blocks.totalBytes + blocks.blockBytes - 1) / blocks.blockBytes);
    std::vector<Lane> lanes(std::min(imagingThreads(64), blockCount));
    for (auto& lane : lanes) {
        lane.input.resize(blocks.blockBytes);
        if (gzipLevel == 0) continue;
        lane.compressor.reset(libdeflate_alloc_compressor(gzipLevel));
        if (!lane.compressor) throw Error("cannot start the gzip compressor (out of memory?)", "libdeflate");
        lane.output.resize(kMemberHeaderBytes + libdeflate_deflate_compress_bound(lane.compressor.get(), blocks.blockBytes) +
                           kMemberTrailerBytes);
    }
    // Rounds of one block per lane: made (and compressed) together, written in order.
    for (std::size_t first = 0; first < blockCount; first += lanes.size()) {
        const std::size_t inRound = std::min(lanes.size(), blockCount - first);
        std::exception_ptr failure;  // `fill` may throw (a file gone): stop after this round
        std::mutex failureMutex;
        const auto make = [&](std::size_t k) {
            auto& lane = lanes[k];
            const std::size_t offset = (first + k) * blocks.blockBytes;
            const std::size_t size = std::min(blocks.blockBytes, blocks.totalBytes - offset);
            blocks.fill(offset, size, lane.input.data());
            if (gzipLevel == 0) {
                lane.outputSize = size;
                return;
            }
            // A member that says its size (gzip_members.h), for readers to inflate in parallel.
            const std::size_t deflated =
                libdeflate_deflate_compress(lane.compressor.get(), lane.input.data(), size,
                                            lane.output.data() + kMemberHeaderBytes,
                                            lane.output.size() - kMemberHeaderBytes - kMemberTrailerBytes);
            lane.outputSize = 0;
            if (deflated == 0 && size > 0) return;
            finishMember(lane.output.data(), deflated, libdeflate_crc32(0, lane.input.data(), size),
                         static_cast<std::uint32_t>(size));
            lane.outputSize = kMemberHeaderBytes + deflated + kMemberTrailerBytes;
        };
        const auto work = [&](std::size_t k) {
            try {
                make(k);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure) failure = std::current_exception();
            }
        };
        std::vector<std::thread> helpers;
        for (std::size_t k = 1; k < inRound; ++k) helpers.emplace_back(work, k);
        work(0);
        for (auto& helper : helpers) helper.join();
        if (failure) std::rethrow_exception(failure);
        for (std::size_t k = 0; k < inRound; ++k) {
            const auto& lane = lanes[k];
            if (gzipLevel != 0 && lane.outputSize == 0) throw Error("gzip compression failed", "libdeflate");
            blocks.sink(gzipLevel == 0 ? lane.input.data() : lane.output.data(), lane.outputSize);
        }
    }
}

}  // namespace vitask::imaging::detail
