// regio regionalise: binds the options to a regionalise::RegionaliseRequest,
// runs it, prints warnings and the summary (see
// regio/regionalise/regionalise_operation.hpp).
#include "commands.hpp"
#include "option_kinds.hpp"
#include "run_context.hpp"

#include "regio/regionalise/regionalise_operation.hpp"
#include "region_options.hpp"
#include "text_options.hpp"
#include "terminal_progress.hpp"

#include <iostream>

namespace regio::cli {
namespace {

namespace rg = regionalise;

struct Args {
    rg::RegionaliseRequest request;  // units.cache: a pipeline step's shared region sets
    std::string contiguity = "rook", unmatched = "error";
    bool overwrite = false, quiet = false;
    TextInputArgs text;
};

int run(Args& a) {
    rg::RegionaliseRequest& r = a.request;
    r.text = a.text.options();
    r.contiguity = a.contiguity == "queen" ? geometry::Contiguity::Queen : geometry::Contiguity::Rook;
    r.unmatched = a.unmatched == "report" ? rg::Unmatched::Report : rg::Unmatched::Error;
    r.overwrite = a.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    TerminalProgress progress(a.quiet);
    const rg::RegionaliseResult result = rg::run(r, ProgressRange(progress.callback()), warning_printer(a.quiet));
    if (!a.quiet) std::cerr << result.summary(r) << '\n';
    return 0;
}

}  // namespace

void add_regionalise(CLI::App& app, Action& action, RunContext* context) {
    auto args = std::make_shared<Args>();
    rg::RegionaliseRequest& r = args->request;
    CLI::App* c = app.add_subcommand("regionalise", "Merge neighbouring small units until each region reaches publication thresholds");
    c->add_option("--units", r.units.regions,
                  "Unit polygons in a projected CRS: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
        ->type_name(kInputLayer)
        ->required();
    c->add_option("--units-layer", r.units.regions_layer, "Layer (table) of --units, when the source has several");
    add_region_fix_options(*c, r.units);
    c->add_option("--id", r.units.id, "Field with the unit id (read as text; must be unique)")->required();
    c->add_option("--data", r.data, "CSV table with one row per unit")->type_name(kInputFile)->required();
    c->add_option("--data-id", r.data_id, "Column of --data with the unit ids (default: the --id name)");
    c->add_option("--threshold", r.thresholds, "COLUMN>=N: every region reaches at least N in COLUMN (repeatable, or several separated by commas)")->required()->delimiter(',');
    auto* within = c->add_option("--within", r.within, "Field of the units layer: regions stay inside each of its values");
    c->add_option("--within-prefix", r.within_prefix, "Regions stay inside the groups of the first N characters of the unit id")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
        ->excludes(within);
    c->add_option("--contiguity", args->contiguity, "rook (a shared border) or queen (a shared point suffices)")
        ->check(CLI::IsMember({"rook", "queen"}))
        ->capture_default_str();
    c->add_option("--tolerance", r.tolerance, "Borders closer than about half of this (CRS units) count as shared")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    c->add_option("--seed", r.seed, "Seed of the runs' orders: same seed, same regions")->capture_default_str();
    c->add_option("--runs", r.runs, "Runs with different orders; the best is kept")->check(CLI::Range(1u, 100000u))->capture_default_str();
    c->add_option("--unmatched", args->unmatched, "Ids in units or data only: error, or report (units without data count 0)")
        ->check(CLI::IsMember({"error", "report"}))
        ->capture_default_str();
    c->add_option("-o,--output", r.output.path,
                  "REGIONS.gpkg: dissolved regions with units, sums and meets_thresholds; also .fgb (FlatGeobuf), .geojson, "
                  ".parquet (where GDAL has the driver), or a database: PG:... with --output-layer")
        ->type_name(kOutputFile)
        ->required();
    c->add_option("--output-layer", r.output.layer,
                  "Table of a database -o ([SCHEMA.]NAME, written in one transaction and renamed into place), or the "
                  "layer name in a file (default: the file's name)");
    c->add_option("--of", r.output.format, "Format of -o instead of its extension's: gpkg, fgb, geojson, parquet");
    c->add_option("--map", r.map, "UNIT_TO_REGION.csv: unit_id,region_id")->type_name(kOutputFile)->required();
    c->add_option("--report", r.report, "Write a JSON report: regions, failing regions and why, runs, totals")->type_name(kOutputFile);
    c->add_flag("--overwrite", args->overwrite, "Replace the outputs (and report) if they exist");
    c->add_flag("-q,--quiet", args->quiet, "No warnings and no summary on stderr");
    add_text_options(*c, args->text);
    c->footer(R"(UNIT_TO_REGION.csv: unit_id,region_id, one row per unit in input order.
Region ids R0001, R0002, ... in order of each region's first unit.
REGIONS.gpkg (or .fgb, .geojson, .parquet, --of FORMAT, PG:...): region_id,
units, one sum per threshold column, meets_thresholds (1/0). Units that cannot reach the thresholds inside
their group (an island, a too-small district) form regions with
meets_thresholds 0, listed on stderr and in the report; no unit is dropped.

Example:
  regio regionalise --units planning_areas.gpkg --id plr_id \
    --data residents.csv --threshold residents>=5000 --within-prefix 2 \
    -o out/regions.gpkg --map out/unit_to_region.csv
  regio regionalise --units planning_areas.gpkg --id plr_id \
    --data residents.csv --threshold residents>=5000 \
    -o out/regions.fgb --map out/unit_to_region.csv)");
    if (context) r.units.cache = &context->regions;
    c->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
