#pragma once
// `regio degurba` as a library operation (issue #13): the Degree of
// Urbanisation (../shared/spec/degurba.md) of a population grid: cell
// classes, urban centres and clusters, and optionally the classes of spatial
// units. The registry entry (degurba_command.cpp) binds its options to a
// DegurbaRequest and calls run(); the front-end prints the result.
#include "regio/degurba/degurba_report.hpp"
#include "regio/degurba/option_choices.hpp"
#include "regio/degurba/unit_classes.hpp"
#include "regio/io/grid_source_spec.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/region_fixes.hpp"
#include "regio/progress.hpp"
#include "regio/regions/region_source.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace regio::degurba {

struct DegurbaRequest {
    // Inputs. The grid's text options (--grid-table) are checked by the caller.
    io::GridSourceSpec grid;  // the population (one value column)
    std::string land;         // share of permanent land, a raster on the same grid
    std::string built_up;     // share of built-up area, a raster on the same grid
    // Classification: the preset, then the choices made over it.
    Preset preset = Preset::Manual2021;
    Level level = Level::One;
    OptionChoices choices;
    // Units to classify (optional): units.regions, units.regions_layer,
    // units.id, the encoding of their text, the fixes; units.cache in a
    // `regio run` step (the run's shared region sets).
    regions::RegionSource units;
    std::string unit_name;  // a field of the units carried into units_out after the id
    // Outputs: planned and checked before any work, committed together.
    std::string output;     // cell classes: .tif or .gpkg
    std::string clusters;   // urban centres and clusters: .gpkg or .csv (.fgb, .geojson, .parquet, PG:...)
    std::string clusters_layer;   // a database table or a file's layer (issue #16)
    std::string units_out;  // unit classes: .csv or .gpkg (.fgb, .geojson, .parquet, PG:...)
    std::string units_out_layer;  // a database table or a file's layer (issue #16)
    std::string report;     // the JSON report, written with the other outputs
    io::Overwrite overwrite = io::Overwrite::No;
    unsigned threads = 0;  // for the units; 0: all cores
};

struct DegurbaResult {
    DegurbaReport report;  // sources, grid, options, assumptions, warnings, outputs, timings
    GridSummary classes;
    std::optional<UnitsResult> units;
    // The warnings of resolving the options: shown after the run, with the
    // notes (report.assumptions); the units' warnings went to `warn` as they
    // were found. report.warnings holds both, for the report.
    std::vector<std::string> option_warnings;
    std::vector<io::AppliedFix> region_fixes;  // --set-id and --skip-feature as applied to the units

    // The report JSON (--report), with "region_fixes" when any fix was used.
    [[nodiscard]] nlohmann::ordered_json to_json() const;
    // The summary lines: grid, classes with conservation, units, timings.
    [[nodiscard]] std::string summary() const;
};

// Checks the request (UsageError), plans and checks every output, reads the
// units (through units.cache when set; their warnings go to `warn`) and the
// grid, classifies, checks that the units hold population (DataError: a
// wrong CRS), writes every output and the report, and commits them together.
DegurbaResult run(const DegurbaRequest& request, const ProgressRange& progress, const WarningFn& warn = {});

}  // namespace regio::degurba
