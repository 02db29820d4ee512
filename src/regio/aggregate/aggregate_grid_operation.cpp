// regio aggregate grid: population grids (rasters, cell-code tables, vector
// grids) onto regions with exact cell coverage. The grid is never resampled:
// the regions move into its CRS.
#include "regio/aggregate/aggregate_grid_operation.hpp"

#include "regio/aggregate/dasymetric_grid.hpp"
#include "regio/aggregate/landing_check.hpp"
#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/regions/checked_regions.hpp"
#include "regio/stopwatch.hpp"
#include "regio/worker_threads.hpp"

#include <algorithm>
#include <memory>

namespace regio::aggregate {
namespace {

GridMethod parse_method(const std::string& text) {
    if (text == "area" || text == "dasymetric") return GridMethod::Area;
    if (text == "centroid") return GridMethod::Centroid;
    throw UsageError("unknown --method '" + text + "' (known: area, centroid, dasymetric)");
}

// The combinations of --weights, --method and --stat that can work.
void check_weights_use(const io::GridSource* weights, bool dasymetric, const std::vector<GridStat>& stats) {
    if (dasymetric && !weights)
        throw UsageError("--method dasymetric needs --weights: a finer raster to spread each cell's value by");
    const bool weighted_mean = std::find(stats.begin(), stats.end(), GridStat::WeightedMean) != stats.end();
    if (weights && !dasymetric && !weighted_mean)
        throw UsageError("--weights is used by --method dasymetric or --stat weighted_mean; give one of them");
    for (const auto s : stats)
        if (s == GridStat::WeightedMean && (!weights || dasymetric))
            throw UsageError(dasymetric ? "--stat weighted_mean cannot be combined with --method dasymetric"
                                        : "--stat weighted_mean needs --weights (e.g. a population raster on the same grid)");
}

}  // namespace

AggregateGridResult run(const AggregateGridRequest& request, const ProgressRange& progress, const WarningFn& warn) {
    Stopwatch watch;
    // --encoding applies to every text input: the region layer's names and the grid table.
    regions::RegionSource region_source = request.regions;
    region_source.encoding = request.text.encoding;
    io::GridSourceSpec grid_spec = request.grid;
    grid_spec.text = request.text;
    io::check_grid_source_spec(grid_spec, io::GridValues::Many);
    AggregateGridResult out;
    GridReport& report = out.report;
    report.threads = worker_threads(request.threads);
    const GridMethod method = parse_method(request.method);
    const bool dasymetric = request.method == "dasymetric";
    report.method = request.method;
    const std::vector<GridStat> stats = parse_grid_stats(request.stats);

    const io::InputSpec regions_input = region_source.input();
    const std::vector<io::InputSpec> inputs{regions_input, io::InputSpec::parse(grid_spec.raster), io::InputSpec{grid_spec.table},
                                            grid_spec.layer.empty() ? io::InputSpec{} : grid_spec.layer_input(),
                                            io::InputSpec{request.weights}};
    io::OutputPlan outputs = io::OutputPlan::reading(request.overwrite, inputs);
    const io::PlannedOutput& table_output = outputs.add_table("--output", request.output);  // "-": stdout (CSV)
    const io::PlannedOutput* report_output = outputs.add_optional("--report", request.report);

    std::unique_ptr<io::GridSource> grid = io::open_grid_source(grid_spec, io::GridValues::Many);
    std::unique_ptr<io::GridSource> weights;
    if (!request.weights.empty()) weights = io::open_raster_grid(request.weights);
    check_weights_use(weights.get(), dasymetric, stats);
    // Dasymetric: the coarse grid seen at the weights' resolution.
    std::unique_ptr<DasymetricGrid> refined;
    if (dasymetric) refined = std::make_unique<DasymetricGrid>(*grid, *weights);
    io::GridSource& source = refined ? static_cast<io::GridSource&>(*refined) : *grid;
    report.grid_source = source.display();

    regions::CheckedRegions checked = regions::load_checked_regions(region_source, report.threads, warn);
    report.regions_source = regions_input.display();
    report.region_count = checked.regions.size();
    report.region_warnings = checked.warnings;
    out.region_fixes = checked.fixes;
    // The grid is never resampled: the regions move into its CRS.
    geometry::RegionSet in_grid_crs = checked.regions;
    const io::Crs regions_crs = io::Crs::from_wkt(checked.regions.crs_wkt);
    if (!regions_crs.same_as(source.crs())) io::transform_regions(in_grid_crs, regions_crs, source.crs());
    report.timings.push_back({"regions", watch.lap()});

    GridOptions options;
    options.method = method;
    options.threads = report.threads;
    options.progress = progress;
    out.grid = aggregate_grid(source, in_grid_crs, dasymetric ? nullptr : weights.get(), options);
    const GridResult& result = out.grid;
    if (refined) {
        report.dasymetric_fallback = refined->fallback();
        report.beyond_weights = refined->beyond_weights();
    }
    report.timings.push_back({"grid", watch.lap()});
    // Nothing of the grid in any region is a wrong CRS, not an empty table.
    check_landing({"grid's value", source.display(), source.crs().name, regions_crs.name, result.grid_total.at(0),
                   result.inside_regions.at(0), OutsideShare::Expected});

    const table::RegionTable table = grid_table(result, region_source.id, checked.regions.ids, stats);
    io::write_region_table(table, &checked.regions, table_output);
    report.timings.push_back({"write", watch.lap()});

    out.outputs.push_back(report::WrittenTable::of(table_output));
    if (report_output) report::write_report_text(*report_output, out.to_json());
    outputs.commit();
    for (std::size_t v = 0; v < result.value_names.size(); ++v)
        if (result.nodata_cells[v] == result.cells)
            out.warnings.push_back(result.value_names[v] + ": every cell of the grid is no data");
    if (warn)
        for (const auto& warning : out.warnings) warn(warning);
    return out;
}

nlohmann::ordered_json AggregateGridResult::to_json() const {
    return report::finish_report(aggregate::to_json(report, grid), region_fixes, outputs);
}

std::string AggregateGridResult::summary() const { return summary_text(report, grid); }

}  // namespace regio::aggregate
