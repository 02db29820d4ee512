// regio aggregate grid: binds the options to an aggregate::AggregateGridRequest,
// runs it, prints warnings and the summary (see
// regio/aggregate/aggregate_grid_operation.hpp).
#include "commands.hpp"
#include "option_kinds.hpp"
#include "run_context.hpp"

#include "regio/aggregate/aggregate_grid_operation.hpp"
#include "grid_options.hpp"
#include "region_options.hpp"
#include "text_options.hpp"
#include "terminal_progress.hpp"

#include <iostream>
#include <memory>

namespace regio::cli {
namespace {

struct GridArgs {
    aggregate::AggregateGridRequest request;
    TextInputArgs text;
    OutputOptions out;
};

int run(GridArgs args) {
    aggregate::AggregateGridRequest& request = args.request;
    request.text = args.text.options();
    request.output = table_destination(args.out);
    request.report = args.out.report;
    request.overwrite = args.out.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    request.threads = args.out.threads;
    TerminalProgress progress(args.out.quiet);
    const aggregate::AggregateGridResult result =
        aggregate::run(request, ProgressRange(progress.callback()), warning_printer(args.out.quiet));
    if (!args.out.quiet) std::cerr << result.summary();
    return 0;
}

}  // namespace

void add_aggregate_grid(CLI::App& aggregate, Action& action, RunContext* context) {
    auto args = std::make_shared<GridArgs>();
    CLI::App* cmd = aggregate.add_subcommand("grid", "Sum grid values (population rasters, grid tables) per region");
    add_region_options(*cmd, args->request.regions);
    add_grid_options(*cmd, args->request.grid);
    cmd->add_option("--method", args->request.method,
                    "area (exact partial cells), centroid (whole cells by their centre) or dasymetric (spread by --weights)")
        ->capture_default_str();
    cmd->add_option("--weights", args->request.weights,
                    "Raster: on the same grid, weights --stat weighted_mean; finer and nested, spreads values for dasymetric")->type_name(kInputRaster);
    cmd->add_option("--stat", args->request.stats, "Statistics, comma-separated: sum, mean, weighted_mean, count, area")
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
    if (context) args->request.regions.cache = &context->regions;  // a pipeline step: shared region sets
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
