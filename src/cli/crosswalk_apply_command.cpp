// regio crosswalk apply: binds the options to
// regio::harmonise::CrosswalkApplyRequest, runs it, prints the summary and
// the warnings.
#include "crosswalk_subcommands.hpp"
#include "option_kinds.hpp"
#include "text_options.hpp"

#include "regio/harmonise/crosswalk_apply_operation.hpp"

#include <memory>

namespace regio::cli {
namespace {

struct ApplyArgs {
    harmonise::CrosswalkApplyRequest request;
    TextInputArgs text;
    bool accept_loss = false;
    OutputOptions out;
};

int run_apply(const ApplyArgs& args) {
    harmonise::CrosswalkApplyRequest request = args.request;
    request.delimiter = args.text.delimiter;
    request.encoding = args.text.encoding;
    request.loss = args.accept_loss ? harmonise::LossPolicy::Accept : harmonise::LossPolicy::Refuse;
    request.output = table_destination(args.out);
    return run_crosswalk_operation(request, args.out);
}

}  // namespace

void add_crosswalk_apply(CLI::App& crosswalk, Action& action) {
    auto apply = std::make_shared<ApplyArgs>();
    auto& r = apply->request;
    CLI::App* a = crosswalk.add_subcommand("apply", "Carry a table from the source units onto the target units");
    a->add_option("--crosswalk", r.crosswalk, "CROSSWALK.csv from crosswalk build or chain")->type_name(kInputFile)->required();
    a->add_option("--data", r.data, "A CSV table with one row per source unit")->type_name(kInputFile)->required();
    a->add_option("--id", r.id, "Column of --data with the source unit ids")->required();
    a->add_option("--extensive", r.extensive, "Count columns: split by the shares and summed")->delimiter(',');
    a->add_option("--intensive", r.intensive,
                  "Rate or mean columns as COLUMN:DENOMINATOR: averaged with the moved denominator as weight")
        ->delimiter(',');
    a->add_option("--weight", r.weight,
                  "Shares to split by: area or population (default: population when the crosswalk has it, else area)");
    add_text_options(*a, apply->text);
    a->add_flag("--accept-loss", apply->accept_loss,
                "Apply a crosswalk whose shares of a source do not sum to 1, and report what that loses or invents "
                "(otherwise an error)");
    a->add_option("--uncertainty-column", r.uncertainty_column,
                  "Add a column NAME: per target, the share of its carried value that comes from near-boundary weight "
                  "(a crosswalk built with --boundary-tolerance; first --extensive column)");
    add_output_options(*a, apply->out);
    add_attribute_table_destination_options(*a, apply->out);
    a->footer(R"(With a crosswalk built with --boundary-tolerance (it has the
near_boundary_*_share columns), the report gives per target the share of
its carried value that comes from near-boundary weight (first
--extensive column), the summary names the five targets where it is
largest, and --uncertainty-column NAME adds it to the output.

Example:
  regio crosswalk apply --crosswalk out/crosswalk_2023_2024.csv \
    --data out/residents_2023.csv --id district_id --weight population \
    --extensive count,residents_sum -o out/residents_on_2024.csv \
    --uncertainty-column near_boundary_share
  regio crosswalk apply --crosswalk out/crosswalk_2023_2024.csv \
    --data out/residents_2023.csv --id district_id \
    --extensive count -o out/residents_on_2024.gpkg)");
    a->callback([apply, &action] { action = [apply] { return run_apply(*apply); }; });
}

}  // namespace regio::cli
