// regio degurba: the Degree of Urbanisation (../shared/spec/degurba.md) of a
// population grid: cell classes, urban centres and clusters, and optionally
// the classes of spatial units.
#include "commands.hpp"

#include "degurba_options.hpp"
#include "regio/aggregate/landing_check.hpp"
#include "regio/degurba/class_patches.hpp"
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/degurba_report.hpp"
#include "regio/degurba/grid_input.hpp"
#include "regio/degurba/output_tables.hpp"
#include "regio/degurba/unit_classes.hpp"
#include "regio/error.hpp"
#include "regio/io/class_raster_writer.hpp"
#include "regio/io/cluster_polygons.hpp"
#include "regio/io/feature_table.hpp"
#include "regio/io/grid_source_spec.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/region_transform.hpp"
#include "region_options.hpp"
#include "report_file.hpp"
#include "stopwatch.hpp"
#include "terminal_progress.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#ifdef __GLIBC__
#include <malloc.h>  // malloc_trim
#endif

namespace regio::cli {
namespace {

// The units as an input: source, layer (--units-layer) and encoding.
io::InputSpec units_input(const DegurbaArgs& a) {
    io::InputSpec spec = io::InputSpec::parse(a.units, a.units_layer);
    spec.encoding = a.text.options().encoding;
    return spec;
}

// Every output is planned and checked before any work (no two share a file);
// all are committed together at the end.
struct DegurbaOutputs {
    const io::PlannedOutput* cells = nullptr;
    const io::PlannedOutput* clusters = nullptr;
    const io::PlannedOutput* units = nullptr;
    const io::PlannedOutput* report = nullptr;
};

DegurbaOutputs plan_outputs(const DegurbaArgs& a, io::OutputPlan& plan) {
    const std::string ext = io::extension_of(a.output);
    if (ext != "tif" && ext != "tiff" && ext != "gpkg")
        throw UsageError("output " + a.output + ": unknown format '" + ext + "'", {},
                         "use .tif (class codes) or .gpkg (polygons per class)");
    if (!a.clusters.empty()) io::check_feature_format(a.clusters, "--clusters");
    if (!a.units_out.empty()) io::check_feature_format(a.units_out, "--units-out");
    DegurbaOutputs out;
    out.cells = &plan.add("-o", a.output);
    out.clusters = plan.add_optional("--clusters", a.clusters);
    out.units = plan.add_optional("--units-out", a.units_out);
    out.report = plan.add_optional("--report", a.report);
    return out;
}

int run(const DegurbaArgs& a) {
    Stopwatch watch;
    TerminalProgress progress(a.quiet);
    const ProgressRange bar(progress.callback());
    degurba::DegurbaReport report;
    report.threads = effective_threads(a.threads);
    const degurba::Options options = classification_options(a, report.warnings);
    const io::Overwrite overwrite = a.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    io::GridSourceSpec grid_spec = a.grid;
    grid_spec.text = a.text.options();
    io::check_grid_source_spec(grid_spec, io::GridValues::One);
    const bool with_units = !a.units.empty() || !a.unit_id.empty() || !a.units_out.empty();
    if (with_units && (a.units.empty() || a.unit_id.empty() || a.units_out.empty()))
        throw UsageError("units need all of --units, --unit-id and --units-out");
    if (!a.unit_name.empty() && a.unit_name == a.unit_id)
        throw UsageError("--unit-name names the id field '" + a.unit_id + "'; name the field with the units' names");
    if (!with_units && (!a.units_layer.empty() || !a.unit_name.empty()))
        throw UsageError(std::string(a.units_layer.empty() ? "--unit-name" : "--units-layer") +
                         " goes with --units, --unit-id and --units-out");
    std::vector<std::string> inputs = grid_spec.paths();
    for (const std::string& path : {io::InputSpec::parse(a.land).path, io::InputSpec::parse(a.built_up).path,
                                    a.units.empty() ? std::string() : units_input(a).path})
        inputs.push_back(path);
    io::OutputPlan plan(overwrite, inputs);
    const DegurbaOutputs outputs = plan_outputs(a, plan);

    std::unique_ptr<io::GridSource> population = io::open_grid_source(grid_spec, io::GridValues::One);
    std::unique_ptr<io::GridSource> land = a.land.empty() ? nullptr : io::open_raster_grid(a.land);
    std::unique_ptr<io::GridSource> built_up = a.built_up.empty() ? nullptr : io::open_raster_grid(a.built_up);
    report.grid_source = population->display();
    report.land_source = land ? land->display() : "";
    report.built_up_source = built_up ? built_up->display() : "";
    // Without a land layer every cell is land (../shared/spec/degurba.md §1:
    // "if there is no land layer, use land = 1, so density = pop"), and no
    // cell is water. An assumption, so it is said and reported.
    if (!land) report.assumptions.emplace_back("every cell counted as land (no --land given)");

    // Units are read (and checked) before the grid, so that their errors come early.
    std::optional<CheckedRegions> units;
    std::vector<std::string> unit_names;  // --unit-name, in the units' order
    geometry::RegionSet units_in_grid_crs;
    if (with_units) {
        RegionOptions unit_regions = a.unit_fixes;
        unit_regions.regions = a.units;
        unit_regions.regions_layer = a.units_layer;
        unit_regions.id = a.unit_id;
        unit_regions.encoding = a.text.options().encoding;
        units.emplace(load_checked_regions(unit_regions, report.threads, a.quiet));
        if (!a.unit_name.empty()) unit_names = io::read_text_field(units_input(a), a.unit_name);
        report.units_source = units_input(a).display();
        report.unit_name_field = a.unit_name;
        report.unit_count = units->regions.size();
        report.unit_rules = unit_options(a).rules;
        report.warnings.insert(report.warnings.end(), units->warnings.begin(), units->warnings.end());
        units_in_grid_crs = units->regions;
        const io::Crs units_crs = io::Crs::from_wkt(units->regions.crs_wkt);
        if (!units_crs.same_as(population->crs())) io::transform_regions(units_in_grid_crs, units_crs, population->crs());
    }

    degurba::GridInput in = degurba::read_grid_input(*population, {land.get(), built_up.get()}, bar.sub(0, 0.3));
    // Close the rasters: their GDAL blocks (up to GDAL_CACHEMAX of small
    // allocations) are not needed past here; hand the freed heap back to the
    // system, or it stays in the peak RSS under the classification's arrays.
    population.reset();
    land.reset();
    built_up.reset();
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    report.grid = in.definition;
    report.crs_name = in.crs.name;
    report.timings.emplace_back("read", watch.lap());

    const degurba::GridClassification classes = degurba::classify_grid(in.grid, options, bar.sub(0.3, 0.6));
    report.options = options;
    report.timings.emplace_back("classify", watch.lap());

    std::optional<degurba::UnitsResult> unit_result;
    if (with_units) {
        unit_result = degurba::classify_units(in.grid, classes, in.definition, in.crs, units_in_grid_crs, unit_options(a),
                                              report.threads, bar.sub(0.6, 0.8));
        // No population under any unit is a wrong CRS, not a table of empty
        // units (the grid's total is only summed then).
        if (!(unit_result->inside_units > 0)) {
            double total = 0;
            for (std::size_t i = 0; i < in.grid.population_size(); ++i)
                if (const double v = in.grid.population_at(i); v > 0) total += v;
            aggregate::check_landing({"grid's value", report.grid_source, in.crs.name,
                                      io::Crs::from_wkt(units->regions.crs_wkt).name, total, unit_result->inside_units,
                                      aggregate::OutsideShare::Expected});
        }
        report.timings.emplace_back("units", watch.lap());
    }

    // Outputs, to their temporary files. Only the polygons of -o .gpkg need the population
    // again: otherwise free it (100-200 MB for Europe) before writing.
    if (io::extension_of(a.output) != "gpkg") {
        std::vector<float>().swap(in.grid.population_f32);
        std::vector<double>().swap(in.grid.population);
        std::vector<double>().swap(in.grid.land_share);
        std::vector<double>().swap(in.grid.built_up_share);
    }
    const std::vector<std::uint8_t>& codes = options.level == degurba::Level::Two ? classes.level2_class : classes.cell_class;
    if (io::extension_of(a.output) == "gpkg") {
        const degurba::ClassPatches patches = degurba::label_class_patches(in.grid, codes);
        const auto shapes = io::polygonize_labels(patches.labels, in.definition,
                                                  static_cast<std::int32_t>(patches.patches.size()));
        io::FeatureTable table = degurba::patch_table(patches, in.grid.cell_area_km2, options.level);
        table.shapes = &shapes;
        table.crs_wkt = in.crs.wkt;
        io::write_feature_table(table, *outputs.cells);
    } else {
        io::ClassRaster raster{in.definition, in.crs, codes, std::nullopt, degurba::options_metadata(options)};
        io::write_class_raster(raster, *outputs.cells);
    }
    report.outputs.emplace_back("cells", a.output);
    if (!a.clusters.empty()) {
        io::FeatureTable table = degurba::cluster_table(classes);
        std::vector<geometry::MultiPolygon> shapes;
        if (io::extension_of(a.clusters) == "gpkg") {
            shapes = io::polygonize_labels(classes.cluster_id, in.definition, static_cast<std::int32_t>(classes.clusters.size()));
            table.shapes = &shapes;
            table.crs_wkt = in.crs.wkt;
        }
        io::write_feature_table(table, *outputs.clusters);
        report.outputs.emplace_back("clusters", a.clusters);
    }
    if (unit_result) {
        io::FeatureTable table = degurba::unit_table(a.unit_id, units->regions.ids, *unit_result, options.level,
                                                     {a.unit_name, unit_names});
        table.shapes = &units->regions.shapes;
        table.crs_wkt = units->regions.crs_wkt;
        io::write_feature_table(table, *outputs.units);
        report.outputs.emplace_back("units", a.units_out);
    }
    report.timings.emplace_back("write", watch.lap());

    if (outputs.report) {
        nlohmann::ordered_json j = degurba::to_json(report, classes, unit_result ? &*unit_result : nullptr);
        if (units) add_region_fixes(j, units->fixes);
        write_report(*outputs.report, j);
    }
    plan.commit();
    if (!a.quiet) {
        for (const auto& note : report.assumptions) std::cerr << "regio: note: " << note << '\n';
        for (const auto& w : report.warnings)
            if (!units || std::find(units->warnings.begin(), units->warnings.end(), w) == units->warnings.end())
                std::cerr << "regio: warning: " << w << '\n';
        std::cerr << degurba::summary_text(report, classes, unit_result ? &*unit_result : nullptr);
    }
    return 0;
}

}  // namespace

void add_degurba(CLI::App& app, Action& action) {
    auto args = std::make_shared<DegurbaArgs>();
    CLI::App* cmd = app.add_subcommand("degurba", "Degree of Urbanisation: urban centres, urban clusters and rural cells of a population grid; classes of units");
    add_degurba_options(*cmd, *args);
    cmd->footer(R"(Cell codes (GHSL SMOD): 30 urban centre, 20 urban cluster (outside
centres), 11 rural, 10 water (--water labelled). Level 2: 30, 23 dense
urban cluster, 22 semi-dense urban cluster, 21 suburban or peri-urban,
13 rural cluster, 12 low density rural, 11 very low density rural.
No-data cells count as 0 people. The grid must be in a projected CRS in
metres with square cells; --land and --built-up on the same grid.
The population is a raster (--grid), a table of grid-cell codes
(--grid-table, --cell-id, --value) or a vector layer of square cells
(--grid-layer, --value), as in aggregate grid. Without --land every
cell counts as land; this is said on stderr and in the report.

--clusters: cluster_id, class, class_name, population, area_km2, cells.
Centres are ids 1..n; urban clusters follow and cover their cells
outside centres. A .gpkg holds the dissolved cells.
-o .gpkg: one polygon per 4-connected patch of one class: patch_id,
class, class_name, population, area_km2, cells.
--units-out: <unit-id>, <unit-name> (with --unit-name), population,
pop_urban_centre, pop_urban_cluster, pop_rural, share_urban_centre,
share_urban_cluster, share_rural, area_km2, class (1 city, 2 town or
semi-dense area, 3 rural area), class_name, class_basis; Level 2 adds pop_ per Level 2
class, class2 and class2_name. Cells on unit borders are split by
share of area; units without people go by land area. Units in another
CRS are transformed into the grid's.

Example:
  regio degurba --grid JRC_1K_POP_2018.tif -o classes.tif \
    --clusters centres.gpkg --units lau.gpkg --unit-id LAU_ID \
    --units-out lau_classes.csv --report degurba.json
  regio degurba --grid-layer cells.gpkg --grid-layer-name pop_2021 \
    --value population -o classes.gpkg --units districts.gpkg \
    --unit-id code --unit-name name --units-out district_classes.csv)");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
