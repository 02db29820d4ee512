#pragma once
// Exact coverage fractions of a polygon over the cells of a grid, computed in
// one pass over the polygon's edges (never by clipping cells one by one).
//
// Method: the area of a polygon is -∮ y dx. Cut the plane into grid rows and
// columns. For one cell, the part of the polygon inside it is bounded by
// pieces of the polygon's edges inside the cell, plus pieces of the cell's
// own boundary. Measured from the bottom of the cell's row, the cell's bottom
// line has y' = 0 and its vertical sides have dx = 0, so neither contributes;
// the cell's top line (y' = h) contributes -h times the signed x-extent of the
// polygon boundary lying *above* the row within that column. That extent is a
// running sum carried down the rows, so each row costs the edge pieces in it
// plus the columns those pieces pass through: the running sum is updated only
// where the boundary passed, and the cells it did not pass through in a row
// are wholly inside or wholly outside, so they come out as runs rather than
// cell by cell (the cost of a row is its boundary, not its width). Exact up to
// floating-point rounding (about 1e-12 of a cell here).
#include "regio/geometry/types.hpp"
#include "regio/grid/grid_definition.hpp"

#include <cstdint>
#include <vector>

namespace regio::grid {

// A directed boundary segment with the shape's interior on its left.
struct BoundarySegment {
    geometry::Point a;
    geometry::Point b;
};

// One row of a shape's coverage: the cells its boundary passes through (with
// fractions in (0,1]), and the runs of cells between them that lie wholly
// inside. Cells in neither are outside. Grid columns, ascending.
struct RowCoverage {
    struct Cell {
        std::int64_t col;
        double fraction;
    };
    struct Run {
        std::int64_t begin;  // [begin, end)
        std::int64_t end;
    };
    std::int64_t row = 0;
    std::vector<Cell> cells;
    std::vector<Run> runs;
};

class PolygonCoverage {
public:
    PolygonCoverage(const geometry::MultiPolygon& shape, const GridDefinition& grid);
    // The same from a shape's boundary as loose segments (interior on the
    // left of each): the method needs no rings, only the oriented boundary,
    // so overlay pieces can be measured without building polygons.
    PolygonCoverage(const std::vector<BoundarySegment>& boundary, const GridDefinition& grid);

    // The grid rows and columns the shape can touch, clipped to the grid.
    [[nodiscard]] bool empty() const { return m_row_end <= m_row_begin || m_col_end <= m_col_begin; }
    [[nodiscard]] std::int64_t row_begin() const { return m_row_begin; }
    [[nodiscard]] std::int64_t row_end() const { return m_row_end; }
    [[nodiscard]] std::int64_t col_begin() const { return m_col_begin; }
    [[nodiscard]] std::int64_t col_end() const { return m_col_end; }

    // The next row, rows in order from row_begin; returns that row's index.
    std::int64_t next_row(RowCoverage& out);
    // The same as fractions in [0,1] of every cell of the row (columns
    // col_begin .. col_end).
    std::int64_t next_row(std::vector<double>& fractions);

private:
    struct Edge {
        double xa, ya, xb, yb;
        double sign;  // +1 or -1 so that every ring adds area inside the shape
    };
    void add_piece(const Edge& e, double bottom, double top, bool want_area);
    void touch(std::size_t c) {
        if (m_is_touched[c]) return;
        m_is_touched[c] = 1;
        m_touched.push_back(static_cast<std::uint32_t>(c));
    }
    void setup(const geometry::Box& box);

    GridDefinition m_grid;
    std::vector<Edge> m_edges;
    std::int64_t m_first_row = 0;  // may be < 0: rows above the grid still feed the running sum
    std::int64_t m_row_begin = 0, m_row_end = 0, m_col_begin = 0, m_col_end = 0;
    std::int64_t m_next_row = 0;
    std::vector<std::uint32_t> m_bucket_begin;  // per row from m_first_row, into m_bucket
    std::vector<std::uint32_t> m_bucket;        // edge indices
    // Per column (from col_begin); only the touched columns of a row are
    // non-zero in m_area and m_row_extent, and only they are visited.
    std::vector<double> m_area;                 // area from edge pieces in this row
    std::vector<double> m_row_extent;           // x-extent of boundary in this row
    std::vector<double> m_above_extent;         // x-extent of boundary above this row
    std::vector<char> m_is_touched;             // an edge piece of this row passed through
    std::vector<std::uint32_t> m_touched;       // those columns, in the order first touched
    RowCoverage m_row;                          // scratch for the dense next_row
};

}  // namespace regio::grid
