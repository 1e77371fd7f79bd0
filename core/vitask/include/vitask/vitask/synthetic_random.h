#pragma once
// SyntheticRandom: reproducible random numbers for synthetic datasets and dataset splits.
// std::mt19937_64's output sequence is fixed by the C++ standard, but the standard
// distributions (uniform_real_distribution, normal_distribution, shuffle) are not: each
// library computes them its own way. So every distribution is written out here, and
// the same seed gives the same images and splits with any compiler and library.

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace vitask::recipe {

class SyntheticRandom {
public:
    explicit SyntheticRandom(uint64_t seed) : engine_(seed) {}

    // A seed derived from a parent seed and a stream number (SplitMix64 finaliser), so
    // that each sample draws from its own stream: sample i of the test split is the same
    // whatever the size of the train split.
    static uint64_t derive(uint64_t seed, uint64_t stream);

    uint64_t next() { return engine_(); }
    double uniform();                      // [0, 1), 53 random bits
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    int64_t below(int64_t n);              // [0, n), unbiased (rejection sampling)
    bool chance(double p) { return uniform() < p; }
    double normal();                       // standard normal (Box-Muller, one value per call)
    double normal(double mean, double sd) { return mean + sd * normal(); }

    template <typename T>
    void shuffle(std::vector<T>& values) {  // Fisher-Yates
        for (size_t i = values.size(); i > 1; --i)
            std::swap(values[i - 1], values[static_cast<size_t>(below(static_cast<int64_t>(i)))]);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace vitask::recipe
