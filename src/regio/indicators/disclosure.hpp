#pragma once
// Statistical disclosure control for published counts and rates, exactly as
// ../shared/spec/indicators.md §5: primary suppression of small counts, the
// rate rules (small denominator, small complement) and the deterministic
// secondary-suppression heuristic for tables with published margins.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace regio::indicators {

struct DisclosureRules {
    double t_min = 10;             // primary threshold T_min (cell counts)
    // Minimum denominator of a published rate; defaults to T_min. Kept apart
    // because offices often require larger bases for rates than for counts.
    std::optional<double> min_denominator;
    bool publish_zero = true;      // zero counts are published
    bool complement_check = true;  // suppress when 0 < den - num < T_min
};

// The flag of one published value.
// Perturbed: published with cell-key noise (issue #17; cell_key_compute.hpp).
enum class Flag : std::uint8_t { Ok, Suppressed, ZeroDenominator, NoData, Perturbed };
std::string_view flag_name(Flag f);

// Why a cell is suppressed (for the report).
enum class Reason : std::uint8_t { None, Primary, Rate, Secondary };

struct CellState {
    Flag flag = Flag::Ok;
    Reason reason = Reason::None;
    // Not published: its count cannot be read from the output.
    [[nodiscard]] bool hidden() const { return flag == Flag::Suppressed || flag == Flag::NoData; }
};

// Rules 1 and 2 of §5 for one rate num / den (NaN = missing input):
//  - NaN in either part: NoData;
//  - 0 < num < T_min, or num = 0 without publish_zero: Suppressed (Primary);
//  - 0 < den < T_min, den = 0 without publish_zero, or with complement_check
//    0 < den - num < T_min: Suppressed (Rate);
//  - den = 0 otherwise: ZeroDenominator (no value; the zero counts are published);
//  - else Ok.
CellState primary_state(double num, double den, const DisclosureRules& rules);

// One published margin: total = sum of members. `total` is a cell of the
// table when the margin is itself published as a cell (a row's "total" group,
// a parent region); nullopt when it is a total published elsewhere (the
// grand total over all regions).
struct Constraint {
    std::optional<std::size_t> total;
    std::vector<std::size_t> members;
};

// Rule 3 of §5: loop over the constraints in the given order (rows top to
// bottom, then columns left to right) until nothing changes; a constraint
// with exactly one hidden cell (total included), when that cell is
// suppressed, also suppresses its smallest non-zero unhidden member, the first
// on ties. When no member is non-zero it takes the first unhidden zero
// member, and failing that the total cell. A missing (NoData) cell is not
// confidential and needs no partner, but it does hide the cells it sums with.
// Newly suppressed cells get Flag::Suppressed, Reason::Secondary. `values`
// are the counts of the cells; returns the number of cells suppressed.
std::size_t secondary_suppression(const std::vector<double>& values, std::vector<CellState>& states,
                                  const std::vector<Constraint>& constraints);

// The constraints of a rows x columns table stored row-major (cell = row *
// columns + column): when `total_column` is set, one row constraint per row
// (members: the other columns); then, column by column from the left, one
// constraint per parent (members: its children) and, when there are two or
// more top-level rows, one over them with the grand total published
// elsewhere. parent[r] is the parent row of r, or nullopt at the top.
std::vector<Constraint> table_constraints(std::size_t rows, std::size_t columns, std::optional<std::size_t> total_column,
                                          const std::vector<std::optional<std::size_t>>& parent);

}  // namespace regio::indicators
