#pragma once
// What `regio compare` hands out: the validation table (CSV), and the JSON
// report and summary line of CompareResult (compare_run.hpp). Figures are
// rounded for output only, so that the text is the same on every platform.
#include "regio/compare/compare_run.hpp"
#include "regio/io/table_writer.hpp"

namespace regio::compare {

// Percentages to 1e-4 points: enough for any reading.
double rounded_percent(double percent);
// Totals of carried counts to 1e-6 (sums of shares are not integers; 158184.00000000003 says nothing).
double rounded_total(double count);

// One row per estimate and column (errors), with the parent check's columns
// when the request has parents, to the planned output (io::write_region_table;
// the plan's commit puts it into place).
void write_validation_table(const CompareRequest& request, const CompareResult& result, const io::PlannedOutput& output);

}  // namespace regio::compare
