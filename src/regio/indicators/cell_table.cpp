#include "regio/indicators/cell_table.hpp"

#include "regio/error.hpp"
#include "regio/table/csv_text.hpp"

#include <limits>

namespace regio::indicators {

const std::vector<double>& data_column(const DataTable& data, const std::string& name) {
    const auto it = data.columns.find(name);
    if (it == data.columns.end()) throw DataError("no column '" + name + "'", Where{data.source, {}, {}, {}, name});
    return it->second;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The sum of the template columns for `group` at a data row; NaN if one is empty.
double term_sum(const Terms& terms, const std::string& group, const DataTable& data, std::size_t row) {
    double sum = 0;
    for (const std::string& t : terms) {
        const std::string name = expand(t, group);
        const double v = data_column(data, name)[row];
        if (v < 0) {
            Where w{data.source, {}, {}, {}, name};
            if (row < data.lines.size()) w.line = data.lines[row];
            throw DataError("negative count " + table::format_number(v, table::ColumnKind::Real) + " for region '" + data.ids[row] + "'",
                            w, "indicators are ratios of counts");
        }
        sum += v;
    }
    return sum;
}

}  // namespace

CellTable build_cell_table(const Indicator& ind, const DataTable& data, const Hierarchy& h, const DisclosureRules& rules) {
    const std::size_t groups = ind.groups.size();
    CellTable t;
    t.columns = groups + (ind.has_total() ? 1 : 0);
    const std::size_t cells = h.size() * t.columns;
    t.num.assign(cells, kNaN);
    t.den.assign(cells, kNaN);
    for (const std::size_t r : h.bottom_up()) {
        for (std::size_t k = 0; k < t.columns; ++k) {
            const std::size_t i = r * t.columns + k;
            if (const auto d = h.data_row[r]) {
                const std::string group = k < groups ? ind.groups[k] : kTotalGroup;
                t.num[i] = term_sum(k < groups ? ind.numerator : ind.total_numerator, group, data, *d);
                t.den[i] = term_sum(k < groups ? ind.denominator : ind.total_denominator, group, data, *d);
            } else {  // counts are summed up the hierarchy; a missing part leaves the parent missing
                t.num[i] = t.den[i] = 0;
                for (const std::size_t c : h.children[r]) {
                    t.num[i] += t.num[c * t.columns + k];
                    t.den[i] += t.den[c * t.columns + k];
                }
            }
        }
    }
    t.states.resize(cells);
    for (std::size_t i = 0; i < cells; ++i) t.states[i] = primary_state(t.num[i], t.den[i], rules);
    for (std::size_t k = 0; k < t.columns; ++k) {
        std::vector<std::string> inputs, hides;
        for (const Terms* terms : k < groups ? std::vector<const Terms*>{&ind.numerator, &ind.denominator}
                                             : std::vector<const Terms*>{&ind.total_numerator, &ind.total_denominator})
            for (const std::string& term : *terms) {
                inputs.push_back(expand(term, k < groups ? ind.groups[k] : kTotalGroup));
                // A denominator shared by all groups stays published in the other groups' rows.
                if (k == groups || terms == &ind.numerator || expand(term, "") != term) hides.push_back(inputs.back());
            }
        t.inputs.push_back(std::move(inputs));
        t.hides.push_back(std::move(hides));
    }
    t.constraints = table_constraints(h.size(), t.columns, ind.has_total() ? std::optional(groups) : std::nullopt, h.parent);
    return t;
}

std::size_t protect_cells(CellTable& t, HiddenInputs& hidden, std::size_t rows) {
    std::size_t suppressed = 0;
    // A count suppressed by one indicator is suppressed wherever it is used:
    // otherwise another indicator's numerator or denominator would reveal it.
    for (std::size_t i = 0; i < t.states.size(); ++i) {
        if (t.states[i].hidden()) continue;
        for (const std::string& name : t.inputs[i % t.columns]) {
            const auto it = hidden.find(name);
            if (it == hidden.end() || !it->second[i / t.columns]) continue;
            t.states[i] = {Flag::Suppressed, Reason::Secondary};
            ++suppressed;
            break;
        }
    }
    // A suppressed cell hides its numerator and its denominator. The
    // denominators have the same margins and the same hidden cells, so once
    // the numerator table is protected, so is theirs.
    suppressed += secondary_suppression(t.num, t.states, t.constraints);
    for (std::size_t i = 0; i < t.states.size(); ++i) {
        if (t.states[i].flag != Flag::Suppressed) continue;
        for (const std::string& name : t.hides[i % t.columns]) {
            auto& rows_hidden = hidden[name];
            rows_hidden.resize(rows, false);
            rows_hidden[i / t.columns] = true;
        }
    }
    return suppressed;
}

}  // namespace regio::indicators
