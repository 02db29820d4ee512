// regio regionalise: merge neighbouring small units until every region
// reaches publication thresholds (see regio/regionalise/max_p.hpp).
#include "commands.hpp"
#include "option_kinds.hpp"
#include "run_context.hpp"

#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/geometry/adjacency.hpp"
#include "regio/regionalise/dissolve.hpp"
#include "regio/regionalise/region_summary.hpp"
#include "regio/regionalise/unit_measures.hpp"
#include "regio/regionalise/unit_values.hpp"
#include "region_options.hpp"
#include "text_options.hpp"
#include "report_file.hpp"
#include "stopwatch.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace regio::cli {
namespace {

namespace rg = regionalise;

struct Args {
    RegionOptions unit_fixes;      // --set-id, --skip-feature
    RegionCache* cache = nullptr;  // a pipeline step: the run's shared region sets
    std::string units, units_layer, id, data, data_id, within, contiguity = "rook", unmatched = "error";
    std::size_t within_prefix = 0;
    std::vector<std::string> thresholds;
    double tolerance = geometry::kDefaultAdjacencyTolerance;
    std::uint64_t seed = 1;
    unsigned runs = rg::MaxPOptions{}.runs;
    std::string output, map, report;
    std::string output_layer;  // the table of -o PG:... (issue #16)
    bool overwrite = false, quiet = false;
    TextInputArgs text;
};

io::InputSpec units_input(const Args& a, const io::TextOptions& text) {
    io::InputSpec input = io::InputSpec::parse(a.units, a.units_layer);
    input.encoding = text.encoding;
    return input;
}

rg::DataColumns data_columns(const io::CsvTable& table, const std::string& id, const std::vector<rg::Threshold>& thresholds) {
    rg::DataColumns d{table.path, id, {}, table.lines, {}, {}};
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

// Counts stay integers in the GeoPackage when every value is one.
table::ColumnKind kind_of(const std::vector<double>& values) {
    for (double v : values)
        if (v != std::floor(v) || std::abs(v) >= 0x1p53) return table::ColumnKind::Real;
    return table::ColumnKind::Integer;
}

std::vector<std::string> unit_names(const std::vector<std::size_t>& units, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (std::size_t u : units) out.push_back(ids[u]);
    return out;
}

int run(const Args& a) {
    const io::TextOptions text = a.text.options();
    Stopwatch watch;
    const auto thresholds = rg::parse_thresholds(a.thresholds);
    for (const auto& t : thresholds)
        if (t.column == "region_id" || t.column == "units" || t.column == "meets_thresholds")
            throw UsageError("threshold column '" + t.column + "' clashes with an output column of the same name");
    const io::Overwrite overwrite = a.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    const std::vector<io::InputSpec> inputs{units_input(a, text), io::InputSpec{a.data}};
    if (io::extension_of(a.output) != "gpkg" && !io::is_data_source_name(a.output))
        throw UsageError("the regions are written as a GeoPackage: name -o .gpkg (or a database: PG:... with --output-layer)");
    if (io::extension_of(a.map) != "csv") throw UsageError("the unit map is written as CSV: name --map .csv");
    io::OutputPlan outputs = io::OutputPlan::reading(overwrite, inputs);
    const io::PlannedOutput& regions_output = outputs.add_table("-o", {a.output, a.output_layer, {}});
    const io::PlannedOutput& map_output = outputs.add("--map", a.map, io::StdoutUse::Csv);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", a.report);

    // Units: read, repaired, overlaps checked (as every command does).
    RegionOptions unit_options = a.unit_fixes;
    unit_options.regions = a.units;
    unit_options.id = a.id;
    unit_options.encoding = text.encoding;
    unit_options.regions_layer = a.units_layer;
    unit_options.cache = a.cache;
    CheckedRegions checked = load_checked_regions(unit_options, effective_threads(0), a.quiet);
    const geometry::RegionSet& units = checked.regions;
    const io::Crs crs = io::Crs::from_wkt(units.crs_wkt);
    if (crs.is_geographic())
        throw CrsError("the units are in " + crs.name + " (degrees): distances and areas need a projected CRS",
                       Where{units.file, units.layer}, "reproject them, e.g. ogr2ogr -t_srs EPSG:3035 units_3035.gpkg " + units.file);
    const rg::Groups groups = !a.within.empty()   ? rg::groups_from_keys(io::read_text_field(units_input(a, text), a.within))
                              : a.within_prefix ? rg::groups_from_keys(rg::id_prefixes(units.ids, a.within_prefix))
                                                : rg::single_group(units.size());
    const io::CsvTable table = io::read_csv_table(a.data, text);
    const rg::UnitValues values = rg::join_unit_values(units.ids, data_columns(table, a.data_id.empty() ? a.id : a.data_id, thresholds),
                                                       a.unmatched == "report" ? rg::Unmatched::Report : rg::Unmatched::Error);
    const double t_read = watch.lap();

    rg::Problem problem;
    problem.neighbours = geometry::build_adjacency(
        units, {a.contiguity == "queen" ? geometry::Contiguity::Queen : geometry::Contiguity::Rook, a.tolerance});
    const double t_graph = watch.lap();
    rg::UnitMeasures measures = rg::measure_units(units.shapes);
    problem.group = groups.of_unit;
    problem.centroid = std::move(measures.centroid);
    problem.weight = std::move(measures.area);
    problem.values = values.values;
    for (const auto& t : thresholds) problem.minimum.push_back(t.minimum);
    const rg::MaxPResult result = rg::regionalise(problem, {a.seed, a.runs});
    const auto regions = rg::summarise(problem, result, groups, thresholds);
    const double t_regions = watch.lap();

    // Outputs: all written to their temporary files, committed together.
    std::vector<std::string> ids;
    for (const auto& r : regions) ids.push_back(r.id);
    io::write_output_text(map_output, rg::map_csv(units.ids, result.partition, ids));
    table::RegionTable out_table("region_id", ids);
    auto& count = out_table.add_column("units", table::ColumnKind::Integer);
    for (std::size_t r = 0; r < regions.size(); ++r) count.values[r] = static_cast<double>(regions[r].units.size());
    for (std::size_t k = 0; k < thresholds.size(); ++k) {
        auto& c = out_table.add_column(thresholds[k].column, kind_of(values.values[k]));
        for (std::size_t r = 0; r < regions.size(); ++r) c.values[r] = regions[r].sums[k];
    }
    auto& meets = out_table.add_column("meets_thresholds", table::ColumnKind::Integer);
    for (std::size_t r = 0; r < regions.size(); ++r) meets.values[r] = regions[r].meets ? 1 : 0;
    geometry::RegionSet shapes{units.file, units.layer, "region_id", units.crs_wkt, ids, rg::dissolve(units.shapes, result.members), {}};
    io::write_region_table(out_table, &shapes, regions_output);
    const double t_write = watch.lap();

    std::size_t failing = 0, isolated = 0, pairs = 0;
    for (const auto& r : regions) failing += !r.meets;
    for (const auto& list : problem.neighbours) {
        pairs += list.size();
        isolated += list.empty();
    }
    pairs /= 2;
    std::vector<double> placed(thresholds.size(), 0.0);
    for (const auto& r : regions)
        for (std::size_t k = 0; k < thresholds.size(); ++k) placed[k] += r.sums[k];
    const rg::RunStats& chosen = result.runs[result.chosen_run];

    if (report_output) {
        nlohmann::ordered_json j;
        j["command"] = "regionalise";
        j["units"] = {{"source", units_input(a, text).display()}, {"count", units.size()}, {"warnings", checked.warnings}};
        add_region_fixes(j, checked.fixes);
        j["data"] = {{"source", a.data}, {"rows", table.rows.size()}, {"units_without_data", values.units_without_data},
                     {"rows_without_unit", values.rows_without_unit}};
        nlohmann::ordered_json th = nlohmann::ordered_json::array();
        for (const auto& t : thresholds) th.push_back({{"column", t.column}, {"minimum", t.minimum}});
        j["thresholds"] = th;
        j["within"] = !a.within.empty() ? nlohmann::ordered_json{{"field", a.within}}
                      : a.within_prefix ? nlohmann::ordered_json{{"id_prefix", a.within_prefix}}
                                        : nlohmann::ordered_json(nullptr);
        j["groups"] = groups.names.size();
        j["contiguity"] = {{"rule", a.contiguity}, {"tolerance", a.tolerance}, {"neighbour_pairs", pairs}, {"units_without_neighbours", isolated}};
        nlohmann::ordered_json runs = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < result.runs.size(); ++i)
            runs.push_back({{"run", i}, {"regions", result.runs[i].regions}, {"meeting", result.runs[i].meeting},
                            {"compactness", result.runs[i].compactness}});
        j["seed"] = a.seed;
        j["runs"] = runs;
        j["chosen_run"] = result.chosen_run;
        j["regions"] = regions.size();
        j["regions_meeting"] = regions.size() - failing;
        j["regions_failing"] = failing;
        j["compactness"] = chosen.compactness;
        nlohmann::ordered_json fails = nlohmann::ordered_json::array();
        for (const auto& r : regions) {
            if (r.meets) continue;
            nlohmann::ordered_json shortfalls = nlohmann::ordered_json::array();
            for (const auto& f : r.shortfalls)
                shortfalls.push_back({{"column", thresholds[f.threshold].column}, {"sum", f.sum}, {"minimum", thresholds[f.threshold].minimum}});
            fails.push_back({{"region_id", r.id}, {"units", unit_names(r.units, units.ids)}, {"failing", shortfalls}, {"reason", r.reason}});
        }
        j["failing_regions"] = fails;
        nlohmann::ordered_json totals = nlohmann::ordered_json::object();
        for (std::size_t k = 0; k < thresholds.size(); ++k)
            totals[thresholds[k].column] = {{"table", values.table_total[k]}, {"in_regions", placed[k]}, {"rows_without_unit", values.unmatched_total[k]},
                                            {"preserved", placed[k] + values.unmatched_total[k] == values.table_total[k]}};
        j["totals"] = totals;
        j["timings"] = {{"read_s", t_read}, {"graph_s", t_graph}, {"regions_s", t_regions}, {"write_s", t_write}};
        write_report(*report_output, j, {&regions_output});
    }
    outputs.commit();
    if (!a.quiet) {
        if (!values.units_without_data.empty())
            std::cerr << fmt::format("regio: warning: {} units have no data row and count 0: {}\n", values.units_without_data.size(),
                                     rg::list_some(values.units_without_data));
        if (!values.rows_without_unit.empty())
            std::cerr << fmt::format("regio: warning: {} data rows have no unit and are left out: {}\n", values.rows_without_unit.size(),
                                     rg::list_some(values.rows_without_unit));
        for (const auto& r : regions)
            if (!r.meets)
                std::cerr << fmt::format("regio: warning: region {} ({}) does not meet the thresholds: {}\n", r.id,
                                         rg::list_some(unit_names(r.units, units.ids)), r.reason);
        std::cerr << fmt::format("regionalise: {} units in {} groups, {} neighbour pairs ({}) -> {} regions ({} meet every threshold, {} fail)\n",
                                 units.size(), groups.names.size(), pairs, a.contiguity, regions.size(), regions.size() - failing, failing);
        std::cerr << fmt::format("run {} of {} chosen (seed {}), compactness {:.6g}\n", result.chosen_run, result.runs.size(), a.seed,
                                 chosen.compactness);
        for (std::size_t k = 0; k < thresholds.size(); ++k)
            std::cerr << fmt::format("{}: {:.10g} in the table = {:.10g} in regions + {:.10g} in rows without a unit\n", thresholds[k].column,
                                     values.table_total[k], placed[k], values.unmatched_total[k]);
        std::cerr << fmt::format("time: {:.2f} s, read {:.2f} s, graph {:.2f} s, regions {:.2f} s, write {:.2f} s\n",
                                 t_read + t_graph + t_regions + t_write, t_read, t_graph, t_regions, t_write);
    }
    return 0;
}

}  // namespace

void add_regionalise(CLI::App& app, Action& action, RunContext* context) {
    auto args = std::make_shared<Args>();
    CLI::App* c = app.add_subcommand("regionalise", "Merge neighbouring small units until each region reaches publication thresholds");
    c->add_option("--units", args->units,
                  "Unit polygons in a projected CRS: FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...)")
        ->type_name(kInputLayer)
        ->required();
    c->add_option("--units-layer", args->units_layer, "Layer (table) of --units, when the source has several");
    add_region_fix_options(*c, args->unit_fixes);
    c->add_option("--id", args->id, "Field with the unit id (read as text; must be unique)")->required();
    c->add_option("--data", args->data, "CSV table with one row per unit")->type_name(kInputFile)->required();
    c->add_option("--data-id", args->data_id, "Column of --data with the unit ids (default: the --id name)");
    c->add_option("--threshold", args->thresholds, "COLUMN>=N: every region reaches at least N in COLUMN (repeatable)")->required();
    auto* within = c->add_option("--within", args->within, "Field of the units layer: regions stay inside each of its values");
    c->add_option("--within-prefix", args->within_prefix, "Regions stay inside the groups of the first N characters of the unit id")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000}))
        ->excludes(within);
    c->add_option("--contiguity", args->contiguity, "rook (a shared border) or queen (a shared point suffices)")
        ->check(CLI::IsMember({"rook", "queen"}))
        ->capture_default_str();
    c->add_option("--tolerance", args->tolerance, "Borders closer than about half of this (CRS units) count as shared")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    c->add_option("--seed", args->seed, "Seed of the runs' orders: same seed, same regions")->capture_default_str();
    c->add_option("--runs", args->runs, "Runs with different orders; the best is kept")->check(CLI::Range(1u, 100000u))->capture_default_str();
    c->add_option("--unmatched", args->unmatched, "Ids in units or data only: error, or report (units without data count 0)")
        ->check(CLI::IsMember({"error", "report"}))
        ->capture_default_str();
    c->add_option("-o,--output", args->output,
                  "REGIONS.gpkg: dissolved regions with units, sums and meets_thresholds (or a database: PG:... with "
                  "--output-layer)")
        ->type_name(kOutputFile)
        ->required();
    c->add_option("--output-layer", args->output_layer,
                  "Table of a database -o ([SCHEMA.]NAME, written in one transaction and renamed into place), or the "
                  "GeoPackage's layer (default: the file's name)");
    c->add_option("--map", args->map, "UNIT_TO_REGION.csv: unit_id,region_id")->type_name(kOutputFile)->required();
    c->add_option("--report", args->report, "Write a JSON report: regions, failing regions and why, runs, totals")->type_name(kOutputFile);
    c->add_flag("--overwrite", args->overwrite, "Replace the outputs (and report) if they exist");
    c->add_flag("-q,--quiet", args->quiet, "No warnings and no summary on stderr");
    add_text_options(*c, args->text);
    c->footer(R"(UNIT_TO_REGION.csv: unit_id,region_id, one row per unit in input order.
Region ids R0001, R0002, ... in order of each region's first unit.
REGIONS.gpkg: region_id, units, one sum per threshold column,
meets_thresholds (1/0). Units that cannot reach the thresholds inside
their group (an island, a too-small district) form regions with
meets_thresholds 0, listed on stderr and in the report; no unit is dropped.

Example:
  regio regionalise --units planning_areas.gpkg --id plr_id \
    --data residents.csv --threshold residents>=5000 --within-prefix 2 \
    -o out/regions.gpkg --map out/unit_to_region.csv)");
    if (context) args->cache = &context->regions;
    c->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
