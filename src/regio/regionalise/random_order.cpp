#include "regio/regionalise/random_order.hpp"

#include <numeric>
#include <utility>

namespace regio::regionalise {

std::size_t RandomIndex::below(std::size_t n) {
    const std::uint64_t range = n;
    const std::uint64_t reject_below = (0 - range) % range;  // 2^64 mod n
    for (;;) {
        const std::uint64_t x = m_engine();
        if (x >= reject_below) return static_cast<std::size_t>(x % range);
    }
}

std::uint64_t run_seed(std::uint64_t seed, unsigned run) {
    // SplitMix64 (Steele, Lea, Flood 2014), as recommended for seeding.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(run) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::vector<std::size_t> shuffled_order(std::size_t n, RandomIndex& random) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    return order;
}

}  // namespace regio::regionalise
