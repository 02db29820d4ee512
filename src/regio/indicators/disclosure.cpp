#include "regio/indicators/disclosure.hpp"

#include <cmath>

namespace regio::indicators {

std::string_view flag_name(Flag f) {
    switch (f) {
        case Flag::Ok: return "ok";
        case Flag::Suppressed: return "suppressed";
        case Flag::ZeroDenominator: return "zero_denominator";
        case Flag::NoData: return "no_data";
        case Flag::Perturbed: return "perturbed";
    }
    return "?";
}

CellState primary_state(double num, double den, const DisclosureRules& rules) {
    if (std::isnan(num) || std::isnan(den)) return {Flag::NoData, Reason::None};
    auto small = [&](double n) { return (n > 0 && n < rules.t_min) || (n == 0 && !rules.publish_zero); };
    if (small(num)) return {Flag::Suppressed, Reason::Primary};
    const double min_den = rules.min_denominator.value_or(rules.t_min);
    if ((den > 0 && den < min_den) || (den == 0 && !rules.publish_zero)) return {Flag::Suppressed, Reason::Rate};
    if (rules.complement_check && den - num > 0 && den - num < rules.t_min) return {Flag::Suppressed, Reason::Rate};
    if (den == 0) return {Flag::ZeroDenominator, Reason::None};
    return {};
}

namespace {

// The cell to suppress next to the single hidden one, if any (see header).
std::optional<std::size_t> partner(const std::vector<double>& values, const std::vector<CellState>& states,
                                   const Constraint& c) {
    std::optional<std::size_t> smallest, zero;
    for (const std::size_t m : c.members) {
        if (states[m].hidden()) continue;
        if (values[m] != 0) {
            if (!smallest || values[m] < values[*smallest]) smallest = m;
        } else if (!zero) {
            zero = m;
        }
    }
    if (smallest) return smallest;
    if (zero) return zero;
    if (c.total && !states[*c.total].hidden()) return c.total;
    return std::nullopt;
}

}  // namespace

std::size_t secondary_suppression(const std::vector<double>& values, std::vector<CellState>& states,
                                  const std::vector<Constraint>& constraints) {
    std::size_t suppressed = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (const Constraint& c : constraints) {
            std::size_t hidden = 0;
            std::optional<std::size_t> last;
            for (const std::size_t m : c.members) {
                if (!states[m].hidden()) continue;
                ++hidden;
                last = m;
            }
            if (c.total && states[*c.total].hidden()) {
                ++hidden;
                last = c.total;
            }
            // A lone missing cell is not confidential: nothing to protect.
            if (hidden != 1 || states[*last].flag != Flag::Suppressed) continue;
            if (const auto p = partner(values, states, c)) {
                states[*p] = {Flag::Suppressed, Reason::Secondary};
                ++suppressed;
                changed = true;
            }
        }
    }
    return suppressed;
}

std::vector<Constraint> table_constraints(std::size_t rows, std::size_t columns, std::optional<std::size_t> total_column,
                                          const std::vector<std::optional<std::size_t>>& parent) {
    std::vector<Constraint> out;
    if (total_column)
        for (std::size_t r = 0; r < rows; ++r) {
            Constraint c{r * columns + *total_column, {}};
            for (std::size_t k = 0; k < columns; ++k)
                if (k != *total_column) c.members.push_back(r * columns + k);
            out.push_back(std::move(c));
        }
    std::vector<std::vector<std::size_t>> children(rows);
    std::vector<std::size_t> top;
    for (std::size_t r = 0; r < rows; ++r) (parent[r] ? children[*parent[r]] : top).push_back(r);
    for (std::size_t k = 0; k < columns; ++k) {
        for (std::size_t p = 0; p < rows; ++p) {
            if (children[p].empty()) continue;
            Constraint c{p * columns + k, {}};
            for (const std::size_t r : children[p]) c.members.push_back(r * columns + k);
            out.push_back(std::move(c));
        }
        if (top.size() >= 2) {
            Constraint c;
            for (const std::size_t r : top) c.members.push_back(r * columns + k);
            out.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace regio::indicators
