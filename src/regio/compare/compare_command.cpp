#include "regio/compare/compare_command.hpp"

#include "regio/compare/compare_run.hpp"
#include "regio/report/output_options.hpp"

#include <memory>

namespace regio::compare {
namespace {

constexpr const char* kCompareFooter = R"(Example:
  regio compare --reference register_2021-06_forecast-areas.csv --id id \
    --columns inhabitants,inhabitants_foreigners \
    --estimate out/register_on_2021.csv --estimate-name crosswalk \
    --parents register_2020-12_districts.csv --parent-digits 2 \
    -o out/validation.csv
  regio compare ... -o PG:"dbname=stats" --output-layer validation.y2021)";

class CompareCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        CompareRequest& r = m_request;
        options.add("--reference", r.reference, "Reference counts per region (CSV), e.g. the register of the later date")
            .value_name(options::kInputFile)
            .required();
        options.add("--id", r.id, "Id column of every table").required()
            .names_columns_of("reference")
            .names_columns_of("parents");
        options.add("--columns", r.columns, "Reference columns to compare").required().delimiter(',')
            .names_columns_of("reference", options::NameForm::List)
            .names_columns_of("parents", options::NameForm::List);
        options.add("--estimate", m_first.path, "Estimated counts per region (CSV)").value_name(options::kInputFile).required();
        options.add("--estimate-name", m_first.name, "Name of the estimate in the table").show_default();
        options.add("--estimate-suffix", m_first.suffix, "Estimate column = reference column + this (e.g. _sum)");
        options.add("--second", m_second.path, "A second estimate of the same regions (CSV)").value_name(options::kInputFile);
        options.add("--second-name", m_second.name, "Name of the second estimate").show_default();
        options.add("--second-suffix", m_second.suffix, "Second estimate column = reference column + this");
        options.add("--parents", r.parents, "Exact check: counts of unchanged parent units (CSV, same id column)")
            .value_name(options::kInputFile);
        options.add("--parent-digits", r.parent_digits, "A region's parent id: the first N characters of its id");
        options.add("--tolerance", r.tolerance, "Relative tolerance of the exact check").show_default();
        options.add("-o,--output", m_out.output, "").value_name(options::kOutputFile).required();
        report::declare_table_destination_options(options, m_out);
        options.option("--output").help(
            "Validation table, per estimate and column, median and worst APE: .csv, or without geometry .gpkg, .geojson, "
            ".parquet, or a database: PG:CONNECTION with --output-layer");
        options.flag("--overwrite", m_out.overwrite, "Replace the output (and report) if they exist");
        options.add("--report", m_out.report, "Write a JSON report with the figures and the summary line").value_name(options::kOutputFile);
        options.flag("-q,--quiet", m_out.quiet, "No progress and no summary on stderr");
    }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn&) override {
        CompareRequest request = m_request;
        request.estimates = {m_first};
        if (!m_second.path.empty()) request.estimates.push_back(m_second);
        request.overwrite = m_out.overwrite_policy();
        request.output = m_out.output;
        request.output_layer = m_out.output_layer;
        request.output_format = m_out.output_format;
        request.report = m_out.report;
        return {{}, compare::run(request, progress).summary() + '\n'};
    }
    [[nodiscard]] bool quiet() const override { return m_out.quiet; }

private:
    CompareRequest m_request;
    Estimate m_first{"estimate", "", ""};
    Estimate m_second{"second", "", ""};
    report::OutputOptions m_out;  // -o, --output-layer, --of (issue #16), --overwrite, --report, --quiet
};

}  // namespace

options::CommandEntry compare_command() {
    return options::make_entry<CompareCommand>(
        {"compare"}, "Validate estimates of counts per region against a reference table", kCompareFooter);
}

}  // namespace regio::compare
