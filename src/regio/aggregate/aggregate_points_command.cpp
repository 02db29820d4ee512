#include "regio/aggregate/aggregate_points_command.hpp"

#include "regio/aggregate/aggregate_points_operation.hpp"
#include "regio/io/text_input_options.hpp"
#include "regio/regions/region_options.hpp"
#include "regio/report/output_options.hpp"

#include <memory>

namespace regio::aggregate {
namespace {

constexpr const char* kAggregatePointsFooter = R"(Output: one row per region, in input order, also regions
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
    -o "PG:dbname=stats" --output-layer results.residents)";

class AggregatePointsCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        regions::declare_region_options(options, m_request.regions);
        options.add("--points", m_request.points,
                    "Points: a CSV file (- reads standard input), FILE[:LAYER] of any OGR point layer, or any GDAL data source (PG:...)")
            .value_name(options::kInputLayer)
            .required();
        options.add("--points-layer", m_request.points_layer, "Layer (table) of --points, when the source has several");
        options.add("--points-sql", m_request.points_sql,
                    "A query of --points (a database) whose rows are the points, streamed through a cursor")
            .excludes("--points-layer");
        options.add("--x", m_request.x, "CSV column with x / easting / longitude (default: x, lon, longitude or easting)")
            .names_columns_of("points");
        options.add("--y", m_request.y, "CSV column with y / northing / latitude (default: y, lat, latitude or northing)")
            .names_columns_of("points");
        options.add("--points-crs", m_request.points_crs,
                    "CRS of the points (EPSG:3035, WKT, PROJ string); required for CSV, checked against a layer's own");
        options.add("--weight", m_request.weights, "Numeric field(s) to sum per region, comma-separated").delimiter(',')
            .names_columns_of("points", options::NameForm::List);
        options.add("--by", m_request.by, "Field whose values split the counts and sums into groups")
            .names_columns_of("points");
        options.flag("--cell-keys", m_cell_keys,
                     "Add cell-key columns (cellkey_<count column>) for `regio indicators` method = \"cell-key\"");
        options.add("--record-id", m_request.record_id,
                    "CSV column that identifies a record for its cell key (default: the whole record text); implies --cell-keys");
        options.add("--key-salt-file", m_request.key_salt_file,
                    "File holding the secret salt of the record keys (default: $REGIO_KEY_SALT); implies --cell-keys")
            .value_name(options::kInputFile);
        io::declare_text_options(options, m_text);
        report::declare_output_options(options, m_out);
        report::declare_table_destination_options(options, m_out);
        options.add("--assignments", m_request.assignments,
                    "Write each record's region to a CSV (- for standard output): one row per record in input order")
            .value_name(options::kOutputFile);
    }
    void share(const options::StepContext& context) { m_request.regions.cache = context.regions; }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn& warn) override {
        AggregatePointsRequest request = m_request;
        request.text = m_text.options();
        request.cell_keys = m_cell_keys ? CellKeys::On : CellKeys::Off;
        request.output = report::table_destination(m_out);
        request.report = m_out.report;
        request.overwrite = m_out.overwrite_policy();
        request.threads = m_out.threads;
        const AggregatePointsResult result = aggregate::run(request, progress, warn);
        options::CommandOutcome outcome{{}, result.summary()};
        // After the summary, whose totals it reads against.
        if (result.landing_warning) outcome.warnings_after_summary.push_back(*result.landing_warning);
        return outcome;
    }
    [[nodiscard]] bool quiet() const override { return m_out.quiet; }

private:
    AggregatePointsRequest m_request;
    bool m_cell_keys = false;  // --cell-keys
    io::TextInputArgs m_text;
    report::OutputOptions m_out;
};

}  // namespace

options::CommandEntry aggregate_points_command() {
    return options::make_entry<AggregatePointsCommand>(
        {"aggregate", "points"}, "Count and sum point records (addresses, residents) per region", kAggregatePointsFooter);
}

}  // namespace regio::aggregate
