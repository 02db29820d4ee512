// regio aggregate points: binds the options to an
// aggregate::AggregatePointsRequest, runs it, prints warnings and the summary
// (see regio/aggregate/aggregate_points_operation.hpp).
#include "commands.hpp"
#include "option_kinds.hpp"
#include "run_context.hpp"

#include "regio/aggregate/aggregate_points_operation.hpp"
#include "region_options.hpp"
#include "text_options.hpp"
#include "terminal_progress.hpp"

#include <iostream>
#include <memory>

namespace regio::cli {
namespace {

struct PointsArgs {
    aggregate::AggregatePointsRequest request;
    bool cell_keys = false;  // --cell-keys
    TextInputArgs text;
    OutputOptions out;
};

int run(PointsArgs args) {
    aggregate::AggregatePointsRequest& request = args.request;
    request.text = args.text.options();
    request.cell_keys = args.cell_keys ? aggregate::CellKeys::On : aggregate::CellKeys::Off;
    request.output = table_destination(args.out);
    request.report = args.out.report;
    request.overwrite = args.out.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    request.threads = args.out.threads;
    TerminalProgress progress(args.out.quiet);
    const aggregate::AggregatePointsResult result =
        aggregate::run(request, ProgressRange(progress.callback()), warning_printer(args.out.quiet));
    if (!args.out.quiet) {
        std::cerr << result.summary();
        // After the summary, whose totals it reads against.
        if (result.landing_warning) std::cerr << "regio: warning: " << *result.landing_warning << '\n';
    }
    return 0;
}

}  // namespace

void add_aggregate_points(CLI::App& aggregate, Action& action, RunContext* context) {
    auto args = std::make_shared<PointsArgs>();
    CLI::App* cmd = aggregate.add_subcommand("points", "Count and sum point records (addresses, residents) per region");
    add_region_options(*cmd, args->request.regions);
    cmd->add_option("--points", args->request.points,
                    "Points: a CSV file (- reads standard input), FILE[:LAYER] of any OGR point layer, or any GDAL data source (PG:...)")->type_name(kInputLayer)
        ->required();
    cmd->add_option("--points-layer", args->request.points_layer, "Layer (table) of --points, when the source has several");
    cmd->add_option("--points-sql", args->request.points_sql,
                    "A query of --points (a database) whose rows are the points, streamed through a cursor")
        ->excludes("--points-layer");
    cmd->add_option("--x", args->request.x, "CSV column with x / easting / longitude (default: x, lon, longitude or easting)");
    cmd->add_option("--y", args->request.y, "CSV column with y / northing / latitude (default: y, lat, latitude or northing)");
    cmd->add_option("--points-crs", args->request.points_crs,
                    "CRS of the points (EPSG:3035, WKT, PROJ string); required for CSV, checked against a layer's own");
    cmd->add_option("--weight", args->request.weights, "Numeric field(s) to sum per region, comma-separated")->delimiter(',');
    cmd->add_option("--by", args->request.by, "Field whose values split the counts and sums into groups");
    cmd->add_flag("--cell-keys", args->cell_keys,
                  "Add cell-key columns (cellkey_<count column>) for `regio indicators` method = \"cell-key\"");
    cmd->add_option("--record-id", args->request.record_id,
                    "CSV column that identifies a record for its cell key (default: the whole record text); implies --cell-keys");
    cmd->add_option("--key-salt-file", args->request.key_salt_file,
                    "File holding the secret salt of the record keys (default: $REGIO_KEY_SALT); implies --cell-keys")->type_name(kInputFile);
    add_text_options(*cmd, args->text);
    add_output_options(*cmd, args->out);
    add_table_destination_options(*cmd, args->out);
    cmd->add_option("--assignments", args->request.assignments,
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
    if (context) args->request.regions.cache = &context->regions;  // a pipeline step: shared region sets
    cmd->callback([args, &action] { action = [args] { return run(*args); }; });
}

}  // namespace regio::cli
