#pragma once
// Helpers of the disclosure-control tests: tables of cell states built and
// read back.
#include "regio/indicators/disclosure.hpp"

#include <cstddef>
#include <limits>
#include <vector>

namespace regio_test::disclosure {

using regio::indicators::CellState;
using regio::indicators::Constraint;
using regio::indicators::Flag;
using regio::indicators::Reason;

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Rule 1 alone on a table of counts: a count in (0, t_min) is suppressed.
inline std::vector<CellState> primary_counts(const std::vector<double>& counts, double t_min) {
    std::vector<CellState> s(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0 && counts[i] < t_min) s[i] = {Flag::Suppressed, Reason::Primary};
    return s;
}

// The indices of the cells not published (suppressed or no data).
inline std::vector<std::size_t> hidden_cells(const std::vector<CellState>& s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i].hidden()) out.push_back(i);
    return out;
}

// How many cells of a constraint (its total and members) are not published.
inline std::size_t hidden_in(const Constraint& c, const std::vector<CellState>& s) {
    std::size_t n = c.total && s[*c.total].hidden();
    for (auto m : c.members) n += s[m].hidden();
    return n;
}

}  // namespace regio_test::disclosure
