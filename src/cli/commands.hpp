#pragma once
// Each command registers its options on a CLI11 (sub)command and returns the
// action to run after parsing. One file per command.
#include "regio/io/output_plan.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>

namespace regio::cli {

using Action = std::function<int()>;

struct RunContext;  // run_context.hpp: what the steps of a `regio run` share (nullptr: a command line)

// Options shared by commands that write a table.
struct OutputOptions {
    std::string output;
    std::string output_layer;   // --output-layer: the table of -o PG:..., or a layer name
    std::string output_format;  // --of: empty = by the extension
    bool overwrite = false;
    std::string report;
    bool quiet = false;
    unsigned threads = 0;  // 0: all cores
};
void add_output_options(CLI::App& command, OutputOptions& options);
// --output-layer and --of, for commands whose -o is a region table that may
// go into a database or any of the table formats (issue #16).
void add_table_destination_options(CLI::App& command, OutputOptions& options);
// --output-layer and --of, and -o's help text, for commands whose -o is a
// table without geometry (crosswalk apply and chain): CSV, a GeoPackage
// attribute table, GeoJSON, Parquet or a database table; not FlatGeobuf.
void add_attribute_table_destination_options(CLI::App& command, OutputOptions& options);
io::TableDestination table_destination(const OutputOptions& options);
unsigned effective_threads(unsigned requested);

void add_aggregate_points(CLI::App& aggregate, Action& action, RunContext* context = nullptr);
void add_aggregate_grid(CLI::App& aggregate, Action& action, RunContext* context = nullptr);
void add_crosswalk(CLI::App& app, Action& action);
void add_map(CLI::App& app, Action& action);
void add_classify(CLI::App& app, Action& action);
void add_degurba(CLI::App& app, Action& action, RunContext* context = nullptr);
void add_run(CLI::App& app, Action& action);
void add_regionalise(CLI::App& app, Action& action, RunContext* context = nullptr);
void add_indicators(CLI::App& app, Action& action);
// Hidden: man pages and bash completion from the command-line definition (run by the build).
void add_docs(CLI::App& app, Action& action, const std::string& version);
void add_compare(CLI::App& app, Action& action);
void add_atlas(CLI::App& app, Action& action);
void add_segregation(CLI::App& app, Action& action);
void add_styles(CLI::App& app, Action& action);

// "regio N.N.N (GDAL x, GEOS y, PROJ z)"
std::string version_text();

}  // namespace regio::cli
