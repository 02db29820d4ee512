#include "regio/harmonise/crosswalk_chain_command.hpp"

#include "regio/harmonise/crosswalk_chain_operation.hpp"
#include "regio/report/output_options.hpp"

#include <memory>

namespace regio::harmonise {
namespace {

constexpr const char* kCrosswalkChainFooter = R"(Example:
  regio crosswalk chain nuts_2016_2021.csv nuts_2021_2024.csv \
    -o out/nuts_2016_2024.csv
  regio crosswalk chain nuts_2016_2021.csv nuts_2021_2024.csv \
    -o PG:dbname=stats --output-layer public.nuts_2016_2024)";

class CrosswalkChainCommand final : public options::BoundCommand {
public:
    void declare(options::OptionSet& options) {
        options.add("crosswalks", m_request.crosswalks, "Crosswalk CSVs in order")
            .value_name(options::kInputFile)
            .required();
        options.flag("--strict", m_strict,
                     "Refuse units of a middle vintage without a successor or predecessor (default: carried as "
                     "discontinued or new, and reported)");
        report::declare_output_options(options, m_out);
        report::declare_attribute_table_destination_options(options, m_out);
    }

    options::CommandOutcome run(const ProgressRange& progress, const WarningFn&) override {
        CrosswalkChainRequest request = m_request;
        request.middle_gaps = m_strict ? MiddleGaps::Strict : MiddleGaps::Carry;
        request.output = m_out.output;
        request.output_layer = m_out.output_layer;
        request.output_format = m_out.output_format;
        request.report = m_out.report;
        request.overwrite = m_out.overwrite_policy();
        // The warnings come back in the result, shown after the summary.
        const CrosswalkChainResult result = harmonise::run(request, progress);
        return {{}, result.summary() + '\n', result.warnings};
    }
    [[nodiscard]] bool quiet() const override { return m_out.quiet; }

private:
    CrosswalkChainRequest m_request;
    bool m_strict = false;  // --strict: MiddleGaps::Strict
    report::OutputOptions m_out;
};

}  // namespace

options::CommandEntry crosswalk_chain_command() {
    return options::make_entry<CrosswalkChainCommand>({"crosswalk", "chain"}, "Compose crosswalks A->B, B->C into A->C",
                                                      kCrosswalkChainFooter);
}

}  // namespace regio::harmonise
