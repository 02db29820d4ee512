#pragma once
// Seeded orders for the runs of the heuristic. std::mt19937_64 is specified
// exactly by the standard; the distributions are not (libstdc++ and libc++
// differ), so the index draw is our own and the same seed gives the same
// regions with every standard library.
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace regio::regionalise {

class RandomIndex {
public:
    explicit RandomIndex(std::uint64_t seed) : m_engine(seed) {}
    // Uniform in [0, n), n >= 1: rejection of the 2^64 mod n lowest draws
    // leaves a multiple of n equally likely values (no modulo bias).
    std::size_t below(std::size_t n);

private:
    std::mt19937_64 m_engine;
};

// The engine seed of run `run`: SplitMix64 of the user's seed and the run
// index, so that runs are independent of each other (and of how many there are).
std::uint64_t run_seed(std::uint64_t seed, unsigned run);

// 0..n-1 shuffled by Fisher-Yates.
std::vector<std::size_t> shuffled_order(std::size_t n, RandomIndex& random);

}  // namespace regio::regionalise
