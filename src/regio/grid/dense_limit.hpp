#pragma once
// The largest grid regio holds densely: arrays and sweeps sized by a grid's
// extent rather than by its cells (the degurba population and class grids,
// the sweep over a grid built from a cell-code table). A table of two cells
// far apart has a huge extent; without this check it allocated until
// std::bad_alloc, or swept billions of empty cells (issue #12).
#include "regio/error.hpp"
#include "regio/grid/grid_definition.hpp"

#include <cstdint>
#include <string>

namespace regio::grid {

// 500 million cells, unless the environment variable REGIO_MAX_GRID_CELLS
// gives another positive whole number. Europe at 1 km is 25 million cells;
// at 100 m, 2.5 billion.
inline constexpr std::int64_t kDefaultMaxDenseCells = 500'000'000;
[[nodiscard]] std::int64_t max_dense_cells();

// cols x rows without overflow (saturating at INT64_MAX).
[[nodiscard]] std::int64_t cell_count_saturating(std::int64_t cols, std::int64_t rows);

// Throws DataError at `where` when the grid has more cells than
// max_dense_cells(): "<what> spans C x R = N cells of D m; more than the
// limit of L cells", with a hint naming REGIO_MAX_GRID_CELLS.
void check_dense_grid(std::int64_t cols, std::int64_t rows, double cell_size, const std::string& what, const Where& where,
                      const std::string& hint = {});

}  // namespace regio::grid
