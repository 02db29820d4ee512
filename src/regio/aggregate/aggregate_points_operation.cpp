// regio aggregate points: address records onto any regions, every record
// accounted for. Outputs are planned first, the points' header and CRS are
// checked before the (dearer) region check, and the table, assignments and
// report are committed together.
#include "regio/aggregate/aggregate_points_operation.hpp"

#include "regio/aggregate/key_sum_columns.hpp"
#include "regio/aggregate/landing_check.hpp"
#include "regio/error.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/crs_domain.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/key_salt.hpp"
#include "regio/io/output_stream.hpp"
#include "regio/io/point_source.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/regions/checked_regions.hpp"
#include "regio/stopwatch.hpp"
#include "regio/worker_threads.hpp"

#include <memory>

namespace regio::aggregate {

bool AggregatePointsRequest::keyed() const {
    return cell_keys == CellKeys::On || !record_id.empty() || key_salt_file.has_value();
}

AggregatePointsResult run(const AggregatePointsRequest& request, const ProgressRange& progress, const WarningFn& warn) {
    // --encoding applies to every text input, the region layer's names too.
    regions::RegionSource region_source = request.regions;
    region_source.encoding = request.text.encoding;
    Stopwatch watch;
    AggregatePointsResult out;
    PointsReport& report = out.report;
    report.threads = worker_threads(request.threads);

    const io::InputSpec regions_input = region_source.input();
    io::InputSpec points_input = io::InputSpec::parse(request.points, request.points_layer);
    points_input.sql = request.points_sql;
    io::OutputPlan outputs = io::OutputPlan::reading(request.overwrite, {regions_input, points_input});
    const io::PlannedOutput& table_output = outputs.add_table("--output", request.output);  // "-": stdout (CSV)
    const io::PlannedOutput* report_output = outputs.add_optional("--report", request.report);
    if (!request.assignments.empty() && io::extension_of(request.assignments) != "csv")
        throw UsageError("the assignments are written as CSV: name --assignments .csv (or - for standard output)");
    const io::PlannedOutput* assignments_output =
        outputs.add_optional("--assignments", request.assignments, io::StdoutUse::Csv);

    // Points first: their header and CRS problems are cheaper to find than a
    // full region check.
    io::PointFields fields{request.x, request.y, request.weights, request.by, request.text, std::nullopt, request.record_id};
    if (request.keyed()) fields.record_keyer.emplace(io::read_key_salt(request.key_salt_file));
    std::unique_ptr<io::PointSource> source = io::open_point_source(points_input, fields);
    const io::Crs from = io::point_source_crs(*source, request.points_crs, "--points-crs", "points");

    regions::CheckedRegions checked = regions::load_checked_regions(region_source, report.threads, warn);
    const geometry::RegionSet& regions = checked.regions;
    const io::Crs to = io::Crs::from_wkt(regions.crs_wkt);
    report.regions_source = regions_input.display();
    report.region_count = regions.size();
    report.region_warnings = checked.warnings;
    out.region_fixes = checked.fixes;
    report.timings.push_back({"regions", watch.lap()});

    PointsOptions options;
    options.threads = report.threads;
    if (!from.same_as(to)) options.transformer.emplace(from, to);
    const io::CrsDomain points_domain(from);
    options.points_domain = &points_domain;
    options.progress = progress;
    report.points_source = source->display();
    report.ref_kind = source->ref_kind();
    report.weight_names = request.weights;
    if (assignments_output) {
        io::write_output_stream(*assignments_output, [&](std::ostream& stream) {
            options.assignments = {&stream, region_source.id, &regions.ids};
            out.points = aggregate_points(*source, checked.locator, request.weights.size(), options);
        });
    } else {
        out.points = aggregate_points(*source, checked.locator, request.weights.size(), options);
    }
    const PointsResult& result = out.points;
    if (!result.conserved())
        throw Error("internal error: records are not conserved (read != assigned + outside + invalid)");
    // No point in any region is a wrong CRS, not an empty table.
    out.landing_warning = check_landing({"points", source->display(), from.name, to.name,
                                         static_cast<double>(result.read - result.tally.invalid()),
                                         static_cast<double>(result.tally.assigned_count())});
    report.timings.push_back({"points", watch.lap()});

    table::RegionTable table = points_table(result, region_source.id, regions.ids, request.weights, !request.by.empty());
    if (request.keyed())
        append_key_sum_columns(table, result.tally, request.by.empty() ? GroupColumns::Without : GroupColumns::With);
    io::write_region_table(table, &regions, table_output);
    report.timings.push_back({"write", watch.lap()});

    out.outputs.push_back(report::WrittenTable::of(table_output));
    if (report_output) report::write_report_text(*report_output, out.to_json());
    outputs.commit();
    return out;
}

nlohmann::ordered_json AggregatePointsResult::to_json() const {
    return report::finish_report(aggregate::to_json(report, points), region_fixes, outputs);
}

std::string AggregatePointsResult::summary() const { return summary_text(report, points); }

}  // namespace regio::aggregate
