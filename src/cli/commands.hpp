#pragma once
// Each command registers its options on a CLI11 (sub)command and returns the
// action to run after parsing. One file per command.
#include "regio/io/output_plan.hpp"
#include "regio/report/output_options.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>

namespace regio::cli {

using Action = std::function<int()>;

struct RunContext;  // run_context.hpp: what the steps of a `regio run` share (nullptr: a command line)

// Options shared by commands that write a table (declared in the library:
// regio/report/output_options.hpp).
using OutputOptions = report::OutputOptions;
void add_output_options(CLI::App& command, OutputOptions& options);
void add_table_destination_options(CLI::App& command, OutputOptions& options);
void add_attribute_table_destination_options(CLI::App& command, OutputOptions& options);
using report::table_destination;
unsigned effective_threads(unsigned requested);

void add_run(CLI::App& app, Action& action);
// Hidden: man pages and bash completion from the command-line definition (run by the build).
void add_docs(CLI::App& app, Action& action, const std::string& version);
void add_styles(CLI::App& app, Action& action);

// "regio N.N.N (GDAL x, GEOS y, PROJ z)"
std::string version_text();

}  // namespace regio::cli
