// regio aggregate grid: population grids (rasters, cell-code tables, vector
// grids) onto regions with exact cell coverage.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "run_context.hpp"

#include "regio/aggregate/aggregate_grid.hpp"
#include "regio/aggregate/dasymetric_grid.hpp"
#include "regio/aggregate/grid_report.hpp"
#include "regio/aggregate/landing_check.hpp"
#include "regio/error.hpp"
#include "regio/io/grid_source_spec.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/io/table_writer.hpp"
#include "grid_options.hpp"
#include "region_options.hpp"
#include "text_options.hpp"
#include "report_file.hpp"
#include "stopwatch.hpp"
#include "terminal_progress.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

namespace regio::cli {
namespace {

struct GridArgs {
    RegionOptions region;
    io::GridSourceSpec grid;
    std::string method = "area";
    std::string weights;
    std::string stats = "sum";
    TextInputArgs text;
    OutputOptions out;
};

aggregate::GridMethod parse_method(const std::string& text) {
    if (text == "area" || text == "dasymetric") return aggregate::GridMethod::Area;
    if (text == "centroid") return aggregate::GridMethod::Centroid;
    throw UsageError("unknown --method '" + text + "' (known: area, centroid, dasymetric)");
}

int run(GridArgs args) {
    Stopwatch watch;
    args.region.encoding = args.text.options().encoding;
    args.grid.text = args.text.options();
    io::check_grid_source_spec(args.grid, io::GridValues::Many);
    aggregate::GridReport report;
    report.threads = effective_threads(args.out.threads);
    const aggregate::GridMethod method = parse_method(args.method);
    const bool dasymetric = args.method == "dasymetric";
    report.method = args.method;
    const std::vector<aggregate::GridStat> stats = aggregate::parse_grid_stats(args.stats);
    TerminalProgress progress(args.out.quiet);

    const io::InputSpec regions_input = args.region.input();
    const io::GridSourceSpec& grid_spec = args.grid;
    const std::vector<io::InputSpec> inputs{regions_input, io::InputSpec::parse(grid_spec.raster), io::InputSpec{grid_spec.table},
                                            grid_spec.layer.empty() ? io::InputSpec{} : grid_spec.layer_input(),
                                            io::InputSpec{args.weights}};
    io::OutputPlan outputs = io::OutputPlan::reading(args.out.overwrite ? io::Overwrite::Yes : io::Overwrite::No, inputs);
    const io::PlannedOutput& table_output = outputs.add_table("--output", table_destination(args.out));  // "-": stdout (CSV)
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.out.report);

    std::unique_ptr<io::GridSource> grid = io::open_grid_source(args.grid, io::GridValues::Many);
    std::unique_ptr<io::GridSource> weights;
    if (!args.weights.empty()) weights = io::open_raster_grid(args.weights);
    if (dasymetric && !weights)
        throw UsageError("--method dasymetric needs --weights: a finer raster to spread each cell's value by");
    const bool weighted_mean =
        std::find(stats.begin(), stats.end(), aggregate::GridStat::WeightedMean) != stats.end();
    if (weights && !dasymetric && !weighted_mean)
        throw UsageError("--weights is used by --method dasymetric or --stat weighted_mean; give one of them");
    for (const auto s : stats)
        if (s == aggregate::GridStat::WeightedMean && (!weights || dasymetric))
            throw UsageError(dasymetric ? "--stat weighted_mean cannot be combined with --method dasymetric"
                                        : "--stat weighted_mean needs --weights (e.g. a population raster on the same grid)");
    // Dasymetric: the coarse grid seen at the weights' resolution.
    std::unique_ptr<aggregate::DasymetricGrid> refined;
    if (dasymetric) refined = std::make_unique<aggregate::DasymetricGrid>(*grid, *weights);
    io::GridSource& source = refined ? static_cast<io::GridSource&>(*refined) : *grid;
    report.grid_source = source.display();

    CheckedRegions checked = load_checked_regions(args.region, report.threads, args.out.quiet);
    report.regions_source = regions_input.display();
    report.region_count = checked.regions.size();
    report.region_warnings = checked.warnings;
    // The grid is never resampled: the regions move into its CRS.
    geometry::RegionSet in_grid_crs = checked.regions;
    const io::Crs regions_crs = io::Crs::from_wkt(checked.regions.crs_wkt);
    if (!regions_crs.same_as(source.crs())) io::transform_regions(in_grid_crs, regions_crs, source.crs());
    report.timings.push_back({"regions", watch.lap()});

    aggregate::GridOptions options;
    options.method = method;
    options.threads = report.threads;
    options.progress = ProgressRange(progress.callback());
    const aggregate::GridResult result =
        aggregate::aggregate_grid(source, in_grid_crs, dasymetric ? nullptr : weights.get(), options);
    if (refined) {
        report.dasymetric_fallback = refined->fallback();
        report.beyond_weights = refined->beyond_weights();
    }
    report.timings.push_back({"grid", watch.lap()});
    // Nothing of the grid in any region is a wrong CRS, not an empty table.
    aggregate::check_landing({"grid's value", source.display(), source.crs().name, regions_crs.name, result.grid_total.at(0),
                              result.inside_regions.at(0), aggregate::OutsideShare::Expected});

    const table::RegionTable table = aggregate::grid_table(result, args.region.id, checked.regions.ids, stats);
    io::write_region_table(table, &checked.regions, table_output);
    report.timings.push_back({"write", watch.lap()});

    if (report_output) {
        nlohmann::ordered_json j = aggregate::to_json(report, result);
        add_region_fixes(j, checked.fixes);
        write_report(*report_output, j, {&table_output});
    }
    outputs.commit();
    if (!args.out.quiet) {
        for (std::size_t v = 0; v < result.value_names.size(); ++v)
            if (result.nodata_cells[v] == result.cells)
                std::cerr << "regio: warning: " << result.value_names[v] << ": every cell of the grid is no data\n";
        std::cerr << aggregate::summary_text(report, result);
    }
    return 0;
}

}  // namespace

void add_aggregate_grid(CLI::App& aggregate, Action& action, RunContext* context) {
    auto args = std::make_shared<GridArgs>();
    CLI::App* cmd = aggregate.add_subcommand("grid", "Sum grid values (population rasters, grid tables) per region");
    add_region_options(*cmd, args->region);
    add_grid_options(*cmd, args->grid);
    cmd->add_option("--method", args->method,
                    "area (exact partial cells), centroid (whole cells by their centre) or dasymetric (spread by --weights)")
        ->capture_default_str();
    cmd->add_option("--weights", args->weights,
                    "Raster: on the same grid, weights --stat weighted_mean; finer and nested, spreads values for dasymetric")->type_name(kInputRaster);
    cmd->add_option("--stat", args->stats, "Statistics, comma-separated: sum, mean, weighted_mean, count, area")
        ->capture_default_str();
    add_text_options(*cmd, args->text);
    add_output_options(*cmd, args->out);
    add_table_destination_options(*cmd, args->out);
    cmd->footer(R"(Output: one row per region, in input order, with <value>_<stat>
for each value and statistic: band1_sum for raster band 1,
TOT_P_2018_sum for a value column.
  sum            Σ value × covered share of the cell (extensive)
  mean           area-weighted mean of the cells' values (intensive)
  weighted_mean  mean weighted by --weights × covered share
  count          cells with a value, in cell equivalents (Σ shares)
  area           covered area in the CRS's units (m² in EPSG:3035)

area: each cell contributes value × (area of cell ∩ region) / (cell
area), computed exactly from the polygon edges. centroid: a cell
goes wholly to the region containing its centre (boundary rule as
for points: east, then north). dasymetric: each cell's value is
spread over the finer --weights cells inside it in proportion to
their weights (evenly where they are all zero; reported), then
allocated by exact coverage of the fine cells. No-data cells contribute nothing and
are counted. If the grid's CRS differs from the regions', the
regions are transformed into the grid's CRS.

Example:
  regio aggregate grid --regions nuts.gpkg:nutsrg_3 --id NUTS_ID \
    --grid JRC_1K_POP_2018.tif --stat sum,mean -o pop.csv
  (or -o pop.fgb, -o pop.geojson, -o pop.dat --of gpkg, or
   -o "PG:dbname=stats" --output-layer pop_nuts3))");
    if (context) args->region.cache = &context->regions;  // a pipeline step: shared region sets
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
