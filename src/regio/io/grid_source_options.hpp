#pragma once
// The grid-input options every command that reads a grid declares (aggregate
// grid, degurba): --grid, --grid-table with --cell-id, --grid-layer with
// --grid-layer-name, and --value; declared once so that names, help texts and
// errors (check_grid_source_spec) are the same everywhere.
#include "regio/io/grid_source_spec.hpp"
#include "regio/options/option_set.hpp"

namespace regio::io {

void declare_grid_options(options::OptionSet& options, GridSourceSpec& grid);

}  // namespace regio::io
