#pragma once
// Computes the indicators of a definitions file for every output region
// (data rows and rollup parents) and group, with flags and disclosure control
// (../shared/spec/indicators.md §4-§5). Suppressed, missing and undefined
// values are absent from the result, not just flagged. Secondary suppression
// runs per indicator on its table (regions x groups and total, margins: row
// totals, parents, the grand total); a count suppressed by one indicator is
// suppressed in every indicator that uses it, until nothing changes.
#include "regio/indicators/definitions.hpp"
#include "regio/indicators/disclosure.hpp"
#include "regio/indicators/hierarchy.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace regio::indicators {

// The count columns the definitions use, one value per data row (NaN: empty).
struct DataTable {
    std::string source;
    std::vector<std::string> ids;
    std::vector<std::int64_t> lines;  // 1-based line of each row, for messages
    std::map<std::string, std::vector<double>> columns;
};

struct OutputRow {
    std::size_t region = 0;     // row of the Hierarchy
    std::size_t indicator = 0;  // index in Definitions::indicators
    std::string group;          // a group, "total", or "<group>_gap"
    bool gap = false;
    Flag flag = Flag::Ok;
    // Only what may be published: the value when Ok; the counts when Ok or
    // ZeroDenominator. Gaps (rounded to 0.1) have no counts.
    std::optional<double> value;
    std::optional<double> numerator;
    std::optional<double> denominator;
};

struct Result {
    std::vector<OutputRow> rows;  // regions in hierarchy order, then indicators, then groups, total, gaps
    std::map<Flag, std::size_t> flags;  // rows per flag (gaps included)
    std::size_t primary = 0;    // cells (not gaps) suppressed by the numerator count (§5 rule 1)
    std::size_t rate = 0;       // ... by the rate rules (§5 rule 2)
    std::size_t secondary = 0;  // ... by secondary suppression (§5 rule 3) or a count shared with a suppressed cell
};

// Data rows whose used cells are all empty: they may stand for a parent in a
// --rollup FIELD hierarchy.
std::vector<bool> rows_without_values(const Definitions& definitions, const DataTable& data);

// Throws DataError (file, line, column) for a negative count.
Result compute_indicators(const Definitions& definitions, const DataTable& data, const Hierarchy& hierarchy);

// value(group) - value(reference), rounded half away from zero to 0.1 (spec
// §4: gaps are rounded only at output, from unrounded rates).
double round_gap(double difference);

}  // namespace regio::indicators
