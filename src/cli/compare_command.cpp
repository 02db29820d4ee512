// regio compare: estimates against a reference table (validation); binds the
// options to regio::compare::CompareRequest, runs it, prints the summary line.
#include "commands.hpp"
#include "option_kinds.hpp"

#include "regio/compare/compare_run.hpp"
#include "regio/error.hpp"
#include "report_file.hpp"
#include "terminal_progress.hpp"

#include <iostream>

namespace regio::cli {
namespace {

struct CompareArgs {
    compare::CompareRequest request;
    compare::Estimate first{"estimate", "", ""};
    compare::Estimate second{"second", "", ""};
    OutputOptions table;  // -o, --output-layer, --of (issue #16)
    std::string report;
    bool overwrite = false;
    bool quiet = false;
};

int run_compare(CompareArgs& args) {
    compare::CompareRequest request = args.request;
    request.estimates = {args.first};
    if (!args.second.path.empty()) request.estimates.push_back(args.second);
    request.overwrite = args.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    request.output = args.table.output;
    request.output_layer = args.table.output_layer;
    request.output_format = args.table.output_format;
    std::vector<std::string> inputs{request.reference};
    if (!request.parents.empty()) inputs.push_back(request.parents);
    for (const auto& e : request.estimates) inputs.push_back(e.path);
    const io::TableOutput output{request.output, request.overwrite, inputs};
    if (!args.report.empty()) check_report_output(args.report, output);

    TerminalProgress progress(args.quiet);
    const compare::CompareResult result = compare::run(request, ProgressRange(progress.callback()));
    if (!args.report.empty()) write_report(args.report, result.to_json(request), output);
    if (!args.quiet) std::cerr << result.summary() << '\n';
    return 0;
}

}  // namespace

void add_compare(CLI::App& app, Action& action) {
    auto args = std::make_shared<CompareArgs>();
    CLI::App* cmd = app.add_subcommand("compare", "Validate estimates of counts per region against a reference table");
    auto& r = args->request;
    cmd->add_option("--reference", r.reference, "Reference counts per region (CSV), e.g. the register of the later date")->type_name(kInputFile)->required();
    cmd->add_option("--id", r.id, "Id column of every table")->required();
    cmd->add_option("--columns", r.columns, "Reference columns to compare")->required()->delimiter(',');
    cmd->add_option("--estimate", args->first.path, "Estimated counts per region (CSV)")->type_name(kInputFile)->required();
    cmd->add_option("--estimate-name", args->first.name, "Name of the estimate in the table")->capture_default_str();
    cmd->add_option("--estimate-suffix", args->first.suffix, "Estimate column = reference column + this (e.g. _sum)");
    cmd->add_option("--second", args->second.path, "A second estimate of the same regions (CSV)")->type_name(kInputFile);
    cmd->add_option("--second-name", args->second.name, "Name of the second estimate")->capture_default_str();
    cmd->add_option("--second-suffix", args->second.suffix, "Second estimate column = reference column + this");
    cmd->add_option("--parents", r.parents, "Exact check: counts of unchanged parent units (CSV, same id column)")->type_name(kInputFile);
    cmd->add_option("--parent-digits", r.parent_digits, "A region's parent id: the first N characters of its id");
    cmd->add_option("--tolerance", r.tolerance, "Relative tolerance of the exact check")->capture_default_str();
    cmd->add_option("-o,--output", args->table.output)->type_name(kOutputFile)->required();
    add_table_destination_options(*cmd, args->table);
    cmd->get_option("--output")
        ->description("Validation table, per estimate and column, median and worst APE: .csv, or without geometry .gpkg, .geojson, "
                      ".parquet, or a database: PG:CONNECTION with --output-layer");
    cmd->add_flag("--overwrite", args->overwrite, "Replace the output (and report) if they exist");
    cmd->add_option("--report", args->report, "Write a JSON report with the figures and the summary line")->type_name(kOutputFile);
    cmd->add_flag("-q,--quiet", args->quiet, "No progress and no summary on stderr");
    cmd->footer(R"(Example:
  regio compare --reference register_2021-06_forecast-areas.csv --id id \
    --columns inhabitants,inhabitants_foreigners \
    --estimate out/register_on_2021.csv --estimate-name crosswalk \
    --parents register_2020-12_districts.csv --parent-digits 2 \
    -o out/validation.csv
  regio compare ... -o PG:"dbname=stats" --output-layer validation.y2021)");
    cmd->callback([args, &action] { action = [args] { return run_compare(*args); }; });
}

}  // namespace regio::cli
