#include "parallel_gzip.h"

#include "vitask/common/error.h"
#include "worker_threads.h"

#include <libdeflate.h>

#include <algorithm>
#include <memory>
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

void writeParallelGzip(const GzipBlocks& blocks, int level) {
    const std::size_t blockCount = std::max<std::size_t>(1, (blocks.totalBytes + blocks.blockBytes - 1) / blocks.blockBytes);
    std::vector<Lane> lanes(std::min(imagingThreads(64), blockCount));
    for (auto& lane : lanes) {
        lane.compressor.reset(libdeflate_alloc_compressor(level));
        if (!lane.compressor) throw Error("cannot start the gzip compressor (out of memory?)", "libdeflate");
        lane.input.resize(blocks.blockBytes);
        lane.output.resize(libdeflate_gzip_compress_bound(lane.compressor.get(), blocks.blockBytes));
    }
    // Rounds of one block per lane: compressed together, written in order.
    for (std::size_t first = 0; first < blockCount; first += lanes.size()) {
        const std::size_t inRound = std::min(lanes.size(), blockCount - first);
        const auto work = [&](std::size_t k) {
            auto& lane = lanes[k];
            const std::size_t offset = (first + k) * blocks.blockBytes;
            const std::size_t size = std::min(blocks.blockBytes, blocks.totalBytes - offset);
            blocks.fill(offset, size, lane.input.data());
            lane.outputSize = libdeflate_gzip_compress(lane.compressor.get(), lane.input.data(), size,
                                                       lane.output.data(), lane.output.size());
        };
        std::vector<std::thread> helpers;
        for (std::size_t k = 1; k < inRound; ++k) helpers.emplace_back(work, k);
        work(0);
        for (auto& helper : helpers) helper.join();
        for (std::size_t k = 0; k < inRound; ++k) {
            if (lanes[k].outputSize == 0) throw Error("gzip compression failed", "libdeflate");
            blocks.sink(lanes[k].output.data(), lanes[k].outputSize);
        }
    }
}

}  // namespace vitask::imaging::detail
