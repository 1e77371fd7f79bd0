#include "vitask/vitask/synthetic_random.h"

#include <cmath>

namespace vitask::recipe {

uint64_t SyntheticRandom::derive(uint64_t seed, uint64_t stream) {
    uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double SyntheticRandom::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

int64_t SyntheticRandom::below(int64_t n) {
    if (n <= 1) return 0;
    const uint64_t range = static_cast<uint64_t>(n);
    const uint64_t limit = UINT64_MAX - UINT64_MAX % range;  // values >= limit would bias low numbers
    uint64_t value = next();
    while (value >= limit) value = next();
    return static_cast<int64_t>(value % range);
}

double SyntheticRandom::normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

}  // namespace vitask::recipe
