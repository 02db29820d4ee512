#include "regio/compare/compare_run.hpp"

#include "regio/error.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/compare/compare_output.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/report/report_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace regio::compare {
namespace {

// The named columns of a CSV file as counts (empty cells are an error: a
// count that is not there cannot be validated).
CountTable read_counts(const std::string& path, const std::string& id, const std::vector<std::string>& columns) {
    const io::CsvTable csv = io::read_csv_table(path);
    CountTable t;
    t.source = path;
    const std::size_t id_column = csv.column(id);
    for (const auto& row : csv.rows) t.ids.push_back(row[id_column]);
    for (const auto& name : columns) {
        const std::size_t c = csv.column(name);
        std::vector<double> values;
        for (std::size_t r = 0; r < csv.rows.size(); ++r) {
            const double v = csv.number(r, c);
            if (std::isnan(v)) throw DataError("empty count", Where{path, {}, csv.lines[r], {}, name});
            values.push_back(v);
        }
        t.columns.push_back(name);
        t.values.push_back(std::move(values));
    }
    return t;
}

std::vector<std::string> with_suffix(const std::vector<std::string>& columns, const std::string& suffix) {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(c + suffix);
    return out;
}

void check_request(const CompareRequest& request) {
    if (request.estimates.empty()) throw UsageError("name at least one estimate");
    if (request.columns.empty()) throw UsageError("name the columns to compare");
    if (!request.parents.empty() && request.parent_digits == 0)
        throw UsageError("the parent check needs the parent's id length (--parent-digits)");
    for (std::size_t i = 0; i < request.estimates.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (request.estimates[i].name == request.estimates[k].name)
                throw UsageError("two estimates are named '" + request.estimates[i].name + "'");
}

}  // namespace

CompareResult run(const CompareRequest& request, const ProgressRange& progress) {
    std::vector<std::string> inputs{request.reference};
    for (const auto& e : request.estimates) inputs.push_back(e.path);
    if (!request.parents.empty()) inputs.push_back(request.parents);
    // Every output is checked before any work (format, existing file or
    // table, the database's schema) and committed together; a database table
    // is written in one transaction and renamed into place by the commit
    // (io::DatabaseTable). A report is checked first, before the request, as
    // it always was.
    if (request.report.empty()) check_request(request);
    io::OutputPlan plan(request.overwrite, inputs);
    const io::PlannedOutput* report_output = report::plan_report_apart(plan, request.report, request.output);
    if (!request.report.empty()) check_request(request);
    const io::PlannedOutput& output =
        plan.add_table("--output", {request.output, request.output_layer, request.output_format});
    if (output.format() == io::TableFormat::FlatGeobuf)
        throw UsageError("the validation table has no geometry, which FlatGeobuf needs: name the output .csv, .gpkg, .geojson or "
                         ".parquet, or a database");

    progress(0.0, "reading the reference");
    const CountTable reference = read_counts(request.reference, request.id, request.columns);
    const CountTable parents = request.parents.empty() ? CountTable{} : read_counts(request.parents, request.id, request.columns);
    CompareResult result;
    result.regions = reference.ids.size();
    for (std::size_t k = 0; k < request.estimates.size(); ++k) {
        const Estimate& e = request.estimates[k];
        progress(0.1 + 0.8 * static_cast<double>(k) / static_cast<double>(request.estimates.size()), "comparing " + e.name);
        const auto columns = with_suffix(request.columns, e.suffix);
        const CountTable estimate = read_counts(e.path, request.id, columns);
        for (auto& errors : column_errors(reference, estimate, columns, e.name)) result.errors.push_back(std::move(errors));
        if (!request.parents.empty())
            for (auto& check : parent_checks(parents, estimate, columns, request.columns, request.parent_digits, request.tolerance, e.name))
                result.checks.push_back(std::move(check));
    }
    write_validation_table(request, result, output);
    result.table = {output.destination(), output.layer(), io::format_key(*output.format()), output.rows().value_or(0)};
    if (report_output && result.exact()) report::write_report_text(*report_output, result.to_json(request));
    if (report_output && !result.exact()) plan.leave_out(*report_output);
    plan.commit();
    progress(1.0, "done");
    if (!result.exact()) {
        const auto bad = std::find_if(result.checks.begin(), result.checks.end(), [](const ParentCheck& c) { return !c.exact; });
        throw DataError(fmt::format("exact check failed: {} summed over parent {} differs from the parent's count by {:.6g} ({}); "
                                    "the validation table was written",
                                    bad->column + (bad->estimate.empty() ? "" : " of " + bad->estimate), bad->worst_parent,
                                    bad->max_abs_difference, request.parents),
                        Where{request.output}, "the estimate moved counts across the border of a unit that did not change");
    }
    return result;
}

}  // namespace regio::compare
