// regio regionalise: request checks, reading, the max-p regions, the outputs
// (see regionalise_operation.hpp).
#include "regio/regionalise/regionalise_operation.hpp"

#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/table_format.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/regionalise/dissolve.hpp"
#include "regio/regionalise/groups.hpp"
#include "regio/regionalise/region_summary.hpp"
#include "regio/regionalise/regionalise_figures.hpp"
#include "regio/regionalise/regionalise_table.hpp"
#include "regio/regionalise/unit_measures.hpp"
#include "regio/regions/checked_regions.hpp"
#include "regio/stopwatch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>
#include <utility>

namespace regio::regionalise {
namespace {

// Threshold columns may not take the names of the fixed output columns.
std::vector<Threshold> checked_thresholds(const std::vector<std::string>& texts) {
    std::vector<Threshold> thresholds = parse_thresholds(texts);
    for (const auto& t : thresholds)
        if (t.column == "region_id" || t.column == "units" || t.column == "meets_thresholds")
            throw UsageError("threshold column '" + t.column + "' clashes with an output column of the same name");
    return thresholds;
}

// The regions are polygons: every table format but CSV holds them (issue #16).
void check_output_formats(const RegionaliseRequest& r) {
    const io::TableFormat format = io::table_format("-o", r.output.path, r.output.format);
    if (!io::has_geometry(format))
        throw UsageError("the regions are written with their geometry: name -o .gpkg, .fgb, .geojson or .parquet (or --of FORMAT, "
                         "or a database: PG:... with --output-layer)");
    if (io::extension_of(r.map) != "csv") throw UsageError("the unit map is written as CSV: name --map .csv");
}

io::InputSpec units_input(const RegionaliseRequest& r) {
    regions::RegionSource units = r.units;
    units.encoding = r.text.encoding;
    return units.input();
}

DataColumns data_columns(const io::CsvTable& table, const std::string& id, const std::vector<Threshold>& thresholds) {
    DataColumns d{table.path, id, {}, table.lines, {}, {}};
    const std::size_t id_col = table.column(id);
    for (const auto& row : table.rows) d.ids.push_back(row[id_col]);
    for (const auto& t : thresholds) {
        const std::size_t col = table.column(t.column);
        d.names.push_back(t.column);
        auto& v = d.values.emplace_back();
        for (std::size_t r = 0; r < table.rows.size(); ++r) v.push_back(table.number(r, col));  // DataError names line and column
    }
    return d;
}

}  // namespace

bool ColumnTotal::conserved() const {
    const double held = in_regions + rows_without_unit;
    return std::abs(held - table) <= 1e-9 * std::max({1.0, std::abs(table), std::abs(held)});
}

const char* contiguity_name(geometry::Contiguity contiguity) { return contiguity == geometry::Contiguity::Queen ? "queen" : "rook"; }

RegionaliseResult run(const RegionaliseRequest& r, const ProgressRange& progress, const WarningFn& warn) {
    Stopwatch watch;  // seconds per step, for the report's timings
    RegionaliseResult out;
    out.thresholds = checked_thresholds(r.thresholds);
    check_output_formats(r);
    const io::InputSpec units_spec = units_input(r);
    io::OutputPlan outputs = io::OutputPlan::reading(r.overwrite, {units_spec, io::InputSpec{r.data}});
    const io::PlannedOutput& regions_output = outputs.add_table("-o", r.output);
    const io::PlannedOutput& map_output = outputs.add("--map", r.map, io::StdoutUse::Csv);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", r.report);

    // Units: read, repaired, overlaps checked (as every command does).
    progress(0, "reading the units");
    regions::RegionSource unit_source = r.units;
    unit_source.encoding = r.text.encoding;
    const unsigned threads = r.threads ? r.threads : std::max(1u, std::thread::hardware_concurrency());
    regions::CheckedRegions checked = regions::load_checked_regions(unit_source, threads, warn);
    const geometry::RegionSet& units = checked.regions;
    const io::Crs crs = io::Crs::from_wkt(units.crs_wkt);
    if (crs.is_geographic())
        throw CrsError("the units are in " + crs.name + " (degrees): distances and areas need a projected CRS",
                       Where{units.file, units.layer}, "reproject them, e.g. ogr2ogr -t_srs EPSG:3035 units_3035.gpkg " + units.file);
    out.units_source = units_spec.display();
    out.units = units.size();
    out.unit_warnings = checked.warnings;
    out.unit_fixes = checked.fixes;
    const Groups groups = !r.within.empty()   ? groups_from_keys(io::read_text_field(units_spec, r.within))
                          : r.within_prefix ? groups_from_keys(id_prefixes(units.ids, r.within_prefix))
                                            : single_group(units.size());
    out.groups = groups.names.size();
    const io::CsvTable table = io::read_csv_table(r.data, r.text);
    out.data_rows = table.rows.size();
    UnitValues values = join_unit_values(units.ids, data_columns(table, r.data_id.empty() ? r.units.id : r.data_id, out.thresholds), r.unmatched);
    out.units_without_data = values.units_without_data;
    out.rows_without_unit = values.rows_without_unit;
    out.read_s = watch.lap();

    progress(0.3, "finding neighbours");
    Problem problem;
    problem.neighbours = geometry::build_adjacency(units, {r.contiguity, r.tolerance});
    out.graph_s = watch.lap();
    progress(0.5, "growing regions");
    UnitMeasures measures = measure_units(units.shapes);
    problem.group = groups.of_unit;
    problem.centroid = std::move(measures.centroid);
    problem.weight = std::move(measures.area);
    problem.values = values.values;
    for (const auto& t : out.thresholds) problem.minimum.push_back(t.minimum);
    const MaxPResult maxp = regionalise(problem, {r.seed, r.runs});
    const std::vector<RegionSummary> summaries = summarise(problem, maxp, groups, out.thresholds);
    out.regions_s = watch.lap();

    // Outputs: all written to their temporary files, committed together.
    progress(0.8, "writing");
    std::vector<std::string> ids;
    for (const auto& region : summaries) ids.push_back(region.id);
    io::write_output_text(map_output, map_csv(units.ids, maxp.partition, ids));
    geometry::RegionSet shapes{units.file, units.layer, "region_id", units.crs_wkt, ids, dissolve(units.shapes, maxp.members), {}};
    io::write_region_table(region_table(summaries, out.thresholds, values.values), &shapes, regions_output);
    out.write_s = watch.lap();

    add_figures(problem, maxp, summaries, values, units.ids, out);
    // Nothing lost: checked before anything is committed.
    for (const auto& t : out.totals)
        if (!t.conserved())
            throw DataError(fmt::format("column '{}': the regions hold {:.17g} and rows without a unit {:.17g}, but the table's total "
                                        "is {:.17g}; nothing was written",
                                        t.column, t.in_regions, t.rows_without_unit, t.table),
                            Where{r.data});
    out.outputs.push_back(report::WrittenTable::of(regions_output));
    if (report_output) io::write_output_text(*report_output, io::redact_secrets(out.to_json(r).dump(2)) + '\n');
    outputs.commit();
    progress(1, "done");
    pass_warnings(out, warn);
    return out;
}

}  // namespace regio::regionalise
