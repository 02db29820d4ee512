#include "regio/segregation/simulation.hpp"

#include "regio/parallel.hpp"
#include "regio/regionalise/random_order.hpp"
#include "regio/segregation/random_allocation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace regio::segregation {
namespace {

Composition with_counts(const Composition& like, GroupCounts counts) {
    Composition out{like.mode, like.groups, {}, like.totals};
    if (like.mode == GroupMode::OneAgainstTotal) counts.resize(1);
    out.counts = std::move(counts);
    return out;
}

}  // namespace

double percentile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
    const double h = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::vector<SimulatedValue> simulate(const Composition& c, const Places& places, const IndexPlan& plan, const std::vector<double>& observed,
                                     const SimulationPlan& sim, std::uint64_t stream, const ProgressRange& progress) {
    const GroupCounts counts = partition_counts(c);
    IndexPlan one_thread = plan;  // the simulations run in parallel instead
    one_thread.threads = 1;
    const std::uint64_t stream_seed = regionalise::run_seed(sim.seed, static_cast<unsigned>(stream));
    std::vector<std::vector<double>> values(sim.simulations);  // [simulation][row]
    std::atomic<unsigned> done{0};
    parallel_for(sim.simulations, sim.threads, [&](std::size_t j, unsigned) {
        Uniform uniform(regionalise::run_seed(stream_seed, static_cast<unsigned>(j)));
        values[j] = index_values(with_counts(c, random_allocation(counts, uniform)), places, one_thread);
        const unsigned finished = ++done;
        if (finished % 16 == 0) progress(static_cast<double>(finished) / sim.simulations, "simulations");
    });
    std::vector<SimulatedValue> out(observed.size());
    std::vector<double> column;
    for (std::size_t r = 0; r < observed.size(); ++r) {
        column.clear();
        for (const auto& v : values)
            if (!std::isnan(v[r])) column.push_back(v[r]);
        if (std::isnan(observed[r]) || column.empty()) {
            const double nan = std::numeric_limits<double>::quiet_NaN();
            out[r] = {nan, nan, nan, nan};
            continue;
        }
        std::sort(column.begin(), column.end());
        double sum = 0;
        std::size_t at_or_above = 0;
        for (double v : column) {
            sum += v;
            at_or_above += v >= observed[r];
        }
        const auto n = static_cast<double>(column.size());
        out[r] = {sum / n, percentile(column, 0.025), percentile(column, 0.975), static_cast<double>(at_or_above) / n};
    }
    return out;
}

}  // namespace regio::segregation
