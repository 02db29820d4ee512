// regio indicators: rates by population group, gaps against the reference
// group and disclosure control, from a table of counts per region
// (../shared/spec/indicators.md; the definitions schema is in
// regio/indicators/definitions_toml.hpp, the CSV columns in
// regio/indicators/indicators_csv.hpp). "--rollup nuts" is the NUTS prefix
// rule even if the data have a column called nuts.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "text_options.hpp"

#include "regio/error.hpp"
#include "regio/indicators/cell_key_compute.hpp"
#include "regio/indicators/cell_key_report.hpp"
#include "regio/indicators/compute.hpp"
#include "regio/indicators/definitions_toml.hpp"
#include "regio/indicators/indicators_csv.hpp"
#include "regio/indicators/indicators_table.hpp"
#include "regio/indicators/ptable_builder.hpp"
#include "regio/indicators/ptable_csv.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/region_reader.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/table_writer.hpp"
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
    std::string regions, regions_id;  // GeoPackage output only
    std::string output, report;
    std::string ptable_output;  // method = "cell-key": the ptable used, for audit
    bool overwrite = false, quiet = false;
    TextInputArgs text;
};

// The ptable of method = "cell-key": from its file, or built from the parameters.
ind::PTable load_ptable(const ind::Definitions& defs) {
    if (!defs.cell_key.ptable_file.empty()) return ind::read_ptable_csv(defs.cell_key.ptable_file);
    return ind::build_ptable(*defs.cell_key.parameters);
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

// The wide GeoPackage: the regions of --regions in their order, with their
// geometry, then the output regions that have none (rollup parents, data rows
// not in --regions), written without geometry.
void write_wide_gpkg(const IndicatorsArgs& args, const io::PlannedOutput& output, geometry::RegionSet regions,
                     const ind::Definitions& defs, const ind::Hierarchy& hierarchy, const ind::Result& result,
                     std::vector<std::string>& warnings) {
    const std::set<std::string> in_regions(regions.ids.begin(), regions.ids.end());
    for (std::size_t r = 0; r < hierarchy.size(); ++r) {
        if (in_regions.count(hierarchy.ids[r])) continue;
        if (hierarchy.data_row[r])
            warnings.push_back("region '" + hierarchy.ids[r] + "' of " + args.data + " is not in " + args.regions +
                               ": written without geometry");
        regions.ids.push_back(hierarchy.ids[r]);
        regions.shapes.emplace_back();
        regions.feature_ids.push_back(-1);
    }
    const table::RegionTable wide = ind::wide_indicators_table(defs, hierarchy, result, args.id, regions.ids);
    io::write_region_table(wide, &regions, output);
}

int run(const IndicatorsArgs& args) {
    const io::Overwrite overwrite = args.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    const io::TextOptions text = args.text.options();
    io::InputSpec regions_input = io::InputSpec::parse(args.regions);
    regions_input.encoding = text.encoding;
    std::vector<std::string> inputs{args.data, args.definitions};
    if (!args.regions.empty()) inputs.push_back(regions_input.path);
    const std::string ext = io::extension_of(args.output);
    const bool gpkg = ext == "gpkg";
    if (ext != "csv" && !gpkg)
        throw UsageError("indicators are written as CSV (tidy) or GeoPackage (wide): name the output .csv or .gpkg");
    if (gpkg && args.regions.empty())
        throw UsageError("GeoPackage output needs the region geometry", {},
                         "add --regions FILE[:LAYER] (and --regions-id FIELD if its id field is not '" + args.id + "')");
    if (!gpkg && !args.regions.empty())
        throw UsageError("--regions is only used for GeoPackage output", {}, "name the output .gpkg, or drop --regions");
    io::OutputPlan outputs(overwrite, inputs);
    const io::PlannedOutput& table_output = outputs.add("--output", args.output);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.report);
    const io::PlannedOutput* ptable_output = outputs.add_optional("--ptable-output", args.ptable_output);

    const ind::Definitions defs = ind::read_definitions(args.definitions);
    const io::CsvTable csv = io::read_csv_table(args.data, text);
    const ind::DataTable data = read_data(csv, args.id, defs);
    std::vector<std::string> warnings;
    geometry::RegionSet regions;
    if (gpkg) regions = io::read_regions(regions_input, {args.regions_id.empty() ? args.id : args.regions_id, {}}, warnings);
    const ind::Hierarchy hierarchy = ind::build_hierarchy(hierarchy_input(csv, args, data, defs));
    const bool cell_key = defs.method == ind::DisclosureMethod::CellKey;
    if (ptable_output && !cell_key) throw UsageError("--ptable-output needs method = \"cell-key\" in the definitions' [disclosure]");
    ind::CellKeyUtility utility;
    const std::optional<ind::PTable> ptable = cell_key ? std::optional(load_ptable(defs)) : std::nullopt;
    const ind::Result result = cell_key ? ind::compute_perturbed_indicators(defs, data, hierarchy, *ptable, utility)
                                        : ind::compute_indicators(defs, data, hierarchy);
    if (ptable_output) io::write_output_stream(*ptable_output, [&](std::ostream& out) { ptable->write_csv(out); });

    if (gpkg)
        write_wide_gpkg(args, table_output, std::move(regions), defs, hierarchy, result, warnings);
    else
        io::write_output_stream(table_output, [&](std::ostream& out) { ind::write_indicators_csv(out, defs, hierarchy, result); });
    if (report_output) {
        nlohmann::ordered_json report = report_of(args, defs, hierarchy, result, data.ids.size());
        if (defs.method == ind::DisclosureMethod::CellKey) report["cell_key"] = ind::to_json(utility, defs.cell_key);
        write_report(*report_output, report);
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
        std::cerr << (defs.method == ind::DisclosureMethod::CellKey ? fmt::format(", perturbed {}\n", count(ind::Flag::Perturbed)) : "\n");
        if (defs.method == ind::DisclosureMethod::CellKey)
            std::cerr << ind::summary_text(utility);
        else
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
    cmd->add_option("-o,--output", args->output, "Output: tidy table (.csv), or one feature per region (.gpkg, needs --regions)")->type_name(kOutputFile)->required();
    cmd->add_option("--regions", args->regions, "FILE[:LAYER]: region polygons for .gpkg output")->type_name(kInputLayer);
    cmd->add_option("--regions-id", args->regions_id, "Id field of --regions (default: the --id column name)");
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
its counts perturbed by the ptable (flag perturbed); see the README.

Example:
  regio indicators --data out/residents_2024.csv --id district_id \
    --definitions geodata/demo/indicators.toml -o out/indicators_2024.csv)");
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
