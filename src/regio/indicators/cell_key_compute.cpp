#include "regio/indicators/cell_key_compute.hpp"

#include "regio/error.hpp"
#include "regio/indicators/cell_table.hpp"
#include "regio/table/csv_text.hpp"
#include "regio/table/record_key.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace regio::indicators {
namespace {

Where where_in(const DataTable& data, std::size_t row, const std::string& column) {
    Where w{data.source, {}, {}, {}, column};
    if (row < data.lines.size()) w.line = data.lines[row];
    return w;
}

// Whose records a count is summed from: its group's (a template with
// "{group}") or all groups' (e.g. a denominator shared by the groups). The
// same count then gets the same key, and the same noise, in every row.
enum class KeyOf : std::uint8_t { Group, AllGroups };

KeyOf key_of(const Terms& terms) {
    const bool templated = std::any_of(terms.begin(), terms.end(), [](const std::string& t) { return t.find("{group}") != std::string::npos; });
    return templated ? KeyOf::Group : KeyOf::AllGroups;
}

// The key sums of one indicator's cells: data rows from the key columns,
// parents as the sum of their children's (the key of a set of records). The
// total column always takes the all-groups key.
std::vector<std::uint64_t> cell_key_sums(const Indicator& ind, const CellKeySettings& keys, const DataTable& data,
                                         const Hierarchy& h, std::size_t columns, KeyOf of) {
    std::vector<std::uint64_t> sums(h.size() * columns, 0);
    for (const std::size_t r : h.bottom_up()) {
        for (std::size_t k = 0; k < columns; ++k) {
            std::uint64_t& sum = sums[r * columns + k];
            if (const auto d = h.data_row[r]) {
                const bool group_key = k < ind.groups.size() && of == KeyOf::Group;
                const std::string column = group_key ? expand(keys.key_column, ind.groups[k]) : keys.total_key_column;
                const double v = data_column(data, column)[*d];
                if (std::isnan(v)) continue;  // no records: its counts are missing too
                if (!(v >= 0 && v < static_cast<double>(table::kRecordKeyModulus) && v == std::floor(v)))
                    throw DataError(fmt::format("key sum {} is not an integer in [0, 2^53)", table::format_number(v, table::ColumnKind::Real)),
                                    where_in(data, *d, column), "key sums come from `regio aggregate points --cell-keys`");
                sum = static_cast<std::uint64_t>(v);
            } else {
                for (const std::size_t c : h.children[r]) sum = table::add_record_keys(sum, sums[c * columns + k]);
            }
        }
    }
    return sums;
}

std::int64_t whole_count(double v, const Indicator& ind, const std::string& what) {
    if (v != std::floor(v) || v > 1e15)
        throw DataError(fmt::format("the cell-key method perturbs whole counts, but a {} of indicator '{}' is {}", what, ind.name,
                                    table::format_number(v, table::ColumnKind::Real)),
                        {}, "perturb counts of records or persons, not weighted estimates");
    return static_cast<std::int64_t>(v);
}

struct UtilityTally {
    CellKeyUtility& out;
    double abs_sum = 0;
    double hellinger_sum = 0;
    void add(std::int64_t original, std::int64_t published) {
        ++out.counts;
        const std::int64_t change = std::abs(published - original);
        out.changed += change != 0;
        abs_sum += static_cast<double>(change);
        out.max_abs_change = std::max(out.max_abs_change, change);
        const double d = std::sqrt(static_cast<double>(original)) - std::sqrt(static_cast<double>(published));
        hellinger_sum += d * d;
    }
    void finish() {
        out.mean_abs_change = out.counts ? abs_sum / static_cast<double>(out.counts) : 0.0;
        out.hellinger = std::sqrt(hellinger_sum / 2);
    }
};

}  // namespace

CellKeyUtility combined_utility(const std::vector<CellKeyUtility>& parts) {
    CellKeyUtility all;
    double abs_sum = 0;
    double hellinger_squared = 0;
    bool first = true;
    for (const CellKeyUtility& u : parts) {
        all.counts += u.counts;
        all.changed += u.changed;
        abs_sum += u.mean_abs_change * static_cast<double>(u.counts);
        all.max_abs_change = std::max(all.max_abs_change, u.max_abs_change);
        hellinger_squared += u.hellinger * u.hellinger;  // each is sqrt(half a sum of squares)
        all.would_suppress += u.would_suppress;
        all.min_published = first ? u.min_published : std::min(all.min_published, u.min_published);
        all.max_perturbation = std::max(all.max_perturbation, u.max_perturbation);
        first = false;
    }
    all.mean_abs_change = all.counts ? abs_sum / static_cast<double>(all.counts) : 0.0;
    all.hellinger = std::sqrt(hellinger_squared);
    return all;
}

void perturb_cells(const Indicator& ind, const CellKeySettings& keys, const DataTable& data, const Hierarchy& h, const PTable& ptable,
                   CellTable& t, CellKeyUtility& utility) {
    utility = {};
    utility.min_published = ptable.min_published();
    utility.max_perturbation = ptable.max_perturbation();
    UtilityTally tally{utility};
    const std::vector<std::uint64_t> num_keys = cell_key_sums(ind, keys, data, h, t.columns, key_of(ind.numerator));
    const std::vector<std::uint64_t> den_keys = cell_key_sums(ind, keys, data, h, t.columns, key_of(ind.denominator));
    for (std::size_t i = 0; i < t.states.size(); ++i) {
        CellState& state = t.states[i];
        utility.would_suppress += state.flag == Flag::Suppressed;
        if (std::isnan(t.num[i]) || std::isnan(t.den[i])) continue;  // NoData stays
        for (double* count : {&t.num[i], &t.den[i]}) {
            const bool numerator = count == &t.num[i];
            const std::int64_t original = whole_count(*count, ind, numerator ? "numerator" : "denominator");
            const std::int64_t published = ptable.perturb(original, table::cell_key(numerator ? num_keys[i] : den_keys[i]));
            // Counts beyond the last row are shifted by its perturbations; a
            // table whose last row is too short could land them in (0, js).
            if (published > 0 && published < utility.min_published)
                throw ConfigError(fmt::format("the perturbation table would publish {} for a count of {}, below its smallest "
                                              "published value {}", published, original, utility.min_published),
                                  {}, "its last row must be at least min_published + max_perturbation");
            tally.add(original, published);
            *count = static_cast<double>(published);
        }
        state = t.den[i] > 0 ? CellState{Flag::Perturbed, Reason::None} : CellState{Flag::ZeroDenominator, Reason::None};
    }
    tally.finish();
}

Result compute_perturbed_indicators(const Definitions& definitions, const DataTable& data, const Hierarchy& h, const PTable& ptable,
                                    CellKeyUtility& utility) {
    std::vector<CellKeyUtility> parts;
    std::vector<CellTable> tables;
    for (const Indicator& ind : definitions.indicators) {
        tables.push_back(build_cell_table(ind, data, h, definitions.disclosure));
        perturb_cells(ind, protection_of(definitions, ind).cell_key, data, h, ptable, tables.back(), parts.emplace_back());
    }
    utility = combined_utility(parts);
    Result result;
    append_output_rows(definitions, tables, h, result);
    return result;
}

}  // namespace regio::indicators
