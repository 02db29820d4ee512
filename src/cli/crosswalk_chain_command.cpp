// regio crosswalk chain: binds the options to
// regio::harmonise::CrosswalkChainRequest, runs it, prints the summary and
// the warnings.
#include "crosswalk_subcommands.hpp"
#include "option_kinds.hpp"

#include "regio/harmonise/crosswalk_chain_operation.hpp"

#include <memory>

namespace regio::cli {
namespace {

struct ChainArgs {
    harmonise::CrosswalkChainRequest request;
    bool strict = false;
    OutputOptions out;
};

int run_chain(const ChainArgs& args) {
    harmonise::CrosswalkChainRequest request = args.request;
    request.middle_gaps = args.strict ? harmonise::MiddleGaps::Strict : harmonise::MiddleGaps::Carry;
    request.output = args.out.output;
    request.output_layer = args.out.output_layer;
    request.output_format = args.out.output_format;
    return run_crosswalk_operation(request, args.out);
}

}  // namespace

void add_crosswalk_chain(CLI::App& crosswalk, Action& action) {
    auto chain = std::make_shared<ChainArgs>();
    CLI::App* c = crosswalk.add_subcommand("chain", "Compose crosswalks A->B, B->C into A->C");
    c->add_option("crosswalks", chain->request.crosswalks, "Crosswalk CSVs in order")->type_name(kInputFile)->required();
    c->add_flag("--strict", chain->strict,
                "Refuse units of a middle vintage without a successor or predecessor (default: carried as discontinued or new, "
                "and reported)");
    add_output_options(*c, chain->out);
    add_attribute_table_destination_options(*c, chain->out);
    c->footer(R"(Example:
  regio crosswalk chain nuts_2016_2021.csv nuts_2021_2024.csv \
    -o out/nuts_2016_2024.csv
  regio crosswalk chain nuts_2016_2021.csv nuts_2021_2024.csv \
    -o PG:dbname=stats --output-layer public.nuts_2016_2024)");
    c->callback([chain, &action] { action = [chain] { return run_chain(*chain); }; });
}

}  // namespace regio::cli
