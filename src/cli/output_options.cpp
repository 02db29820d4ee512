#include "commands.hpp"
#include "option_kinds.hpp"

#include <algorithm>
#include <thread>

namespace regio::cli {

void add_output_options(CLI::App& command, OutputOptions& options) {
    command.add_option("-o,--output", options.output, "Output table: .csv (no geometry) or .gpkg (with region geometry)")->type_name(kOutputFile)
        ->required();
    command.add_flag("--overwrite", options.overwrite, "Replace the output (and report) if they exist");
    command.add_option("--report", options.report, "Write a JSON report: records read, assigned, outside, invalid, timings")->type_name(kOutputFile);
    command.add_option("--threads", options.threads, "Worker threads (default: all cores)")->check(CLI::Range(0u, 1024u));
    command.add_flag("-q,--quiet", options.quiet, "No progress and no summary on stderr");
}

unsigned effective_threads(unsigned requested) {
    if (requested > 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace regio::cli
