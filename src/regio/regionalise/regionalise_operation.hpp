#pragma once
// `regio regionalise` as a library operation (issue #13): a request of plain
// values, a result with the figures of the report and the summary, and run().
// Its options are declared in regionalise_command.cpp (the registry entry the
// CLI builds its subcommand from). Method: ../shared/spec/ (max-p regionalisation); the steps are
// max_p.hpp, region_summary.hpp and dissolve.hpp.
#include "regio/geometry/adjacency.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/io/text_input.hpp"
#include "regio/progress.hpp"
#include "regio/regionalise/max_p.hpp"
#include "regio/regionalise/threshold.hpp"
#include "regio/regionalise/unit_values.hpp"
#include "regio/report/report_output.hpp"
#include "regio/regions/region_source.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regio::regionalise {

struct RegionaliseRequest {
    // The units: regions = --units, regions_layer = --units-layer, id = --id,
    // set_ids/skip_features = the fixes; cache: the run's shared region sets
    // in a `regio run` step. The encoding is taken from `text`.
    regions::RegionSource units;
    std::string data;                     // CSV, one row per unit
    std::string data_id;                  // empty: the units' id name
    std::vector<std::string> thresholds;  // COLUMN>=N
    std::string within;                   // a field of the units layer
    std::size_t within_prefix = 0;        // or the first N characters of the id
    geometry::Contiguity contiguity = geometry::Contiguity::Rook;
    double tolerance = geometry::kDefaultAdjacencyTolerance;
    std::uint64_t seed = 1;
    unsigned runs = MaxPOptions{}.runs;
    Unmatched unmatched = Unmatched::Error;
    io::TextOptions text;
    unsigned threads = 0;  // region checks; 0 = all cores
    // Outputs: planned and checked before any work, committed together. The
    // report is one of them (written with the regions and the map or not at all).
    io::TableDestination output;  // the dissolved regions (any format with geometry, or PG:...)
    std::string map;              // UNIT_TO_REGION.csv
    std::string report;           // optional JSON report
    io::Overwrite overwrite = io::Overwrite::No;
};

// A region that does not meet every threshold, as the report and the
// warnings list it.
struct FailingRegion {
    std::string id;
    std::vector<std::string> units;  // unit ids
    struct Shortfall {
        std::string column;
        double sum = 0, minimum = 0;
    };
    std::vector<Shortfall> failing;
    std::string reason;
};

// Per threshold column: the table's total = in regions + in rows without a unit.
struct ColumnTotal {
    std::string column;
    double table = 0, in_regions = 0, rows_without_unit = 0;
    [[nodiscard]] bool preserved() const { return in_regions + rows_without_unit == table; }
    // Equal up to the rounding of summing in another order (relative 1e-9):
    // anything more is a lost or doubled unit, an error (run throws).
    [[nodiscard]] bool conserved() const;
};


struct RegionaliseResult {
    std::string units_source;                 // as displayed
    std::size_t units = 0;
    std::vector<std::string> unit_warnings;   // of the region checks
    std::vector<io::AppliedFix> unit_fixes;
    std::size_t data_rows = 0;
    std::vector<std::string> units_without_data, rows_without_unit;
    std::vector<Threshold> thresholds;
    std::size_t groups = 0, neighbour_pairs = 0, units_without_neighbours = 0;
    std::vector<RunStats> runs;
    std::size_t chosen_run = 0;
    std::size_t regions = 0;
    std::vector<FailingRegion> failing_regions;
    std::vector<ColumnTotal> totals;
    double read_s = 0, graph_s = 0, regions_s = 0, write_s = 0;
    std::vector<report::WrittenTable> outputs;
    // The warnings passed to `warn` after the outputs were committed
    // (units without data, rows without a unit, failing regions).
    std::vector<std::string> warnings;

    [[nodiscard]] std::size_t regions_failing() const { return failing_regions.size(); }
    [[nodiscard]] double compactness() const { return runs.empty() ? 0.0 : runs[chosen_run].compactness; }
    // The JSON report (keys in a fixed order).
    [[nodiscard]] nlohmann::ordered_json to_json(const RegionaliseRequest& request) const;
    // The summary lines for stderr (without a final newline).
    [[nodiscard]] std::string summary(const RegionaliseRequest& request) const;
};

// Validates the request (UsageError), plans the outputs, reads and checks the
// units (CrsError for a geographic CRS) and the data (DataError naming file,
// line and column), builds the regions and writes the outputs together; the
// totals per threshold column are reported (ColumnTotal::preserved). Warnings of the region checks go
// to `warn` as they are found, the others after the outputs are in place.
RegionaliseResult run(const RegionaliseRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

// "rook" or "queen", as the report and the summary name the rule.
const char* contiguity_name(geometry::Contiguity contiguity);

}  // namespace regio::regionalise
