#pragma once
// One group against the rest of the population (../shared/spec/segregation.md §2).
// x[i] the group's count in unit i, t[i] the unit's total (x[i] <= t[i]).
// p_i = 0 where t_i = 0: a unit without people contributes nothing (pysal's
// rule). Every function returns NaN when the index is undefined: T = 0, or
// P = X/T is 0 or 1. The caller turns that into an error or an empty value.
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace regio::segregation {

using Counts = std::span<const double>;
// Each unordered pair of neighbouring units once (8 bytes a pair: a million
// grid cells have about four million queen pairs).
using NeighbourPairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Dissimilarity D = sum t_i |p_i - P| / (2 T P (1 - P)).
double dissimilarity(Counts x, Counts t);
// Isolation xPx = sum (x_i / X) p_i.
double isolation(Counts x, Counts t);
// Exposure xPy = sum (x_i / X)(1 - p_i) = 1 - xPx.
double exposure(Counts x, Counts t);
// Theil's entropy index H = sum t_i (E - E_i) / (E T), E the binary entropy of P.
double entropy_index(Counts x, Counts t);
// Atkinson A(b) = 1 - P/(1-P) |sum (1-p_i)^(1-b) p_i^b t_i / (P T)|^(1/(1-b)).
double atkinson(Counts x, Counts t, double b = 0.5);
// Gini G = sum_i sum_j t_i t_j |p_i - p_j| / (2 T^2 P (1 - P)), in linear
// time (a radix sort of the shares). The scratch buffers can be reused from
// call to call (a scale and bandwidth profile of a million cells calls it 40
// times; fresh buffers would be paged in every time).
struct GiniScratch {
    std::vector<std::pair<double, double>> items, buffer;  // (p, t)
};
double gini(Counts x, Counts t);
double gini(Counts x, Counts t, GiniScratch& scratch);

// All of the above in one pass over the units (Gini only with scratch):
// what the index table computes for each group at each scale and bandwidth.
struct SingleGroupIndices {
    double dissimilarity, isolation, exposure, entropy, atkinson, gini;
};
SingleGroupIndices single_group_indices(Counts x, Counts t, GiniScratch* scratch);

// The mean |p_i - p_j| over neighbour pairs (0 without pairs): Morrill's
// adjustment, so that spatial_dissimilarity = D - this.
double neighbour_difference(Counts x, Counts t, const NeighbourPairs& neighbours);

// Location quotient of every unit: p_i / P (0 where t_i = 0).
std::vector<double> location_quotients(Counts x, Counts t);

// Morrill's spatial dissimilarity: D - sum_ij c_ij |p_i - p_j| / sum_ij c_ij,
// c_ij = 1 for neighbours (symmetric, so the sums over unordered pairs give
// the same ratio). With no neighbour pair at all the adjustment is 0.
double spatial_dissimilarity(Counts x, Counts t, const NeighbourPairs& neighbours);

}  // namespace regio::segregation
