#pragma once
// `regio aggregate points` as a library operation (issue #13): a request of
// plain values, a result with the figures of the report, and run(). Its
// options are declared in aggregate_points_command.cpp (the registry entry
// the CLI builds its subcommand from); a pipeline step shares its region sets
// through request.regions.cache.
#include "regio/aggregate/aggregate_points.hpp"
#include "regio/aggregate/points_report.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/io/text_input.hpp"
#include "regio/progress.hpp"
#include "regio/regions/region_source.hpp"
#include "regio/report/report_output.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace regio::aggregate {

// Cell-key columns (issue #17): on with --cell-keys, and implied by a record
// id column or a salt file.
enum class CellKeys { Off, On };

struct AggregatePointsRequest {
    regions::RegionSource regions;  // its encoding is taken from `text`
    std::string points;             // a CSV ("-": standard input), FILE[:LAYER], or any GDAL data source
    std::string points_layer;
    std::string points_sql;         // a query of a database source whose rows are the points
    std::string x;                  // CSV coordinate columns (empty: the usual names)
    std::string y;
    std::string points_crs;         // required for CSV; checked against a layer's own
    std::vector<std::string> weights;
    std::string by;                 // grouping field, empty for none
    CellKeys cell_keys = CellKeys::Off;
    std::string record_id;                      // implies CellKeys::On
    std::optional<std::string> key_salt_file;   // implies CellKeys::On (none: $REGIO_KEY_SALT)
    io::TextOptions text;           // delimiter and encoding of text inputs (checked by the caller)
    // Outputs, planned and checked before any work, committed together.
    io::TableDestination output;    // "-": CSV on standard output
    std::string report;             // JSON report (empty: none)
    std::string assignments;        // per-record CSV (issue #18 item 8; empty: none, "-": standard output)
    io::Overwrite overwrite = io::Overwrite::No;
    unsigned threads = 0;           // 0: all cores

    // Cell keys asked for, directly or by a record id or salt file.
    [[nodiscard]] bool keyed() const;
};

struct AggregatePointsResult {
    PointsReport report;                       // sources, region count and warnings, threads, timings
    PointsResult points{PointTally(0, 0), 0, {}, {}, {}};  // read = assigned + outside + invalid
    std::vector<io::AppliedFix> region_fixes;  // --set-id and --skip-feature as applied
    std::vector<report::WrittenTable> outputs; // the region table
    // More than half of the records outside all regions: shown after the
    // summary, whose totals it reads against (not in the report).
    std::optional<std::string> landing_warning;

    // The --report JSON: figures, region fixes (when used) and outputs.
    [[nodiscard]] nlohmann::ordered_json to_json() const;
    // The lines for stderr: records and weights accounted for, examples, time.
    [[nodiscard]] std::string summary() const;
};

// Validates the request (UsageError), plans the outputs, reads the points and
// the checked regions (warnings to `warn` as found), tallies, checks that
// every record is accounted for, writes the table, the assignments and the
// report, and commits them together. CrsError for a missing or contradictory
// CRS, DataError when no record lands in any region.
AggregatePointsResult run(const AggregatePointsRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::aggregate
