#pragma once
// Random allocation of individuals to units (../shared/spec/segregation.md §5):
// every unit keeps its total and every group its total, and individuals are
// placed at random: a multivariate hypergeometric draw, made unit by unit and
// group by group as a chain of univariate hypergeometric draws.
#include "regio/segregation/multigroup.hpp"

#include <cstdint>
#include <random>

namespace regio::segregation {

// Uniform doubles in [0, 1) from the 53 high bits of std::mt19937_64 (the
// engine is specified exactly by the standard; the distributions are not, so
// the same seed gives the same numbers with every standard library).
class Uniform {
public:
    explicit Uniform(std::uint64_t seed) : m_engine(seed) {}
    double operator()() { return static_cast<double>(m_engine() >> 11) * 0x1p-53; }

private:
    std::mt19937_64 m_engine;
};

// How many of `sample` individuals drawn without replacement from `good` +
// `bad` are good. Exact: small draws one by one, larger ones by Stadlober's
// ratio-of-uniforms rejection method (HRUA, 1989/1990), whose acceptance test
// uses the exact log-probabilities.
std::int64_t hypergeometric(std::int64_t good, std::int64_t bad, std::int64_t sample, Uniform& uniform);

// counts[m][i] re-drawn at random with the same unit and group totals. The
// counts must be whole numbers (DataError otherwise; checked by the caller).
GroupCounts random_allocation(const GroupCounts& counts, Uniform& uniform);

}  // namespace regio::segregation
