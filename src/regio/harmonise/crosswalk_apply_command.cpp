#include "regio/harmonise/crosswalk_apply_command.hpp"

#include "regio/harmonise/crosswalk_apply_operation.hpp"
#include "regio/io/text_input_options.hpp"
#include "regio/report/output_options.hpp"

#include <memory>

namespace regio::harmonise {
namespace {

constexpr const char* kCrosswalkApplyFooter = R"(With a crosswalk built with --boundary-tolerance (it has the
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
    --extensive count -o out/residents_on_2024.gpkg)";

class CrosswalkApplyCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        auto& r = m_request;
        options.add("--crosswalk", r.crosswalk, "CROSSWALK.csv from crosswalk build or chain")
            .value_name(options::kInputFile)
            .required();
        options.add("--data", r.data, "A CSV table with one row per source unit").value_name(options::kInputFile).required();
        options.add("--id", r.id, "Column of --data with the source unit ids").required()
            .names_columns_of("data");
        options.add("--extensive", r.extensive, "Count columns: split by the shares and summed").delimiter(',')
            .names_columns_of("data", options::NameForm::List);
        options
            .add("--intensive", r.intensive,
                 "Rate or mean columns as COLUMN:DENOMINATOR: averaged with the moved denominator as weight")
            .delimiter(',')
            .names_columns_of("data", options::NameForm::Pairs);
        options.add("--weight", r.weight,
                    "Shares to split by: area or population (default: population when the crosswalk has it, else area)");
        io::declare_text_options(options, m_text);
        options.flag("--accept-loss", m_accept_loss,
                     "Apply a crosswalk whose shares of a source do not sum to 1, and report what that loses or invents "
                     "(otherwise an error)");
        options.add("--uncertainty-column", r.uncertainty_column,
                    "Add a column NAME: per target, the share of its carried value that comes from near-boundary weight "
                    "(a crosswalk built with --boundary-tolerance; first --extensive column)");
        report::declare_output_options(options, m_out);
        report::declare_attribute_table_destination_options(options, m_out);
    }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn&) override {
        CrosswalkApplyRequest request = m_request;
        // Taken as given: the operation checks them when it reads --data.
        request.delimiter = m_text.delimiter;
        request.encoding = m_text.encoding;
        request.loss = m_accept_loss ? LossPolicy::Accept : LossPolicy::Refuse;
        request.output = report::table_destination(m_out);
        request.report = m_out.report;
        request.overwrite = m_out.overwrite_policy();
        // The warnings come back in the result, shown after the summary.
        const CrosswalkApplyResult result = harmonise::run(request, progress);
        return {{}, result.summary() + '\n', result.warnings};
    }
    [[nodiscard]] bool quiet() const override { return m_out.quiet; }

private:
    CrosswalkApplyRequest m_request;
    io::TextInputArgs m_text;
    bool m_accept_loss = false;  // --accept-loss: LossPolicy::Accept
    report::OutputOptions m_out;
};

}  // namespace

options::CommandEntry crosswalk_apply_command() {
    return options::make_entry<CrosswalkApplyCommand>(
        {"crosswalk", "apply"}, "Carry a table from the source units onto the target units", kCrosswalkApplyFooter);
}

}  // namespace regio::harmonise
