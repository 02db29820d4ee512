#pragma once
// Exact Fisher–Jenks breaks (../shared/spec/choropleth.md §2.3; Fisher 1958):
// the k contiguous groups of the sorted data with the least total within-group
// sum of squares, found by dynamic programming in double precision.
#include <cstddef>
#include <vector>

namespace regio::classify {

// Upper bounds (the maximum of each group) of the optimal k groups of
// `sorted` (ascending, finite). Requires 1 <= k <= number of distinct values
// (the caller checks). On exact ties between partitions the one with the
// earliest cuts wins, so the result is deterministic.
[[nodiscard]] std::vector<double> fisher_jenks_breaks(const std::vector<double>& sorted, std::size_t k);

}  // namespace regio::classify
