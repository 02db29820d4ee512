#pragma once
// One indicator's table of counts, output regions x columns (its groups, then
// "total"), and its disclosure control (../shared/spec/indicators.md §5).
// Internal to compute_indicators().
#include "regio/indicators/compute.hpp"

#include <map>
#include <string>
#include <vector>

namespace regio::indicators {

struct CellTable {
    std::size_t columns = 0;
    std::vector<double> num;  // row-major: output row * columns + column
    std::vector<double> den;
    std::vector<CellState> states;
    std::vector<std::vector<std::string>> inputs;  // per column: the data columns it is summed from
    std::vector<std::vector<std::string>> hides;   // per column: those a suppressed cell hides (not a shared denominator)
    std::vector<Constraint> constraints;           // rows with a total, then parents and the grand total per column
};

// The data column `name`; DataError if the table lacks it.
const std::vector<double>& data_column(const DataTable& data, const std::string& name);

// Sums the counts (data rows from the data, parents from their children) and
// applies the primary and rate rules.
CellTable build_cell_table(const Indicator& indicator, const DataTable& data, const Hierarchy& hierarchy, const DisclosureRules& rules);

// Data columns x output rows whose counts some indicator suppressed.
using HiddenInputs = std::map<std::string, std::vector<bool>>;

// Suppresses the cells that use a count hidden by another indicator (else its
// numerator or denominator would reveal it), then secondary suppression;
// records the counts this table hides. Returns the cells newly suppressed.
std::size_t protect_cells(CellTable& table, HiddenInputs& hidden, std::size_t rows);

// The output rows (regions in hierarchy order, then indicators, then groups,
// total, gaps) of the protected tables, one per indicator; counts rows per flag.
void append_output_rows(const Definitions& definitions, const std::vector<CellTable>& tables, const Hierarchy& hierarchy, Result& result);

}  // namespace regio::indicators
