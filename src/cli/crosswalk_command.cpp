// regio crosswalk build | apply | chain: harmonise geographies over time.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "crosswalk_build.hpp"
#include "crosswalk_uncertainty.hpp"

#include "regio/error.hpp"
#include "regio/geometry/intersection.hpp"
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/apply_weight.hpp"
#include "regio/harmonise/chain_gaps.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/crosswalk_check.hpp"
#include "regio/harmonise/overlay.hpp"
#include "regio/harmonise/pair_weights.hpp"
#include "regio/harmonise/crosswalk_files.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/output_file.hpp"
#include "regio/io/point_source.hpp"
#include "regio/io/region_attributes.hpp"
#include "regio/io/region_transform.hpp"
#include "regio/io/table_writer.hpp"
#include "region_options.hpp"
#include "report_file.hpp"
#include "stopwatch.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <optional>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

namespace regio::cli {
namespace {

struct ApplyArgs {
    std::string crosswalk;
    std::string data;
    std::string id;
    std::vector<std::string> extensive;
    std::vector<std::string> intensive;
    std::string weight;  // "" = population when the crosswalk has it, else area (harmonise::decide_weight)
    TextInputArgs text;
    bool accept_loss = false;
    std::string uncertainty_column;  // "" = no such column in the output
    OutputOptions out;
};

struct ChainArgs {
    std::vector<std::string> crosswalks;
    bool strict = false;
    OutputOptions out;
};

io::Overwrite overwrite_of(const OutputOptions& o) { return o.overwrite ? io::Overwrite::Yes : io::Overwrite::No; }

std::vector<harmonise::IntensiveColumn> parse_intensive(const std::vector<std::string>& specs) {
    std::vector<harmonise::IntensiveColumn> out;
    for (const auto& s : specs) {
        const auto colon = s.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == s.size())
            throw UsageError("--intensive takes COLUMN:DENOMINATOR_COLUMN, got '" + s + "'");
        out.push_back({s.substr(0, colon), s.substr(colon + 1)});
    }
    return out;
}

// "count: 100 before = 90 after + 10 not carried", with what shares that do
// not sum to 1 lost or invented when that was accepted: the line states what
// happened, term by term (the library checks that the terms add up).
std::string totals_equation(const std::string& column, const harmonise::ApplyResult& result, std::size_t k) {
    std::string line = fmt::format("{}: {:.10g} before = {:.10g} after + {:.10g} not carried", column, result.total_before[k],
                                   result.total_after[k], result.not_carried[k]);
    const double lost = result.lost_by_shares[k];
    if (!harmonise::totals_preserved(result, k))
        line += lost >= 0 ? fmt::format(" + {:.10g} lost by shares below 1", lost)
                          : fmt::format(" - {:.10g} invented by shares above 1", -lost);
    // The output column sums to less than "after" where targets are written
    // empty: say how much of it went there.
    if (result.in_empty_targets[k] != 0)
        line += fmt::format(" ({:.10g} of the after in targets written empty: a source of theirs has no value)",
                            result.in_empty_targets[k]);
    return line;
}

int run_apply(const ApplyArgs& args) {
    if (args.extensive.empty() && args.intensive.empty()) throw UsageError("name columns to carry with --extensive and/or --intensive");
    harmonise::ApplyOptions options;
    options.id = args.id;
    options.extensive = args.extensive;
    options.intensive = parse_intensive(args.intensive);
    std::optional<harmonise::ApplyWeight> requested;
    if (args.weight == "area") requested = harmonise::ApplyWeight::Area;
    else if (args.weight == "population") requested = harmonise::ApplyWeight::Population;
    else if (!args.weight.empty()) throw UsageError("unknown --weight '" + args.weight + "' (known: area, population)");
    options.loss = args.accept_loss ? harmonise::LossPolicy::Accept : harmonise::LossPolicy::Refuse;
    // A table without geometry: CSV, or a plain table in a database (issue #16).
    if (!io::is_data_source_name(args.out.output) && io::extension_of(args.out.output) != "csv")
        throw UsageError("apply writes CSV: name the output .csv (or a database: PG:... with --output-layer)");
    io::OutputPlan outputs = io::OutputPlan::reading(overwrite_of(args.out), {{args.crosswalk}, {args.data}});
    const io::PlannedOutput& table_output = outputs.add_table("--output", table_destination(args.out));  // "-": stdout (CSV)
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.out.report);

    const harmonise::Crosswalk crosswalk = harmonise::read_crosswalk(args.crosswalk);
    const harmonise::WeightDecision weighting = harmonise::decide_weight(crosswalk, requested);
    options.weight = weighting.weight;
    const io::CsvTable data = io::read_csv_table(args.data, args.text.options());
    harmonise::ApplyResult result = harmonise::apply_crosswalk(crosswalk, data, options);
    if (!args.uncertainty_column.empty()) add_uncertainty_column(result, crosswalk, args.uncertainty_column, !args.extensive.empty());
    io::write_region_table(result.table, nullptr, table_output);

    if (report_output) {
        nlohmann::ordered_json j;
        j["command"] = "crosswalk apply";
        j["crosswalk"] = args.crosswalk;
        j["data"] = args.data;
        j["weight"] = harmonise::weight_name(weighting.weight);
        j["weight_chosen"] = weighting.choice == harmonise::WeightChoice::Requested ? "by --weight" : "default";
        nlohmann::ordered_json totals = nlohmann::ordered_json::object();
        for (std::size_t k = 0; k < args.extensive.size(); ++k)
            totals[args.extensive[k]] = {{"before", result.total_before[k]},
                                         {"after", result.total_after[k]},
                                         {"not_carried", result.not_carried[k]},
                                         {"lost_by_shares", result.lost_by_shares[k]},
                                         {"in_targets_written_empty", result.in_empty_targets[k]},
                                         {"preserved", harmonise::totals_preserved(result, k)}};
        j["totals"] = totals;
        j["ids_not_in_crosswalk"] = result.ids_not_in_crosswalk;
        j["sources_not_in_data"] = result.sources_not_in_data;
        nlohmann::ordered_json unbalanced = nlohmann::ordered_json::array();
        for (const auto& u : result.unbalanced_sources)
            unbalanced.push_back({{"from_id", u.from_id}, {"field", harmonise::share_field(u.column)}, {"sum", u.sum}, {"line", u.line}});
        j["unbalanced_sources"] = unbalanced;
        nlohmann::ordered_json uncertainty = nlohmann::ordered_json::object();
        for (std::size_t t = 0; t < result.table.rows(); ++t) uncertainty[result.table.ids()[t]] = result.split_share[t];
        j["share_from_split_sources"] = uncertainty;
        if (crosswalk.has_near_boundary) {
            nlohmann::ordered_json near = nlohmann::ordered_json::object();
            for (std::size_t t = 0; t < result.table.rows(); ++t) near[result.table.ids()[t]] = result.near_boundary_share[t];
            j["share_from_near_boundary_weight"] = near;
        }
        write_report(*report_output, j, {&table_output});
    }
    outputs.commit();
    if (!args.out.quiet) {
        std::cerr << harmonise::weight_summary(weighting) << '\n';
        for (std::size_t k = 0; k < args.extensive.size(); ++k)
            std::cerr << totals_equation(args.extensive[k], result, k) << '\n';
        if (crosswalk.has_near_boundary) std::cerr << near_boundary_line(result, args.extensive) << '\n';
        for (const auto& u : result.unbalanced_sources)
            std::cerr << fmt::format("regio: warning: {}: line {}: field '{}': source '{}': its shares sum to {:.15g}, not 1 "
                                     "(accepted by --accept-loss)\n",
                                     args.crosswalk, u.line, harmonise::share_field(u.column), u.from_id, u.sum);
        if (!result.ids_not_in_crosswalk.empty()) {
            std::string list;
            for (std::size_t i = 0; i < std::min<std::size_t>(10, result.ids_not_in_crosswalk.size()); ++i)
                list += (i ? ", " : "") + result.ids_not_in_crosswalk[i];
            std::cerr << fmt::format("regio: warning: {} data rows have ids the crosswalk does not know (not carried): {}{}\n",
                                     result.ids_not_in_crosswalk.size(), list, result.ids_not_in_crosswalk.size() > 10 ? ", ..." : "");
        }
        if (!result.sources_not_in_data.empty()) {
            std::string list;
            for (std::size_t i = 0; i < std::min<std::size_t>(10, result.sources_not_in_data.size()); ++i)
                list += (i ? ", " : "") + result.sources_not_in_data[i];
            std::cerr << fmt::format("regio: warning: {} crosswalk sources have no data row: {}{}\n",
                                     result.sources_not_in_data.size(), list, result.sources_not_in_data.size() > 10 ? ", ..." : "");
        }
    }
    return 0;
}

int run_chain(const ChainArgs& args) {
    std::string gap_lines_near;
    if (args.crosswalks.size() < 2) throw UsageError("chain needs at least two crosswalks: A_B.csv B_C.csv [C_D.csv ...]");
    if (io::extension_of(args.out.output) != "csv") throw UsageError("the chained crosswalk is written as CSV: name it .csv");
    io::OutputPlan outputs(overwrite_of(args.out), args.crosswalks);
    const io::PlannedOutput& chained_output = outputs.add("--output", args.out.output, io::StdoutUse::Csv);
    // Every table is checked before any is composed: the area shares, and the
    // weight shares when all tables have them (the chain then carries them).
    std::vector<harmonise::Crosswalk> tables;
    for (const auto& path : args.crosswalks) tables.push_back(harmonise::read_crosswalk(path));
    const bool weighted = std::all_of(tables.begin(), tables.end(), [](const auto& t) { return t.has_weights; });
    for (const auto& t : tables) {
        if (weighted) harmonise::check_crosswalk(t, {harmonise::ShareColumn::Area, harmonise::ShareColumn::Weight});
        else harmonise::check_crosswalk(t, {harmonise::ShareColumn::Area});
    }
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.out.report);
    // Near-boundary shares compose only when every table has them: a table
    // without them (built with no tolerance) says nothing, which is not 0.
    const auto near_count = std::count_if(tables.begin(), tables.end(), [](const auto& t) { return t.has_near_boundary; });
    if (near_count > 0 && static_cast<std::size_t>(near_count) < tables.size())
        gap_lines_near = "regio: warning: the near-boundary shares are dropped: only " + std::to_string(near_count) + " of the " +
                         std::to_string(tables.size()) + " crosswalks have them (build all with --boundary-tolerance)";
    harmonise::Crosswalk chained = tables[0];
    nlohmann::ordered_json links = nlohmann::ordered_json::array();
    std::vector<std::string> gap_lines;
    for (std::size_t i = 1; i < args.crosswalks.size(); ++i) {
        harmonise::ChainLinkResult link = harmonise::chain_with_gaps(
            chained, tables[i], args.crosswalks[i], args.strict ? harmonise::MiddleGaps::Strict : harmonise::MiddleGaps::Carry);
        chained = std::move(link.chained);
        links.push_back({{"crosswalk", args.crosswalks[i]},
                         {"middle_discontinued", link.discontinued},
                         {"middle_new", link.new_units},
                         {"sources_dropped", link.dropped_sources}});
        auto first_ten = [](const std::vector<std::string>& ids) {
            std::string list;
            for (std::size_t k = 0; k < std::min<std::size_t>(10, ids.size()); ++k) list += (k ? ", " : "") + ids[k];
            return list + (ids.size() > 10 ? ", ..." : "");
        };
        if (!link.discontinued.empty())
            gap_lines.push_back(fmt::format("regio: warning: {}: {} units of the middle vintage have no successor (discontinued: {}); "
                                            "{} sources going into them are not carried (--strict refuses this)",
                                            args.crosswalks[i], link.discontinued.size(), first_ten(link.discontinued),
                                            link.dropped_sources.size()));
        if (!link.new_units.empty())
            gap_lines.push_back(fmt::format("regio: warning: {}: {} units of the middle vintage have no predecessor (new: {}); "
                                            "their targets get nothing from the chain (--strict refuses this)",
                                            args.crosswalks[i], link.new_units.size(), first_ten(link.new_units)));
    }
    // The composed table must itself move every source whole before it is written.
    chained.file = args.out.output;
    try {
        harmonise::check_crosswalk(chained, weighted ? std::vector{harmonise::ShareColumn::Area, harmonise::ShareColumn::Weight}
                                                     : std::vector{harmonise::ShareColumn::Area});
    } catch (const DataError& e) {
        throw DataError("the chained crosswalk fails its check (not written): " + e.message(), Where{args.out.output});
    }
    harmonise::write_crosswalk(chained, chained_output);
    if (report_output) {
        nlohmann::ordered_json j;
        j["command"] = "crosswalk chain";
        j["crosswalks"] = args.crosswalks;
        j["middle_gaps"] = args.strict ? "strict" : "carried";
        j["links"] = links;
        j["rows"] = chained.rows.size();
        if (near_count > 0)
            j["near_boundary"] = chained.has_near_boundary ? "composed: 1 - (1 - u1)(1 - u2) per path, weighted by what it carries"
                                                           : "dropped: not every crosswalk has it";
        write_report(*report_output, j);
    }
    outputs.commit();
    if (!args.out.quiet) {
        std::cerr << fmt::format("chain: {} rows\n", chained.rows.size());
        if (!gap_lines_near.empty()) std::cerr << gap_lines_near << '\n';
        for (const auto& line : gap_lines) std::cerr << line << '\n';
    }
    return 0;
}

// `which` is "older" or "newer".
void add_side(CLI::App& cmd, RegionOptions& side, const std::string& name, const std::string& which) {
    cmd.add_option("--" + name, side.regions, "The " + which + " vintage: FILE[:LAYER]")->type_name(kInputLayer)->required();
    cmd.add_option("--" + name + "-id", side.id, "Unit id field of the " + which + " vintage")->required();
    cmd.add_option("--" + name + "-layer", side.regions_layer, "Layer (table) of --" + name + ", when the source has several");
    add_region_fix_options(cmd, side, name + "-");
}

}  // namespace

void add_crosswalk(CLI::App& app, Action& action) {
    CLI::App* crosswalk = app.add_subcommand("crosswalk", "Harmonise geographies over time: build, apply and chain crosswalks");
    crosswalk->require_subcommand(1);

    auto build = std::make_shared<BuildArgs>();
    CLI::App* b = crosswalk->add_subcommand("build", "Overlay two vintages: crosswalk rows and the typed list of changes");
    add_side(*b, build->from, "from", "older");
    add_side(*b, build->to, "to", "newer");
    b->add_option("--weights", build->weights,
                  "Weight each piece by population: a raster (exact coverage), or points (a CSV, or FILE[:LAYER] of any "
                  "OGR point layer) located in both vintages")->type_name(kInputLayer);
    b->add_option("--weights-layer", build->weights_layer, "Layer (table) of --weights points, when the source has several");
    b->add_option("--weights-x", build->weights_x, "CSV column of the weight points' x (default: x, lon, longitude or easting)");
    b->add_option("--weights-y", build->weights_y, "CSV column of the weight points' y (default: y, lat, latitude or northing)");
    b->add_option("--weights-crs", build->weights_crs,
                  "CRS of the weight points (EPSG:3035, WKT, PROJ string); required for CSV, checked against a layer's own");
    b->add_option("--weights-field", build->weights_field, "Numeric field of the weight points to sum (default: count the points)");
    b->add_option("--from-name", build->from_name, "Unit name field of the older vintage (with --to-name: 'renamed' changes)");
    b->add_option("--to-name", build->to_name, "Unit name field of the newer vintage");
    b->add_option("--work-crs", build->work_crs, "Projected CRS to measure areas in (default: the --from layer's)");
    b->add_option("--min-share", build->min_share, "Pieces below this share of both units are slivers (dropped, reported)")
        ->capture_default_str();
    b->add_option("--min-area", build->min_area, "Pieces below this area (CRS units²) are slivers")->capture_default_str();
    b->add_option("--boundary-tolerance", build->boundary_tolerance,
                  "Pieces thinner than this everywhere (metres) are boundary noise, given back to their source's main target "
                  "(default: 0.25 mm at the map scale a GISCO-style file name gives, e.g. 5000 for _20M_; otherwise 0, exact)")
        ->check(CLI::NonNegativeNumber);
    b->add_option("--within-prefix", build->within_prefix,
                  "Both vintages nest in unchanged parents named by the first N characters of the ids: no piece crosses a parent")
        ->check(CLI::PositiveNumber);
    b->add_option("--within", build->within, "Unchanged parents from fields: FROM_FIELD=TO_FIELD (see --within-prefix)");
    b->add_option("--changes", build->changes,
                  "Write CHANGES.csv: side,id,type,counterparts,detail (or .gpkg, .fgb, .geojson, .parquet with each unit's "
                  "polygon, or a database: PG:CONNECTION with --changes-layer)")->type_name(kOutputFile);
    b->add_option("--changes-layer", build->changes_layer,
                  "Table of a database --changes ([SCHEMA.]NAME, written in one transaction and renamed into place), or "
                  "the layer name in a file (default: the file's name)");
    b->add_option("--gpkg", build->gpkg, "Write the kept pieces as polygons: piece, from_id, to_id, area_m2, shares")->type_name(kOutputFile);
    add_text_options(*b, build->text);
    add_output_options(*b, build->out);
    add_table_destination_options(*b, build->out);
    b->footer(R"(CROSSWALK.csv: from_id,to_id,area_m2,area_share_from,area_share_to
and, with --weights, weight,weight_share_from,weight_share_to. The
kept shares of each source sum to exactly 1. With a tolerance D > 0,
near_boundary_area_share (and near_boundary_weight_share with
weights) follow: the share of the row within D of a line between the
source's pieces that go to different targets, or given to it as
noise (grid weights measured in that band, point weights apportioned
by area within the piece). Without a tolerance they are left out. Weight points count
(or sum --weights-field) in the piece of both units they fall in;
read = in pieces + outside all pieces + invalid.
CHANGES.csv types: unchanged, recoded, renamed, boundary_shift
(detail minor/major), split, merged, split_merge, new, discontinued.
Both tables may go into a database (-o PG:... --output-layer NAME, or
--changes PG:... --changes-layer NAME; one database output per run)
or a .gpkg/.fgb/.geojson/.parquet layer, where each crosswalk row
carries its piece and each change its unit's polygon.

Example:
  regio crosswalk build \
    --from districts.gpkg:districts_2023 --from-id district_id \
    --to districts.gpkg:districts_2024 --to-id district_id \
    --weights pop_100m.tif -o out/crosswalk_2023_2024.csv \
    --changes out/changes_2023_2024.csv)");
    b->callback([build, &action] { action = [build] { return run_crosswalk_build(*build); }; });

    auto apply = std::make_shared<ApplyArgs>();
    CLI::App* a = crosswalk->add_subcommand("apply", "Carry a table from the source units onto the target units");
    a->add_option("--crosswalk", apply->crosswalk, "CROSSWALK.csv from crosswalk build or chain")->type_name(kInputFile)->required();
    a->add_option("--data", apply->data, "A CSV table with one row per source unit")->type_name(kInputFile)->required();
    a->add_option("--id", apply->id, "Column of --data with the source unit ids")->required();
    a->add_option("--extensive", apply->extensive, "Count columns: split by the shares and summed")->delimiter(',');
    a->add_option("--intensive", apply->intensive,
                  "Rate or mean columns as COLUMN:DENOMINATOR: averaged with the moved denominator as weight")
        ->delimiter(',');
    a->add_option("--weight", apply->weight,
                  "Shares to split by: area or population (default: population when the crosswalk has it, else area)");
    add_text_options(*a, apply->text);
    a->add_flag("--accept-loss", apply->accept_loss,
                "Apply a crosswalk whose shares of a source do not sum to 1, and report what that loses or invents "
                "(otherwise an error)");
    a->add_option("--uncertainty-column", apply->uncertainty_column,
                  "Add a column NAME: per target, the share of its carried value that comes from near-boundary weight "
                  "(a crosswalk built with --boundary-tolerance; first --extensive column)");
    add_output_options(*a, apply->out);
    a->add_option("--output-layer", apply->out.output_layer,
                  "Table of a database output (-o PG:... --output-layer [SCHEMA.]NAME): a plain table, written in one "
                  "transaction and renamed into place");
    a->footer(R"(With a crosswalk built with --boundary-tolerance (it has the
near_boundary_*_share columns), the report gives per target the share of
its carried value that comes from near-boundary weight (first
--extensive column), the summary names the five targets where it is
largest, and --uncertainty-column NAME adds it to the output.

Example:
  regio crosswalk apply --crosswalk out/crosswalk_2023_2024.csv \
    --data out/residents_2023.csv --id district_id --weight population \
    --extensive count,residents_sum -o out/residents_on_2024.csv \
    --uncertainty-column near_boundary_share)");
    a->callback([apply, &action] { action = [apply] { return run_apply(*apply); }; });

    auto chain = std::make_shared<ChainArgs>();
    CLI::App* c = crosswalk->add_subcommand("chain", "Compose crosswalks A->B, B->C into A->C");
    c->add_option("crosswalks", chain->crosswalks, "Crosswalk CSVs in order")->type_name(kInputFile)->required();
    c->add_flag("--strict", chain->strict,
                "Refuse units of a middle vintage without a successor or predecessor (default: carried as discontinued or new, "
                "and reported)");
    add_output_options(*c, chain->out);
    c->footer(R"(Example:
  regio crosswalk chain nuts_2016_2021.csv nuts_2021_2024.csv \
    -o out/nuts_2016_2024.csv)");
    c->callback([chain, &action] { action = [chain] { return run_chain(*chain); }; });
}

}  // namespace regio::cli
