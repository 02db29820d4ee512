// regio degurba: checking the request, reading units and grid, classifying,
// checking where the population landed, writing every output at once.
#include "regio/degurba/degurba_operation.hpp"
#include "regio/stopwatch.hpp"

#include "regio/aggregate/landing_check.hpp"
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/degurba_outputs.hpp"
#include "regio/degurba/grid_input.hpp"
#include "regio/error.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_plan.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/regions/checked_regions.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>  // malloc_trim
#endif

namespace regio::degurba {
namespace {

// The units as an input: source, layer and encoding.
io::InputSpec units_input(const DegurbaRequest& r) {
    io::InputSpec spec = io::InputSpec::parse(r.units.regions, r.units.regions_layer);
    spec.encoding = r.units.encoding;
    return spec;
}

// Units need all three of --units, --unit-id and --units-out, or none.
bool check_units_request(const DegurbaRequest& r) {
    const bool with_units = !r.units.regions.empty() || !r.units.id.empty() || !r.units_out.empty();
    if (with_units && (r.units.regions.empty() || r.units.id.empty() || r.units_out.empty()))
        throw UsageError("units need all of --units, --unit-id and --units-out");
    if (!r.unit_name.empty() && r.unit_name == r.units.id)
        throw UsageError("--unit-name names the id field '" + r.units.id + "'; name the field with the units' names");
    if (!with_units && (!r.units.regions_layer.empty() || !r.unit_name.empty()))
        throw UsageError(std::string(r.units.regions_layer.empty() ? "--unit-name" : "--units-layer") +
                         " goes with --units, --unit-id and --units-out");
    return with_units;
}

// The units read and checked, and moved into the grid's CRS for the sweep.
struct LoadedUnits {
    regions::CheckedRegions checked;
    std::vector<std::string> names;  // --unit-name, in the units' order
    geometry::RegionSet in_grid_crs;
};

LoadedUnits load_units(const DegurbaRequest& r, const io::GridSource& population, DegurbaResult& out, const WarningFn& warn) {
    LoadedUnits units{regions::load_checked_regions(r.units, out.report.threads, warn), {}, {}};
    if (!r.unit_name.empty()) units.names = io::read_text_field(units_input(r), r.unit_name);
    DegurbaReport& report = out.report;
    report.units_source = units_input(r).display();
    report.unit_name_field = r.unit_name;
    report.unit_count = units.checked.regions.size();
    report.unit_rules = resolve_unit_options(r.level, r.choices).rules;
    report.warnings.insert(report.warnings.end(), units.checked.warnings.begin(), units.checked.warnings.end());
    out.region_fixes = units.checked.fixes;
    units.in_grid_crs = units.checked.regions;
    const io::Crs units_crs = io::Crs::from_wkt(units.checked.regions.crs_wkt);
    if (!units_crs.same_as(population.crs())) io::transform_regions(units.in_grid_crs, units_crs, population.crs());
    return units;
}

// No population under any unit is a wrong CRS, not a table of empty units
// (the grid's total is only summed then).
void check_units_landed(const GridInput& in, const UnitsResult& result, const DegurbaReport& report,
                        const geometry::RegionSet& units) {
    if (result.inside_units > 0) return;
    double total = 0;
    for (std::size_t i = 0; i < in.grid.population_size(); ++i)
        if (const double v = in.grid.population_at(i); v > 0) total += v;
    aggregate::check_landing({"grid's value", report.grid_source, in.crs.name, io::Crs::from_wkt(units.crs_wkt).name, total,
                              result.inside_units, aggregate::OutsideShare::Expected});
}

}  // namespace

nlohmann::ordered_json DegurbaResult::to_json() const {
    nlohmann::ordered_json j = degurba::to_json(report, classes, units ? &*units : nullptr);
    if (units) regions::add_region_fixes(j, region_fixes);
    return j;
}

std::string DegurbaResult::summary() const { return summary_text(report, classes, units ? &*units : nullptr); }

DegurbaResult run(const DegurbaRequest& r, const ProgressRange& progress, const WarningFn& warn) {
    Stopwatch watch;  // seconds per step, for the report's timings
    DegurbaResult out;
    DegurbaReport& report = out.report;
    report.threads = r.threads > 0 ? r.threads : std::max(1u, std::thread::hardware_concurrency());
    const BuiltUpLayer built_up_layer = r.built_up.empty() ? BuiltUpLayer::Absent : BuiltUpLayer::Present;
    const Options options = resolve_options(r.preset, r.level, r.choices, built_up_layer, out.option_warnings);
    report.warnings = out.option_warnings;
    io::check_grid_source_spec(r.grid, io::GridValues::One);
    const bool with_units = check_units_request(r);
    // With their layers: a database table that is an input is never an output (issue #16).
    std::vector<io::InputSpec> inputs;
    const auto add_file = [&inputs](const std::string& path) { inputs.emplace_back().path = path; };
    for (const std::string& path : r.grid.paths()) add_file(path);
    add_file(io::InputSpec::parse(r.land).path);
    add_file(io::InputSpec::parse(r.built_up).path);
    if (with_units) inputs.push_back(units_input(r));
    io::OutputPlan plan = io::OutputPlan::reading(r.overwrite, inputs);
    const DegurbaOutputs outputs = plan_outputs(r, plan);

    std::unique_ptr<io::GridSource> population = io::open_grid_source(r.grid, io::GridValues::One);
    std::unique_ptr<io::GridSource> land = r.land.empty() ? nullptr : io::open_raster_grid(r.land);
    std::unique_ptr<io::GridSource> built_up = r.built_up.empty() ? nullptr : io::open_raster_grid(r.built_up);
    report.grid_source = population->display();
    report.land_source = land ? land->display() : "";
    report.built_up_source = built_up ? built_up->display() : "";
    // Without a land layer every cell is land (../shared/spec/degurba.md §1:
    // "if there is no land layer, use land = 1, so density = pop"), and no
    // cell is water. An assumption, so it is said and reported.
    if (!land) report.assumptions.emplace_back("every cell counted as land (no --land given)");

    // Units are read (and checked) before the grid, so that their errors come early.
    std::optional<LoadedUnits> units;
    if (with_units) units.emplace(load_units(r, *population, out, warn));

    GridInput in = read_grid_input(*population, {land.get(), built_up.get()}, progress.sub(0, 0.3));
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

    const GridClassification classes = classify_grid(in.grid, options, progress.sub(0.3, 0.6));
    report.options = options;
    report.timings.emplace_back("classify", watch.lap());

    if (units) {
        out.units = classify_units(in.grid, classes, in.definition, in.crs, units->in_grid_crs,
                                   resolve_unit_options(r.level, r.choices), report.threads, progress.sub(0.6, 0.8));
        check_units_landed(in, *out.units, report, units->checked.regions);
        report.timings.emplace_back("units", watch.lap());
    }

    // Outputs, to their temporary files. Only the polygons of -o .gpkg need the population
    // again: otherwise free it (100-200 MB for Europe) before writing.
    if (io::extension_of(r.output) != "gpkg") {
        std::vector<float>().swap(in.grid.population_f32);
        std::vector<double>().swap(in.grid.population);
        std::vector<double>().swap(in.grid.land_share);
        std::vector<double>().swap(in.grid.built_up_share);
    }
    write_cell_classes(in, classes, options, *outputs.cells);
    report.outputs.emplace_back("cells", r.output);
    if (outputs.clusters) {
        write_clusters(in, classes, *outputs.clusters);
        report.outputs.emplace_back("clusters", output_name(*outputs.clusters, r.clusters));
    }
    if (units) {
        write_units({r.units.id, units->checked.regions, *out.units, {r.unit_name, units->names}}, options.level, *outputs.units);
        report.outputs.emplace_back("units", output_name(*outputs.units, r.units_out));
    }
    report.timings.emplace_back("write", watch.lap());

    out.classes = summarise(classes);
    // Sources are recorded without their passwords (issue #16).
    if (outputs.report) io::write_output_text(*outputs.report, io::redact_secrets(out.to_json().dump(2)) + '\n');
    plan.commit();
    return out;
}

}  // namespace regio::degurba
