// regio indicators: rates by population group, gaps against the reference
// group and disclosure control, from a table of counts per region
// (../shared/spec/indicators.md; the definitions schema is in
// regio/indicators/definitions_toml.hpp, the CSV columns in
// regio/indicators/indicators_csv.hpp). "--rollup nuts" is the NUTS prefix
// rule even if the data have a column called nuts.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "region_options.hpp"
#include "text_options.hpp"

#include "regio/error.hpp"
#include "regio/indicators/cell_key_compute.hpp"
#include "regio/indicators/cell_key_report.hpp"
#include "regio/indicators/compute.hpp"
#include "regio/indicators/definitions_toml.hpp"
#include "regio/indicators/indicators_csv.hpp"
#include "regio/indicators/indicators_table.hpp"
#include "regio/indicators/protected_compute.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/table/id_list.hpp"
#include "report_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>

namespace regio::cli {
namespace {

namespace ind = regio::indicators;

struct IndicatorsArgs {
    std::string data, id, definitions, rollup;
    std::string regions, regions_layer, regions_id;  // GeoPackage output only
    RegionOptions region_fixes;                      // --set-id, --skip-feature of --regions
    std::string output, report;
    std::string output_layer;  // the table of -o PG:... (issue #16)
    std::string ptable_output;  // method = "cell-key": the ptable used, for audit
    bool overwrite = false, quiet = false;
    TextInputArgs text;
};

// The one ptable --ptable-output writes: every perturbed indicator must use it.
const ind::PTable& single_ptable(const ind::PTableChoice& ptables) {
    const ind::PTable* only = nullptr;
    for (const auto& p : ptables) {
        if (!p) continue;
        if (only && only != p.get())
            throw UsageError("--ptable-output writes one perturbation table, but the indicators use different ones", {},
                             "give the indicators the same ptable, or write each from a definitions file of its own");
        only = p.get();
    }
    if (!only) throw UsageError("--ptable-output needs method = \"cell-key\" in the definitions' [disclosure] or an [[indicator]]");
    return *only;
}

ind::DataTable read_data(const io::CsvTable& csv, const std::string& id, const ind::Definitions& defs) {
    ind::DataTable data;
    data.source = csv.path;
    data.lines = csv.lines;
    const std::size_t id_col = csv.column(id);
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        if (csv.rows[r][id_col].empty()) throw DataError("empty region id", Where{csv.path, {}, csv.lines[r], {}, id});
        data.ids.push_back(csv.rows[r][id_col]);
    }
    ind::check_columns(defs, csv.columns, csv.path);
    for (const ind::ColumnUse& u : ind::required_columns(defs)) {
        auto& values = data.columns[u.column];
        if (!values.empty()) continue;
        const std::size_t col = csv.column(u.column);
        for (std::size_t r = 0; r < csv.rows.size(); ++r) values.push_back(csv.number(r, col));
    }
    return data;
}

ind::HierarchyInput hierarchy_input(const io::CsvTable& csv, const IndicatorsArgs& args, const ind::DataTable& data,
                                    const ind::Definitions& defs) {
    ind::HierarchyInput in{csv.path, args.id, data.ids, data.lines};
    if (args.rollup == "nuts") {
        in.mode = ind::RollupMode::Nuts;
    } else if (!args.rollup.empty()) {
        in.mode = ind::RollupMode::Field;
        in.parent_field = args.rollup;
        const std::size_t col = csv.column(args.rollup);
        for (const auto& row : csv.rows) in.parents.push_back(row[col]);
        in.structural = ind::rows_without_values(defs, data);
    }
    return in;
}

nlohmann::ordered_json report_of(const IndicatorsArgs& args, const ind::Definitions& defs, const ind::Hierarchy& h,
                                 const ind::Result& result, std::size_t data_rows) {
    nlohmann::ordered_json j;
    j["command"] = "indicators";
    j["inputs"] = {{"data", args.data}, {"id", args.id}, {"definitions", args.definitions}, {"data_rows", data_rows}};
    j["definition"] = std::string(ind::definition_name(defs.groups.definition));
    j["reference"] = defs.groups.reference;
    j["disclosure"] = {{"t_min", defs.disclosure.t_min},
                       {"publish_zero", defs.disclosure.publish_zero},
                       {"complement_check", defs.disclosure.complement_check}};
    nlohmann::ordered_json names = nlohmann::ordered_json::array();
    for (const auto& i : defs.indicators) names.push_back(i.name);
    j["indicators"] = names;
    // Regions per level: the NUTS level with --rollup nuts, else the distance from the top.
    std::map<int, std::pair<std::size_t, std::size_t>, std::greater<>> levels;
    for (std::size_t r = 0; r < h.size(); ++r) ++(h.data_row[r] ? levels[h.depth[r]].first : levels[h.depth[r]].second);
    nlohmann::ordered_json lv = nlohmann::ordered_json::array();
    for (const auto& [level, n] : levels) lv.push_back({{"level", level}, {"data_regions", n.first}, {"parent_regions", n.second}});
    j["rollup"] = {{"mode", args.rollup.empty() ? "none" : args.rollup == "nuts" ? "nuts" : "field"},
                   {"field", args.rollup == "nuts" ? "" : args.rollup},
                   {"parent_regions", h.size() - data_rows},
                   {"levels", lv}};
    j["rows"] = result.rows.size();
    nlohmann::ordered_json flags;
    for (const auto f : {ind::Flag::Ok, ind::Flag::Suppressed, ind::Flag::ZeroDenominator, ind::Flag::NoData, ind::Flag::Perturbed})
        flags[std::string(ind::flag_name(f))] = result.flags.count(f) ? result.flags.at(f) : 0;
    j["flags"] = flags;
    j["suppressed_cells"] = {{"primary", result.primary}, {"rate", result.rate}, {"secondary", result.secondary}};
    return j;
}

// The join of --data onto --regions, both ways, named (first ten of each).
struct RegionJoin {
    table::IdSample rows_without_region;  // data rows whose id is not a region: written without geometry
    table::IdSample regions_without_row;  // regions the data do not name: written with empty indicators
};

nlohmann::ordered_json to_json(const table::IdSample& ids) {
    return {{"count", ids.count}, {"first", ids.first}};
}

// The wide GeoPackage: the regions of --regions in their order, with their
// geometry, then the output regions that have none (rollup parents, data rows
// not in --regions), written without geometry.
RegionJoin write_wide_gpkg(const IndicatorsArgs& args, const io::PlannedOutput& output, geometry::RegionSet regions,
                           const ind::Definitions& defs, const ind::Hierarchy& hierarchy, const ind::Result& result,
                           std::vector<std::string>& warnings) {
    RegionJoin join;
    const std::set<std::string> in_regions(regions.ids.begin(), regions.ids.end());
    const std::set<std::string> in_data(hierarchy.ids.begin(), hierarchy.ids.end());
    for (const auto& id : regions.ids)
        if (!in_data.count(id)) join.regions_without_row.add(id);
    for (std::size_t r = 0; r < hierarchy.size(); ++r) {
        if (in_regions.count(hierarchy.ids[r])) continue;
        if (hierarchy.data_row[r]) join.rows_without_region.add(hierarchy.ids[r]);
        regions.ids.push_back(hierarchy.ids[r]);
        regions.shapes.emplace_back();
        regions.feature_ids.push_back(-1);
    }
    const std::size_t n = join.rows_without_region.count, m = join.regions_without_row.count;
    if (n)
        warnings.push_back(fmt::format("{} row{} of {} match{} no region of {} (written without geometry): {}", n, n == 1 ? "" : "s",
                                       args.data, n == 1 ? "es" : "", args.regions, table::format_ids(join.rows_without_region)));
    if (m)
        warnings.push_back(fmt::format("{} region{} of {} {} no row in {}: {}", m, m == 1 ? "" : "s", args.regions, m == 1 ? "has" : "have",
                                       args.data, table::format_ids(join.regions_without_row)));
    const table::RegionTable wide = ind::wide_indicators_table(defs, hierarchy, result, args.id, regions.ids);
    io::write_region_table(wide, &regions, output);
    return join;
}

int run(const IndicatorsArgs& args) {
    const io::Overwrite overwrite = args.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    const io::TextOptions text = args.text.options();
    io::InputSpec regions_input = io::InputSpec::parse(args.regions, args.regions_layer);
    regions_input.encoding = text.encoding;
    std::vector<io::InputSpec> inputs{{args.data}, {args.definitions}};
    if (!args.regions.empty()) inputs.push_back(regions_input);
    const std::string ext = io::extension_of(args.output);
    // Wide, one feature per region: a GeoPackage or a database table (issue #16).
    const bool gpkg = ext == "gpkg" || io::is_data_source_name(args.output);
    if (ext != "csv" && !gpkg)
        throw UsageError("indicators are written as CSV (tidy) or GeoPackage (wide): name the output .csv or .gpkg");
    if (gpkg && args.regions.empty())
        throw UsageError("GeoPackage output needs the region geometry", {},
                         "add --regions FILE[:LAYER] (and --regions-id FIELD if its id field is not '" + args.id + "')");
    if (!gpkg && !args.regions.empty())
        throw UsageError("--regions is only used for GeoPackage output", {}, "name the output .gpkg, or drop --regions");
    if (args.regions.empty() && !(args.region_fixes.set_ids.empty() && args.region_fixes.skip_features.empty()))
        throw UsageError("--set-id and --skip-feature fix features of --regions: give --regions too");
    io::OutputPlan outputs = io::OutputPlan::reading(overwrite, inputs);
    const io::PlannedOutput& table_output = gpkg ? outputs.add_table("--output", {args.output, args.output_layer, {}})
                                                 : outputs.add("--output", args.output, io::StdoutUse::Csv);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.report);
    const io::PlannedOutput* ptable_output = outputs.add_optional("--ptable-output", args.ptable_output);

    const ind::Definitions defs = ind::read_definitions(args.definitions);
    const io::CsvTable csv = io::read_csv_table(args.data, text);
    const ind::DataTable data = read_data(csv, args.id, defs);
    std::vector<std::string> warnings;
    geometry::RegionSet regions;
    std::vector<io::AppliedFix> region_fixes;
    if (gpkg)
        regions = io::read_regions(regions_input, {args.regions_id.empty() ? args.id : args.regions_id, {}, {}, args.region_fixes.fixes(), {}},
                                   warnings, nullptr, &region_fixes);
    const ind::Hierarchy hierarchy = ind::build_hierarchy(hierarchy_input(csv, args, data, defs));
    const bool cell_key = ind::uses_method(defs, ind::DisclosureMethod::CellKey);
    const bool suppression = ind::uses_method(defs, ind::DisclosureMethod::Suppression);
    const ind::PTableChoice ptables = ind::load_ptables(defs);
    if (ptable_output) {
        const ind::PTable& ptable = single_ptable(ptables);
        io::write_output_stream(*ptable_output, [&](std::ostream& out) { ptable.write_csv(out); });
    }
    std::vector<ind::ProtectionOutcome> outcomes;
    const ind::Result result = ind::compute_protected_indicators(defs, data, hierarchy, ptables, outcomes);
    for (const auto& w : ind::mixed_method_warnings(defs)) warnings.push_back(w);

    std::optional<RegionJoin> join;
    if (gpkg)
        join = write_wide_gpkg(args, table_output, std::move(regions), defs, hierarchy, result, warnings);
    else
        io::write_output_stream(table_output, [&](std::ostream& out) { ind::write_indicators_csv(out, defs, hierarchy, result); });
    if (report_output) {
        nlohmann::ordered_json report = report_of(args, defs, hierarchy, result, data.ids.size());
        if (cell_key) report["cell_key"] = ind::cell_key_json(outcomes);
        report["protection"] = ind::protection_json(defs, outcomes);
        if (!warnings.empty()) report["warnings"] = warnings;
        if (join) {
            report["rows_without_region"] = to_json(join->rows_without_region);
            report["regions_without_row"] = to_json(join->regions_without_row);
            add_region_fixes(report, region_fixes);
        }
        if (gpkg) write_report(*report_output, report, {&table_output});
        else write_report(*report_output, report);
    }
    outputs.commit();
    if (!args.quiet)
        for (const auto& w : warnings) std::cerr << "regio: warning: " << w << '\n';
    if (!args.quiet) {
        auto count = [&](ind::Flag f) { return result.flags.count(f) ? result.flags.at(f) : 0; };
        std::cerr << fmt::format("indicators: {} regions ({} parents) x {} indicators -> {} rows\n", hierarchy.size(),
                                 hierarchy.size() - data.ids.size(), defs.indicators.size(), result.rows.size());
        std::cerr << fmt::format("flags: ok {}, suppressed {}, zero_denominator {}, no_data {}", count(ind::Flag::Ok),
                                 count(ind::Flag::Suppressed), count(ind::Flag::ZeroDenominator), count(ind::Flag::NoData));
        std::cerr << (cell_key ? fmt::format(", perturbed {}\n", count(ind::Flag::Perturbed)) : "\n");
        std::cerr << ind::methods_text(defs, outcomes);
        if (cell_key) std::cerr << ind::summary_text(ind::perturbed_utility(outcomes));
        if (suppression)
            std::cerr << fmt::format("suppressed cells: primary {}, rate {}, secondary {} (t_min {})\n", result.primary, result.rate,
                                     result.secondary, defs.disclosure.t_min);
    }
    return 0;
}

}  // namespace

void add_indicators(CLI::App& app, Action& action) {
    auto args = std::make_shared<IndicatorsArgs>();
    CLI::App* cmd = app.add_subcommand("indicators", "Rates by population group, gaps and disclosure control from counts per region");
    cmd->add_option("--data", args->data, "A CSV table of counts, one row per region (e.g. from aggregate points --by)")->type_name(kInputFile)->required();
    cmd->add_option("--id", args->id, "Column of --data with the region ids")->required();
    cmd->add_option("--definitions", args->definitions, "INDICATORS.toml: groups, indicators, disclosure rules")->type_name(kInputFile)->required();
    cmd->add_option("--rollup", args->rollup, "Add parent regions: 'nuts' (by code prefix) or a parent-id column of --data");
    cmd->add_option("-o,--output", args->output, "Output: tidy table (.csv), or one feature per region (.gpkg, needs --regions)")
        ->type_name(kOutputFile)
        ->required();
    auto* regions = cmd->add_option("--regions", args->regions,
                                    "FILE[:LAYER] or any GDAL data source (PG:..., /vsizip/...): region polygons for .gpkg output")
                        ->type_name(kInputLayer);
    cmd->add_option("--regions-layer", args->regions_layer, "Layer (table) of --regions, when the source has several")
        ->needs(regions);
    cmd->add_option("--output-layer", args->output_layer,
                    "Table of a database -o (PG:..., wide like .gpkg; [SCHEMA.]NAME, written in one transaction), or the "
                    "GeoPackage's layer (default: the file's name)");
    cmd->add_option("--regions-id", args->regions_id, "Id field of --regions (default: the --id column name)");
    add_region_fix_options(*cmd, args->region_fixes);
    cmd->add_flag("--overwrite", args->overwrite, "Replace the output (and report) if they exist");
    cmd->add_option("--report", args->report, "Write a JSON report: rows per flag, suppressed cells, rollup levels, inputs")->type_name(kOutputFile);
    cmd->add_option("--ptable-output", args->ptable_output,
                    "With method = \"cell-key\": write the perturbation table used (cellKey's CSV format: i,j,p,v,p_int_lb,p_int_ub,type)")->type_name(kOutputFile);
    cmd->add_flag("-q,--quiet", args->quiet, "No summary on stderr");
    add_text_options(*cmd, args->text);
    cmd->footer(R"(Output: region,indicator,group,value,numerator,denominator,flag,
definition,label; rows by region (data order, then parents), indicator
(file order), group (listed order), "total", then "<group>_gap".
value = scale * numerator / denominator, counts summed up the hierarchy
before dividing; gaps (percentage points for scale 100) rounded to 0.1.
flag: ok, suppressed, zero_denominator, no_data; only ok rows have a
value. Disclosure control: primary (0 < n < t_min), rates (denominator
< t_min, 0 < denominator - numerator < t_min), then secondary
suppression over rows (groups + total) and columns (parents, all
regions); a count suppressed in one indicator is suppressed in all.
GeoPackage (-o OUT.gpkg --regions FILE[:LAYER]): one feature per region
(regions' order, then parents without geometry); columns: the id,
<indicator>_<group>_flag (text) and <indicator>_<group> (NULL unless ok).
With [disclosure] method = "cell-key" every cell is published instead,
its counts perturbed by the ptable (flag perturbed); see the README. An
[[indicator]] may set its own method (and ptable or parameters): the
summary and the report's "protection" list say which ran for each.

Example:
  regio indicators --data out/residents_2024.csv --id district_id \
    --definitions geodata/demo/indicators.toml -o out/indicators_2024.csv)");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
