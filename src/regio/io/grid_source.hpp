#pragma once
// Gridded inputs behind one interface: rasters (any GDAL format, read in row
// bands), tables of European grid-cell codes and vector grid layers. Values
// come as doubles with NaN for "no data".
#include "regio/grid/grid_definition.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/input_spec.hpp"
#include "regio/io/text_input.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace regio::io {

class GridSource {
public:
    virtual ~GridSource() = default;
    [[nodiscard]] virtual const grid::GridDefinition& grid() const = 0;
    // One name per value column: "band1" for raster band 1, the column or
    // field name for tables and layers.
    [[nodiscard]] virtual const std::vector<std::string>& value_names() const = 0;
    [[nodiscard]] virtual Crs crs() const = 0;
    [[nodiscard]] virtual std::string display() const = 0;
    // Rows [row0, row0 + nrows) of every value column, value-major:
    // out[(v * nrows + r) * cols + c]. Sequential use only.
    virtual void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) = 0;
    // As read_rows, but only columns [col0, col1) must hold the values: the
    // others may hold anything (a raster decodes only the blocks of the
    // window). Default: the whole rows.
    virtual void read_window(std::int64_t row0, std::int64_t nrows, std::int64_t /*col0*/, std::int64_t /*col1*/,
                             std::vector<double>& out) {
        read_rows(row0, nrows, out);
    }
    // As read_window over several column ranges [first, second), sorted and
    // disjoint: only their columns must hold the values. Default: the one
    // window spanning them all.
    virtual void read_windows(std::int64_t row0, std::int64_t nrows,
                              const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges, std::vector<double>& out) {
        if (ranges.empty()) {
            read_window(row0, nrows, 0, 0, out);
            return;
        }
        read_window(row0, nrows, ranges.front().first, ranges.back().second, out);
    }
    // Rows are cheapest to read in multiples of this (a raster's block
    // height: a block cut by two bands would be decoded twice). Default 1.
    [[nodiscard]] virtual std::int64_t preferred_rows() const { return 1; }
    // The same for columns (a raster's block width). Default 1.
    [[nodiscard]] virtual std::int64_t preferred_cols() const { return 1; }
    // How many threads read_rows may use (sources that decode, such as
    // compressed rasters, read parts of a band at once). Default 1.
    virtual void set_read_threads(unsigned /*threads*/) {}
    // Value total of records that have no cell ("unallocated" rows of GISCO
    // tables), per value column; zero for rasters.
    [[nodiscard]] virtual std::vector<double> unallocated() const { return std::vector<double>(value_names().size(), 0.0); }
};

// "grid.tif" (band 1) or "grid.tif:1,3" (bands 1 and 3).
std::unique_ptr<GridSource> open_raster_grid(const std::string& spec);

// A CSV with a cell-code column (any style in ../shared/spec/grids.md) and
// value columns. All cells must share one resolution.
std::unique_ptr<GridSource> open_grid_table(const std::string& path, const std::string& cell_id_column,
                                            const std::vector<std::string>& value_columns, const TextOptions& text = {});

// An OGR layer of square, grid-aligned cell polygons with value fields.
std::unique_ptr<GridSource> open_grid_layer(const std::string& spec, const std::vector<std::string>& value_fields);
// The same with the layer named apart from the source (--grid-layer-name).
std::unique_ptr<GridSource> open_grid_layer(const InputSpec& input, const std::vector<std::string>& value_fields);

}  // namespace regio::io
