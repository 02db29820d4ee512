#pragma once
// Expected values under random allocation (../shared/spec/segregation.md §5):
// the indices recomputed on N random allocations that keep every unit's and
// every group's total. Small units inflate D; the expected value shows by how
// much.
#include "regio/progress.hpp"
#include "regio/segregation/index_set.hpp"

#include <cstdint>
#include <vector>

namespace regio::segregation {

struct SimulatedValue {
    double expected = 0;  // mean over the simulations
    double ci_low = 0;    // 2.5th percentile
    double ci_high = 0;   // 97.5th percentile
    double p_value = 0;   // share of simulations at or above the observed value
};

struct SimulationPlan {
    unsigned simulations = 99;
    std::uint64_t seed = 1;
    unsigned threads = 1;
};

// One result per observed value (NaN where the observed value is NaN).
// Simulation j draws from its own engine seeded by SplitMix64 of (seed,
// stream, j), so the numbers depend neither on the thread count nor on the
// other streams. Percentiles interpolate linearly between order statistics
// (type 7 of Hyndman & Fan, R's default).
std::vector<SimulatedValue> simulate(const Composition& composition, const Places& places, const IndexPlan& plan,
                                     const std::vector<double>& observed, const SimulationPlan& simulation, std::uint64_t stream,
                                     const ProgressRange& progress);

// The percentile q in [0, 1] of sorted values (type 7).
double percentile(const std::vector<double>& sorted, double q);

}  // namespace regio::segregation
