#pragma once
// `regio aggregate grid` as a library operation (issue #13): a request of
// plain values, a result with the figures of the report, and run(). The CLI
// (src/cli/aggregate_grid_command.cpp) only binds options to the request and
// prints the result; a pipeline step shares its region sets through
// request.regions.cache.
#include "regio/aggregate/aggregate_grid.hpp"
#include "regio/aggregate/grid_report.hpp"
#include "regio/io/grid_source_spec.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/io/text_input.hpp"
#include "regio/progress.hpp"
#include "regio/regions/region_source.hpp"
#include "regio/report/report_output.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace regio::aggregate {

struct AggregateGridRequest {
    regions::RegionSource regions;  // its encoding is taken from `text`
    io::GridSourceSpec grid;        // --grid, --grid-table, --grid-layer, --value (its text from `text`)
    // "area", "centroid" or "dasymetric": kept as the user's word, which the
    // report repeats; checked by run() after the grid options, as always.
    std::string method = "area";
    std::string weights;            // a raster: weighted_mean on the same grid, or the finer dasymetric weights
    std::string stats = "sum";      // comma-separated: sum, mean, weighted_mean, count, area
    io::TextOptions text;           // delimiter and encoding of text inputs (checked by the caller)
    // Outputs, planned and checked before any work, committed together.
    io::TableDestination output;    // "-": CSV on standard output
    std::string report;             // JSON report (empty: none)
    io::Overwrite overwrite = io::Overwrite::No;
    unsigned threads = 0;           // 0: all cores
};

struct AggregateGridResult {
    GridReport report;                         // sources, method, region count and warnings, threads, timings
    GridResult grid;                           // grid total = allocated + outside, per value
    std::vector<io::AppliedFix> region_fixes;  // --set-id and --skip-feature as applied
    std::vector<report::WrittenTable> outputs; // the region table
    // Values whose every cell is no data (also passed to `warn` once the
    // outputs are in place; not in the report).
    std::vector<std::string> warnings;

    // The --report JSON: figures, region fixes (when used) and outputs.
    [[nodiscard]] nlohmann::ordered_json to_json() const;
    // The lines for stderr: per value the total accounted for, then time.
    [[nodiscard]] std::string summary() const;
};

// Validates the request (UsageError), plans the outputs, opens the grid (and
// weights), reads the checked regions (warnings to `warn` as found) and moves
// them into the grid's CRS, allocates, writes the table and the report, and
// commits them together. DataError when nothing of the grid lands in any
// region (a wrong CRS).
AggregateGridResult run(const AggregateGridRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::aggregate
