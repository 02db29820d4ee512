#pragma once
// The grid-input options every command that reads a grid shares (aggregate
// grid, degurba): --grid, --grid-table with --cell-id, --grid-layer with
// --grid-layer-name, and --value, declared once so that names, help texts
// and errors (io::check_grid_source_spec) are the same everywhere.
#include "regio/io/grid_source_spec.hpp"

#include <CLI/CLI.hpp>

namespace regio::cli {

void add_grid_options(CLI::App& command, io::GridSourceSpec& grid);

}  // namespace regio::cli
