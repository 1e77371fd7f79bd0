#pragma once
// Splitting a pass over N samples among the processes of a data-parallel job: process
// `index` of `count` takes a contiguous block, and `allGather` hands every process every
// block's result (bytes, in process order). The recipe uses it for the TSM's features of
// a split and for evaluations; it knows nothing of how processes talk
// (vitask::distributed supplies allGather).

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace vitask::recipe {

struct WorkSharding {
    int index = 0;
    int count = 1;
    std::function<std::vector<std::string>(const std::string&)> allGather;  // needed when count > 1

    bool sharded() const { return count > 1; }
    // This process's block [begin, end) of `total` items.
    std::pair<int64_t, int64_t> range(int64_t total) const {
        return {total * index / count, total * (index + 1) / count};
    }
};

}  // namespace vitask::recipe
