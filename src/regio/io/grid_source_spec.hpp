#pragma once
// A gridded input as every command that reads a grid names it (aggregate
// grid, degurba): a raster (--grid), a table of European grid-cell codes
// (--grid-table with --cell-id) or a vector layer of square cells
// (--grid-layer, its layer by --grid-layer-name), values by --value. One
// place chooses the reader and says what is missing or misplaced, so the
// same mistake gets the same message from every command (issue #18 item 6).
#include "regio/io/grid_source.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/text_input.hpp"

#include <memory>
#include <string>
#include <vector>

namespace regio::io {

// How many value columns the command reads: degurba one (the population),
// aggregate grid any number.
enum class GridValues { One, Many };

struct GridSourceSpec {
    std::string raster;      // --grid: FILE or FILE:BAND[,BAND...]
    std::string table;       // --grid-table: a CSV with a cell-code column
    std::string cell_id;     // --cell-id: that column
    std::string layer;       // --grid-layer: FILE[:LAYER] or any GDAL data source
    std::string layer_name;  // --grid-layer-name: the layer apart from the source (colons stay in it)
    std::vector<std::string> values;  // --value: table columns or layer fields
    TextOptions text;                 // of the table

    // The vector layer as an input: source and layer.
    [[nodiscard]] InputSpec layer_input() const;
    // The files the grid is read from (empty strings for the forms not
    // given), so that no output is planned over one of them.
    [[nodiscard]] std::vector<std::string> paths() const;
};

// Throws UsageError when not exactly one form is given, when an option of one
// form comes with another (--value with a raster, --cell-id without a table,
// --grid-layer-name without a layer), when values are missing, repeated or
// (GridValues::One) more than one. Reads nothing: call it before any work.
void check_grid_source_spec(const GridSourceSpec& spec, GridValues values);

// check_grid_source_spec, then the reader of the form given.
std::unique_ptr<GridSource> open_grid_source(const GridSourceSpec& spec, GridValues values);

}  // namespace regio::io
