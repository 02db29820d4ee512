#pragma once
// `regio indicators` as a library operation (issue #13): rates by population
// group, gaps against the reference group and disclosure control, from a
// table of counts per region (../shared/spec/indicators.md). Its options are
// declared in indicators_command.cpp (the registry entry the CLI builds its
// subcommand from).
//
// Outputs: the tidy CSV (indicators_csv.hpp), or the wide table, one feature
// per region with the regions' geometry (indicators_table.hpp) as a
// GeoPackage, FlatGeobuf, GeoJSON or Parquet file or a database table
// (issue #16). The report is written with them, in the same atomic set.
#include "regio/indicators/compute.hpp"
#include "regio/indicators/definitions.hpp"
#include "regio/indicators/hierarchy.hpp"
#include "regio/indicators/protected_compute.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/io/text_input.hpp"
#include "regio/progress.hpp"
#include "regio/regions/region_source.hpp"
#include "regio/report/report_output.hpp"
#include "regio/table/id_list.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace regio::indicators {

struct IndicatorsRequest {
    std::string data;         // CSV of counts, one row per region
    std::string id;           // its region id column
    std::string definitions;  // INDICATORS.toml
    std::string rollup;       // empty: none; "nuts": by NUTS code prefix (even if a column is called nuts); else a parent column
    io::TextOptions text;     // --delimiter, --encoding of the data (and the regions' text)
    // The region geometry of a wide output: regions, regions_layer, id (empty:
    // the same name as `id`), set_ids, skip_features, encoding.
    regions::RegionSource regions;
    // -o (.csv: tidy; .gpkg, .fgb, .geojson, .parquet or PG:...: wide), its
    // layer (--output-layer) and format (--of; empty: by the extension).
    io::TableDestination output;
    std::string report;         // JSON report (optional)
    std::string ptable_output;  // cell-key: the ptable used, for audit (optional)
    io::Overwrite overwrite = io::Overwrite::No;
};

// The output's shape: tidy CSV, or one row (feature) per region.
enum class OutputForm { Tidy, Wide };

// The join of the data onto the regions of a wide output, both ways (first ten of each).
struct RegionJoin {
    table::IdSample rows_without_region;  // data rows whose id is not a region: written without geometry
    table::IdSample regions_without_row;  // regions the data do not name: written with empty indicators
};

struct IndicatorsResult {
    OutputForm form = OutputForm::Tidy;
    Definitions definitions;
    Hierarchy hierarchy;                      // output regions: data rows, then parents
    Result table;                             // the rows, flags and suppressed cells
    std::vector<ProtectionOutcome> outcomes;  // per indicator: the method that ran and its figures
    std::size_t data_rows = 0;
    std::vector<std::string> warnings;
    std::optional<RegionJoin> join;            // wide output only
    std::vector<io::AppliedFix> region_fixes;  // as applied to the regions (wide output only)
    std::vector<report::WrittenTable> tables;          // the wide output as written (for the report's "outputs")

    // The report, exactly as written to --report.
    [[nodiscard]] nlohmann::ordered_json to_json(const IndicatorsRequest& request) const;
    // The summary lines for stderr (each ending in a newline).
    [[nodiscard]] std::string summary() const;
};

// Validates the request (UsageError: an output format that is not a table,
// a wide output without --regions, --regions or region fixes without a
// wide output), plans every output before any work, reads, computes and
// writes the outputs and the report atomically. DataError names file, line
// and field for bad data. Warnings are passed to `warn` once the outputs
// are in place (and kept in the result).
IndicatorsResult run(const IndicatorsRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::indicators
