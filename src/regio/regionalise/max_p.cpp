// The runs of the max-p heuristic and the choice between them (see max_p.hpp).
#include "regio/regionalise/max_p.hpp"

#include "regio/error.hpp"
#include "regio/regionalise/random_order.hpp"

namespace regio::regionalise {

std::vector<double> Problem::sums(const std::vector<std::size_t>& members) const {
    std::vector<double> out(minimum.size(), 0.0);
    for (std::size_t k = 0; k < out.size(); ++k)
        for (std::size_t u : members) out[k] += values[k][u];
    return out;
}

bool Problem::meets(const std::vector<double>& s) const {
    for (std::size_t k = 0; k < minimum.size(); ++k)
        if (!(s[k] >= minimum[k])) return false;
    return true;
}

double compactness(const Problem& problem, const Partition& partition) {
    // Two passes over the units in input order: region centroids, then the
    // squared distances (a fixed order of additions: same sum every time).
    std::vector<double> wx(partition.regions, 0.0), wy(partition.regions, 0.0), w(partition.regions, 0.0);
    for (std::size_t u = 0; u < problem.size(); ++u) {
        const std::size_t r = partition.region_of[u];
        wx[r] += problem.weight[u] * problem.centroid[u].x;
        wy[r] += problem.weight[u] * problem.centroid[u].y;
        w[r] += problem.weight[u];
    }
    double total = 0;
    for (std::size_t u = 0; u < problem.size(); ++u) {
        const std::size_t r = partition.region_of[u];
        if (!(w[r] > 0)) continue;
        const double dx = problem.centroid[u].x - wx[r] / w[r], dy = problem.centroid[u].y - wy[r] / w[r];
        total += problem.weight[u] * (dx * dx + dy * dy);
    }
    return total;
}

RunStats run_stats(const Problem& problem, const Partition& partition) {
    RunStats s;
    s.regions = partition.regions;
    std::vector<std::vector<double>> sums(partition.regions, std::vector<double>(problem.minimum.size(), 0.0));
    for (std::size_t u = 0; u < problem.size(); ++u)
        for (std::size_t k = 0; k < problem.minimum.size(); ++k) sums[partition.region_of[u]][k] += problem.values[k][u];
    for (const auto& region_sums : sums) s.meeting += problem.meets(region_sums);
    s.compactness = compactness(problem, partition);
    return s;
}

MaxPResult regionalise(const Problem& problem, const MaxPOptions& options) {
    if (options.runs == 0) throw UsageError("--runs must be at least 1");
    const std::size_t n = problem.size();
    bool consistent = problem.neighbours.size() == n && problem.centroid.size() == n && problem.weight.size() == n &&
                      problem.values.size() == problem.minimum.size();
    for (const auto& column : problem.values) consistent = consistent && column.size() == n;
    if (!consistent) throw DataError("regionalise: units, neighbours, centroids and values differ in number");

    MaxPResult result;
    for (unsigned run = 0; run < options.runs; ++run) {
        RandomIndex random(run_seed(options.seed, run));
        Partition partition = grow_regions(problem, shuffled_order(n, random));
        const RunStats stats = run_stats(problem, partition);
        result.runs.push_back(stats);
        const RunStats& best = result.runs[result.chosen_run];
        // Strictly better only: on a full tie the earlier run stays.
        const bool better = run == 0 || stats.meeting > best.meeting ||
                            (stats.meeting == best.meeting && stats.compactness < best.compactness);
        if (better) {
            result.chosen_run = run;
            result.partition = std::move(partition);
        }
    }
    result.members.assign(result.partition.regions, {});
    for (std::size_t u = 0; u < n; ++u) result.members[result.partition.region_of[u]].push_back(u);
    for (const auto& members : result.members) result.meets.push_back(problem.meets(problem.sums(members)) ? 1 : 0);
    return result;
}

}  // namespace regio::regionalise
