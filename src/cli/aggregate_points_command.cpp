// regio aggregate points: address records onto any regions, every record
// accounted for.
#include "commands.hpp"
#include "option_kinds.hpp"
#include "run_context.hpp"

#include "regio/aggregate/aggregate_points.hpp"
#include "regio/aggregate/key_sum_columns.hpp"
#include "regio/aggregate/landing_check.hpp"
#include "regio/aggregate/points_report.hpp"
#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/key_salt.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/point_source.hpp"
#include "regio/io/table_writer.hpp"
#include "region_options.hpp"
#include "text_options.hpp"
#include "report_file.hpp"
#include "stopwatch.hpp"
#include "terminal_progress.hpp"

#include <iostream>
#include <memory>
#include <optional>

namespace regio::cli {
namespace {

struct PointsArgs {
    RegionOptions region;
    std::string points;
    std::string points_layer;
    std::string points_sql;
    std::string x;
    std::string y;
    std::string points_crs;
    std::vector<std::string> weights;
    std::string by;
    // Cell keys (issue #17): on with --cell-keys, --record-id or --key-salt-file.
    bool cell_keys = false;
    std::string record_id;
    std::optional<std::string> key_salt_file;
    TextInputArgs text;
    OutputOptions out;
    std::string assignments;  // per-record CSV (issue #18 item 8)
};

// The points' CRS: the layer's own, or --points-crs; never a guess.
io::Crs points_crs(const io::PointSource& source, const PointsArgs& args) {
    const io::Crs own = source.crs();
    if (args.points_crs.empty()) {
        if (!own.empty()) return own;
        if (std::string(source.ref_kind()) == "line")
            throw UsageError("CSV points have no CRS: name it with --points-crs", {},
                             "e.g. --points-crs EPSG:3035 for ETRS89-LAEA metres, EPSG:4326 for longitude/latitude");
        throw CrsError("the points layer has no CRS", Where{source.display()}, "name it with --points-crs");
    }
    const io::Crs given = io::Crs::from_user(args.points_crs, "--points-crs");
    if (!own.empty() && !own.same_as(given))
        throw CrsError("the points layer is in " + own.name + " but --points-crs says " + given.name,
                       Where{source.display()}, "drop --points-crs to use the layer's own CRS");
    return given;
}

int run(PointsArgs args) {
    const io::TextOptions text = args.text.options();
    args.region.encoding = text.encoding;
    Stopwatch watch;
    aggregate::PointsReport report;
    report.threads = effective_threads(args.out.threads);
    TerminalProgress progress(args.out.quiet);

    const io::InputSpec regions_input = args.region.input();
    io::InputSpec points_input = io::InputSpec::parse(args.points, args.points_layer);
    points_input.sql = args.points_sql;
    io::OutputPlan outputs =
        io::OutputPlan::reading(args.out.overwrite ? io::Overwrite::Yes : io::Overwrite::No, {regions_input, points_input});
    const io::PlannedOutput& table_output = outputs.add_table("--output", table_destination(args.out));  // "-": stdout (CSV)
    const io::PlannedOutput* report_output = outputs.add_optional("--report", args.out.report);
    if (!args.assignments.empty() && io::extension_of(args.assignments) != "csv")
        throw UsageError("the assignments are written as CSV: name --assignments .csv (or - for standard output)");
    const io::PlannedOutput* assignments_output = outputs.add_optional("--assignments", args.assignments, io::StdoutUse::Csv);

    // Points first: their header and CRS problems are cheaper to find than a
    // full region check.
    io::PointFields fields{args.x, args.y, args.weights, args.by, text, std::nullopt, args.record_id};
    const bool keyed = args.cell_keys || !args.record_id.empty() || args.key_salt_file.has_value();
    if (keyed) fields.record_keyer.emplace(io::read_key_salt(args.key_salt_file));
    std::unique_ptr<io::PointSource> source = io::open_point_source(points_input, fields);
    const io::Crs from = points_crs(*source, args);

    CheckedRegions checked = load_checked_regions(args.region, report.threads, args.out.quiet);
    const geometry::RegionSet& regions = checked.regions;
    const io::Crs to = io::Crs::from_wkt(regions.crs_wkt);
    report.regions_source = regions_input.display();
    report.region_count = regions.size();
    report.region_warnings = checked.warnings;
    report.timings.push_back({"regions", watch.lap()});

    aggregate::PointsOptions options;
    options.threads = report.threads;
    if (!from.same_as(to)) options.transformer.emplace(from, to);
    const io::CrsDomain points_domain(from);
    options.points_domain = &points_domain;
    options.progress = ProgressRange(progress.callback());
    report.points_source = source->display();
    report.ref_kind = source->ref_kind();
    report.weight_names = args.weights;
    std::optional<aggregate::PointsResult> aggregated;
    if (assignments_output) {
        io::write_output_stream(*assignments_output, [&](std::ostream& stream) {
            options.assignments = {&stream, args.region.id, &regions.ids};
            aggregated = aggregate::aggregate_points(*source, checked.locator, args.weights.size(), options);
        });
    } else {
        aggregated = aggregate::aggregate_points(*source, checked.locator, args.weights.size(), options);
    }
    const aggregate::PointsResult& result = *aggregated;
    if (!result.conserved())
        throw Error("internal error: records are not conserved (read != assigned + outside + invalid)");
    // No point in any region is a wrong CRS, not an empty table.
    const std::optional<std::string> landing_warning = aggregate::check_landing(
        {"points", source->display(), from.name, to.name, static_cast<double>(result.read - result.tally.invalid()),
         static_cast<double>(result.tally.assigned_count())});
    report.timings.push_back({"points", watch.lap()});

    table::RegionTable table =
        aggregate::points_table(result, args.region.id, regions.ids, args.weights, !args.by.empty());
    if (keyed)
        aggregate::append_key_sum_columns(table, result.tally,
                                          args.by.empty() ? aggregate::GroupColumns::Without : aggregate::GroupColumns::With);
    io::write_region_table(table, &regions, table_output);
    report.timings.push_back({"write", watch.lap()});

    if (report_output) {
        nlohmann::ordered_json j = aggregate::to_json(report, result);
        add_region_fixes(j, checked.fixes);
        write_report(*report_output, j, {&table_output});
    }
    outputs.commit();
    if (!args.out.quiet) {
        std::cerr << aggregate::summary_text(report, result);
        // After the summary, whose totals it reads against.
        if (landing_warning) std::cerr << "regio: warning: " << *landing_warning << '\n';
    }
    return 0;
}

}  // namespace

void add_aggregate_points(CLI::App& aggregate, Action& action, RunContext* context) {
    auto args = std::make_shared<PointsArgs>();
    CLI::App* cmd = aggregate.add_subcommand("points", "Count and sum point records (addresses, residents) per region");
    add_region_options(*cmd, args->region);
    cmd->add_option("--points", args->points,
                    "Points: a CSV file (- reads standard input), FILE[:LAYER] of any OGR point layer, or any GDAL data source (PG:...)")->type_name(kInputLayer)
        ->required();
    cmd->add_option("--points-layer", args->points_layer, "Layer (table) of --points, when the source has several");
    cmd->add_option("--points-sql", args->points_sql,
                    "A query of --points (a database) whose rows are the points, streamed through a cursor")
        ->excludes("--points-layer");
    cmd->add_option("--x", args->x, "CSV column with x / easting / longitude (default: x, lon, longitude or easting)");
    cmd->add_option("--y", args->y, "CSV column with y / northing / latitude (default: y, lat, latitude or northing)");
    cmd->add_option("--points-crs", args->points_crs,
                    "CRS of the points (EPSG:3035, WKT, PROJ string); required for CSV, checked against a layer's own");
    cmd->add_option("--weight", args->weights, "Numeric field(s) to sum per region, comma-separated")->delimiter(',');
    cmd->add_option("--by", args->by, "Field whose values split the counts and sums into groups");
    cmd->add_flag("--cell-keys", args->cell_keys,
                  "Add cell-key columns (cellkey_<count column>) for `regio indicators` method = \"cell-key\"");
    cmd->add_option("--record-id", args->record_id,
                    "CSV column that identifies a record for its cell key (default: the whole record text); implies --cell-keys");
    cmd->add_option("--key-salt-file", args->key_salt_file,
                    "File holding the secret salt of the record keys (default: $REGIO_KEY_SALT); implies --cell-keys")->type_name(kInputFile);
    add_text_options(*cmd, args->text);
    add_output_options(*cmd, args->out);
    add_table_destination_options(*cmd, args->out);
    cmd->add_option("--assignments", args->assignments,
                    "Write each record's region to a CSV (- for standard output): one row per record in input order")
        ->type_name(kOutputFile);
    cmd->footer(R"(Output: one row per region, in input order, also regions
without points. Columns: <id>, count, <weight>_sum for each
--weight, and with --by, for each distinct value v (sorted):
count_<v>, <weight>_sum_<v>. An empty --by value is the group NA.

With --cell-keys: for each count column C also cellkey_C, the
sum of its records' keys modulo 2^53 (keys from a keyed hash of
--record-id, or of the record text, under the secret salt; the
salt itself is written nowhere).

Every record is accounted for: read = assigned + outside all
regions + invalid, for the count and for each weight. The report
lists the first invalid records and the first ones outside all
regions (with their coordinates as read).

With --assignments FILE.csv: one row per record in input order,
columns line (or feature), <id>, status, reason; status is
assigned, outside or invalid (with the reason), e.g.
  line,district_id,status,reason
  2,D1,assigned,
  3,,outside,

-o - (or --assignments -) writes that CSV to standard output; the
summary stays on stderr. --points - reads the CSV from standard
input. Missing output directories are created.

Boundary rule: a point exactly on a boundary goes to the region
east of it; on an east-west boundary, to the region north of it
(like half-open grid cells).

Examples:
  regio aggregate points \
    --regions districts.gpkg:districts_2024 --id district_id \
    --points addresses.csv --points-crs EPSG:3035 \
    --weight residents --by citizenship -o out/residents.csv

  regio aggregate points --regions districts.gpkg --id district_id \
    --points - --points-crs EPSG:3035 -o - --assignments out/where.csv \
    < addresses.csv > residents.csv

Into PostGIS (one transaction; --overwrite replaces the table):
  regio aggregate points --regions "PG:dbname=gis" \
    --regions-layer nuts3 --id nuts_id --points addresses.fgb \
    -o "PG:dbname=stats" --output-layer results.residents)");
    if (context) args->region.cache = &context->regions;  // a pipeline step: shared region sets
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
