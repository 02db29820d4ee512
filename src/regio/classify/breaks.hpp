#pragma once
// Raw upper bounds of each method of ../shared/spec/choropleth.md §2, on
// sorted finite values (non-empty). classify() then removes duplicate bounds
// and counts; these functions only compute the bounds.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace regio::classify::detail {

// §2.1: min + i·w for i = 1..k-1, then max exactly. Caller ensures max > min.
[[nodiscard]] std::vector<double> equal_interval_breaks(const std::vector<double>& sorted, std::size_t k);

// §2.2: Q(i/k), i = 1..k, Hyndman–Fan type 7, Q(1) = max.
[[nodiscard]] std::vector<double> quantile_breaks(const std::vector<double>& sorted, std::size_t k);

// §2.5: mean + c·sd (sample sd, n-1) for each multiple, ascending; max
// appended when the last bound is below it.
[[nodiscard]] std::vector<double> std_mean_breaks(const std::vector<double>& sorted, std::vector<double> multiples);

// §2.6: the means of ever smaller heads; the last cut is the largest value.
[[nodiscard]] std::vector<double> head_tail_breaks(const std::vector<double>& sorted);

// §2.4: maxima of the clusters of the best of `starts` seeded k-means++ runs.
// Caller ensures more than k distinct values.
[[nodiscard]] std::vector<double> natural_breaks(const std::vector<double>& sorted, std::size_t k, std::uint64_t seed,
                                                 std::size_t starts);

}  // namespace regio::classify::detail
