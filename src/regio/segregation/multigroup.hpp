#pragma once
// Several groups that partition the population (../shared/spec/segregation.md §3).
// counts[m][i]: group m in unit i; t_i = sum over m. pi_im = 0 where t_i = 0.
// Logarithms are natural (nats); 0 ln 0 = 0. NaN when undefined: T = 0, or
// one group holds everybody (E = 0, I = 0).
#include <vector>

namespace regio::segregation {

using GroupCounts = std::vector<std::vector<double>>;

// Sakoda's / Reardon & Firebaugh's D = sum_i sum_m t_i |pi_im - pi_m| / (2 T I),
// I = sum_m pi_m (1 - pi_m).
double multigroup_dissimilarity(const GroupCounts& counts);
// Diversity E = -sum_m pi_m ln pi_m (of the whole population).
double diversity(const GroupCounts& counts);
// Theil's H = sum_i t_i (E - E_i) / (T E).
double multigroup_entropy(const GroupCounts& counts);
// Mutual information M = H E = sum_i (t_i / T)(E - E_i), in nats.
double mutual_information(const GroupCounts& counts);

// All four in two passes over the counts (what the index table computes at
// each scale and bandwidth).
struct MultigroupIndices {
    double dissimilarity, diversity, entropy, mutual_information;
};
MultigroupIndices multigroup_indices(const GroupCounts& counts);

// M = between + within when units nest in parts (part_of[i] < parts):
// between is M of the parts' aggregated counts, within the population-weighted
// mean of each part's own M (Theil's decomposition; exact up to rounding).
struct MutualInformationSplit {
    double total = 0;
    double between = 0;
    double within = 0;
};
MutualInformationSplit split_mutual_information(const GroupCounts& counts, const std::vector<std::size_t>& part_of, std::size_t parts);

// E_i / ln K of every unit: 0 = one group only, 1 = all K groups equally
// present (0 for an empty unit).
std::vector<double> local_entropy(const GroupCounts& counts);

}  // namespace regio::segregation
