#pragma once
// The value of an index the counts leave undefined (nobody, or everybody, in
// the group; no population): NaN, which the tables write as an empty cell.
// One definition for the single-group and multigroup indexes, so both mean
// the same thing by it.

#include <limits>

namespace regio::segregation {

inline constexpr double kUndefinedIndex = std::numeric_limits<double>::quiet_NaN();

}  // namespace regio::segregation
