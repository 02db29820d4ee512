#pragma once
// The commands of the front-end itself (run, docs, styles): each registers
// its options on a CLI11 subcommand and sets the action to run after parsing.
// The library's commands are built from the registry (declared_options.hpp).

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>

namespace regio::cli {

using Action = std::function<int()>;

struct RunContext;  // run_context.hpp: what the steps of a `regio run` share (nullptr: a command line)

void add_run(CLI::App& app, Action& action);
// Hidden: man pages and bash completion from the command-line definition (run by the build).
void add_docs(CLI::App& app, Action& action, const std::string& version);
void add_styles(CLI::App& app, Action& action);

// "regio N.N.N (GDAL x, GEOS y, PROJ z)"
std::string version_text();

}  // namespace regio::cli
