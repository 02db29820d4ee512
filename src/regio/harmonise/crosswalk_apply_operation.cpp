#include "regio/harmonise/crosswalk_apply_operation.hpp"

#include "regio/error.hpp"
#include "regio/harmonise/apply_uncertainty.hpp"
#include "regio/harmonise/crosswalk_apply_warnings.hpp"
#include "regio/harmonise/crosswalk_files.hpp"
#include "regio/io/csv_table.hpp"
#include "regio/io/table_writer.hpp"
#include "regio/io/text_input.hpp"

#include <optional>

namespace regio::harmonise {
namespace {

std::vector<IntensiveColumn> parse_intensive(const std::vector<std::string>& specs) {
    std::vector<IntensiveColumn> out;
    for (const auto& s : specs) {
        const auto colon = s.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == s.size())
            throw UsageError("--intensive takes COLUMN:DENOMINATOR_COLUMN, got '" + s + "'");
        out.push_back({s.substr(0, colon), s.substr(colon + 1)});
    }
    return out;
}

// "" = the default for the crosswalk (decide_weight).
std::optional<ApplyWeight> requested_weight(const std::string& weight) {
    if (weight == "area") return ApplyWeight::Area;
    if (weight == "population") return ApplyWeight::Population;
    if (!weight.empty()) throw UsageError("unknown --weight '" + weight + "' (known: area, population)");
    return std::nullopt;
}

}  // namespace

// Apply's warnings are shown after its summary (they qualify the totals), so
// they are kept in the result for the front-end, not passed to `warn`.
CrosswalkApplyResult run(const CrosswalkApplyRequest& request, const ProgressRange& progress, const WarningFn& /*warn*/) {
    if (request.extensive.empty() && request.intensive.empty())
        throw UsageError("name columns to carry with --extensive and/or --intensive");
    ApplyOptions options;
    options.id = request.id;
    options.extensive = request.extensive;
    options.intensive = parse_intensive(request.intensive);
    const std::optional<ApplyWeight> requested = requested_weight(request.weight);
    options.loss = request.loss;
    // Every output is checked before any work: the table's format (one that
    // holds a table without geometry; issue #16), then the report.
    io::OutputPlan outputs = io::OutputPlan::reading(request.overwrite, {{request.crosswalk}, {request.data}});
    const io::PlannedOutput& table_output = outputs.add_table("--output", request.output);  // "-": stdout (CSV)
    io::check_attribute_table_format(table_output);
    const io::PlannedOutput* report_output = outputs.add_optional("--report", request.report);

    progress(0.0, "reading the crosswalk");
    const Crosswalk crosswalk = read_crosswalk(request.crosswalk);
    const WeightDecision weighting = decide_weight(crosswalk, requested);
    options.weight = weighting.weight;
    progress(0.3, "reading the data");
    const io::CsvTable data = io::read_csv_table(request.data, io::text_options(request.delimiter, request.encoding));
    progress(0.6, "carrying the data");
    CrosswalkApplyResult result{weighting, apply_crosswalk(crosswalk, data, options), request.extensive,
                                crosswalk.has_near_boundary, {}, {}};
    if (!request.uncertainty_column.empty())
        add_uncertainty_column(result.carried, crosswalk, request.uncertainty_column, !request.extensive.empty());

    progress(0.9, "writing");
    io::write_attribute_table(result.carried.table, table_output);
    result.outputs.push_back(report::WrittenTable::of(table_output));
    if (report_output) report::write_report_text(*report_output, result.to_json(request));
    outputs.commit();
    result.warnings = apply_warnings(result.carried, request.crosswalk);
    progress(1.0, "done");
    return result;
}

}  // namespace regio::harmonise
