#pragma once
// The subcommands of `regio crosswalk` bound in their own files (apply and
// chain are library operations in harmonise/); add_crosswalk adds them in
// the order build, apply, chain.
#include "commands.hpp"
#include "terminal_progress.hpp"

#include <iostream>

namespace regio::cli {

void add_crosswalk_apply(CLI::App& crosswalk, Action& action);
void add_crosswalk_chain(CLI::App& crosswalk, Action& action);

// Runs a crosswalk operation (harmonise::run of its request) with the report,
// --overwrite and --quiet of `out`, progress on a terminal, then prints its
// summary and its warnings unless quiet.
template <class Request>
int run_crosswalk_operation(Request request, const OutputOptions& out) {
    request.report = out.report;
    request.overwrite = out.overwrite ? io::Overwrite::Yes : io::Overwrite::No;
    const bool quiet = out.quiet;
    const auto result = [&] {
        TerminalProgress progress(quiet);
        return run(request, ProgressRange(progress.callback()));
    }();
    if (!quiet) {
        std::cerr << result.summary() << '\n';
        for (const auto& warning : result.warnings) std::cerr << "regio: warning: " << warning << '\n';
    }
    return 0;
}

}  // namespace regio::cli
