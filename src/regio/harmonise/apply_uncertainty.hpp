#pragma once
// How sure a carried table is (issue #19) in crosswalk apply: the per-target
// share of carried value that comes from near-boundary weight, as a column
// of the output (--uncertainty-column) and as a summary line.
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/crosswalk.hpp"

#include <string>
#include <vector>

namespace regio::harmonise {

// --uncertainty-column NAME: adds the column to result.table, checked before
// anything is written (DataError when the crosswalk has no near-boundary
// shares, UsageError when NAME is already a column). `of_first_column`: the
// share is one of the first --extensive column, empty where that column is.
void add_uncertainty_column(ApplyResult& result, const Crosswalk& crosswalk, const std::string& name, bool of_first_column);

// "near boundary: targets whose value ('count') comes most from
// near-boundary weight: T1 0.6, T2 0.3": the first five targets.
std::string near_boundary_line(const ApplyResult& result, const std::vector<std::string>& extensive);

}  // namespace regio::harmonise
