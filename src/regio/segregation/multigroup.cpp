#include "regio/segregation/multigroup.hpp"
#include "regio/segregation/undefined_index.hpp"

#include <cmath>

namespace regio::segregation {
namespace {

std::size_t unit_count(const GroupCounts& c) { return c.empty() ? 0 : c.front().size(); }

std::vector<double> unit_totals(const GroupCounts& c) {
    std::vector<double> t(unit_count(c), 0.0);
    for (const auto& group : c)
        for (std::size_t i = 0; i < t.size(); ++i) t[i] += group[i];
    return t;
}

// pi_m of the whole population, and T.
std::vector<double> group_shares(const GroupCounts& c, double& total) {
    std::vector<double> shares;
    total = 0;
    for (const auto& group : c) {
        double sum = 0;
        for (double v : group) sum += v;
        shares.push_back(sum);
        total += sum;
    }
    if (total > 0)
        for (double& s : shares) s /= total;
    return shares;
}

double minus_p_ln_p(double p) { return p > 0 ? -p * std::log(p) : 0.0; }

// E_i of unit i (0 for an empty unit).
double unit_entropy(const GroupCounts& c, std::size_t i, double t_i) {
    if (!(t_i > 0)) return 0.0;
    double e = 0;
    for (const auto& group : c) e += minus_p_ln_p(group[i] / t_i);
    return e;
}

}  // namespace

MultigroupIndices multigroup_indices(const GroupCounts& counts) {
    double T = 0;
    const std::vector<double> pi = group_shares(counts, T);
    double I = 0, E = 0;
    for (double p : pi) {
        I += p * (1 - p);
        E += minus_p_ln_p(p);
    }
    if (!(T > 0)) return {kUndefinedIndex, kUndefinedIndex, kUndefinedIndex, kUndefinedIndex};
    // Unit totals summed on the way (no per-unit array: this runs on worker
    // threads, whose allocations would stay resident in their own heaps).
    double spread = 0, diversity_loss = 0;
    for (std::size_t i = 0; i < unit_count(counts); ++i) {
        double t_i = 0;
        for (const auto& group : counts) t_i += group[i];
        if (!(t_i > 0)) continue;
        double E_i = 0;
        for (std::size_t m = 0; m < counts.size(); ++m) {
            const double share = counts[m][i] / t_i;
            spread += t_i * std::abs(share - pi[m]);
            E_i += minus_p_ln_p(share);
        }
        diversity_loss += t_i * (E - E_i);
    }
    // One group holding everybody: E = I = 0 and the indices are undefined.
    const double M = E > 0 ? diversity_loss / T : kUndefinedIndex;
    return {I > 0 ? spread / (2 * T * I) : kUndefinedIndex, E, E > 0 ? M / E : kUndefinedIndex, M};
}

double multigroup_dissimilarity(const GroupCounts& counts) { return multigroup_indices(counts).dissimilarity; }
double diversity(const GroupCounts& counts) { return multigroup_indices(counts).diversity; }
double mutual_information(const GroupCounts& counts) { return multigroup_indices(counts).mutual_information; }
double multigroup_entropy(const GroupCounts& counts) { return multigroup_indices(counts).entropy; }

MutualInformationSplit split_mutual_information(const GroupCounts& counts, const std::vector<std::size_t>& part_of, std::size_t parts) {
    MutualInformationSplit s;
    s.total = mutual_information(counts);
    GroupCounts merged(counts.size(), std::vector<double>(parts, 0.0));
    std::vector<GroupCounts> members(parts, GroupCounts(counts.size()));
    for (std::size_t i = 0; i < unit_count(counts); ++i)
        for (std::size_t m = 0; m < counts.size(); ++m) {
            merged[m][part_of[i]] += counts[m][i];
            members[part_of[i]][m].push_back(counts[m][i]);
        }
    s.between = mutual_information(merged);
    const std::vector<double> part_totals = unit_totals(merged);
    double T = 0;
    for (double v : part_totals) T += v;
    for (std::size_t g = 0; g < parts; ++g) {
        const double m = mutual_information(members[g]);
        // A part with one group only (or nobody) has M = 0: no segregation inside it.
        if (part_totals[g] > 0 && !std::isnan(m)) s.within += part_totals[g] / T * m;
    }
    return s;
}

std::vector<double> local_entropy(const GroupCounts& counts) {
    const std::vector<double> t = unit_totals(counts);
    std::vector<double> out(t.size(), 0.0);
    const double most = std::log(static_cast<double>(counts.size()));
    if (!(most > 0)) return out;
    for (std::size_t i = 0; i < t.size(); ++i) out[i] = unit_entropy(counts, i, t[i]) / most;
    return out;
}

}  // namespace regio::segregation
