// The shared output options for commands still binding CLI11 themselves; they
// are declared in the library (regio/report/output_options).
#include "commands.hpp"
#include "declared_options.hpp"

#include "regio/worker_threads.hpp"

#include <functional>

namespace regio::cli {
namespace {

// Adds what `declare` adds after the common output options, and gives -o the
// help it sets.
void add_destination_options(CLI::App& command, OutputOptions& options,
                             const std::function<void(regio::options::OptionSet&, OutputOptions&)>& declare) {
    regio::options::OptionSet declared;
    OutputOptions scratch;  // the common options, declared again only to be adjusted
    report::declare_output_options(declared, scratch);
    const std::size_t first = declared.declarations().size();
    declare(declared, options);
    command.get_option("--output")->description(declared.declarations().front().spec.help);
    add_declared_options(command, declared, first);
}

}  // namespace

void add_output_options(CLI::App& command, OutputOptions& options) {
    regio::options::OptionSet declared;
    report::declare_output_options(declared, options);
    add_declared_options(command, declared);
}

void add_table_destination_options(CLI::App& command, OutputOptions& options) {
    add_destination_options(command, options, report::declare_table_destination_options);
}

void add_attribute_table_destination_options(CLI::App& command, OutputOptions& options) {
    add_destination_options(command, options, report::declare_attribute_table_destination_options);
}

unsigned effective_threads(unsigned requested) { return worker_threads(requested); }

}  // namespace regio::cli
