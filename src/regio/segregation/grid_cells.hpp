#pragma once
// Units that are cells of one regular grid: integer column and row of each
// cell in the grid's CRS (column = floor(x / cell size), counted from the
// CRS origin, so that blocks of k x k cells line up with the grid's origin as
// ../shared/spec/segregation.md §4 asks). Rows grow northwards.
#include "regio/geometry/adjacency.hpp"
#include "regio/segregation/single_group.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace regio::segregation {

struct GridCells {
    double cell_size = 0;           // CRS units
    std::vector<std::int64_t> col;  // one per unit
    std::vector<std::int64_t> row;

    [[nodiscard]] std::size_t size() const { return col.size(); }
};

// The bounding box of the cells as a dense array, and each unit's place in it.
struct DenseLayout {
    std::int64_t col0 = 0, row0 = 0;
    std::size_t cols = 0, rows = 0;
    std::vector<std::size_t> index;  // per unit: (row - row0) * cols + (col - col0)
};
DenseLayout dense_layout(const GridCells& cells);

// Units sharing an edge (rook) or also a corner (queen), each pair once, in
// unit order. Throws DataError naming the two units when two units are the
// same cell.
NeighbourPairs grid_neighbour_pairs(const GridCells& cells, geometry::Contiguity contiguity);

// Blocks of k x k cells: part_of[i] is unit i's block; blocks are numbered in
// order of their first unit and come with their own (coarser) grid.
struct Blocks {
    std::vector<std::size_t> part_of;
    GridCells grid;
};
Blocks grid_blocks(const GridCells& cells, std::int64_t k);

}  // namespace regio::segregation
