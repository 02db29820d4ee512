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
// plus one pass over the polygon's columns. Exact up to floating-point
// rounding (about 1e-12 of a cell here).
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

    // Fractions in [0,1] of the cells of the next row (columns col_begin ..
    // col_end), rows in order from row_begin; returns that row's index.
    std::int64_t next_row(std::vector<double>& fractions);

private:
    struct Edge {
        double xa, ya, xb, yb;
        double sign;  // +1 or -1 so that every ring adds area inside the shape
    };
    void add_piece(const Edge& e, double bottom, double top, bool want_area);
    void setup(const geometry::Box& box);

    GridDefinition m_grid;
    std::vector<Edge> m_edges;
    std::int64_t m_first_row = 0;  // may be < 0: rows above the grid still feed the running sum
    std::int64_t m_row_begin = 0, m_row_end = 0, m_col_begin = 0, m_col_end = 0;
    std::int64_t m_next_row = 0;
    std::vector<std::uint32_t> m_bucket_begin;  // per row from m_first_row, into m_bucket
    std::vector<std::uint32_t> m_bucket;        // edge indices
    std::vector<double> m_area;                 // per column: area from edge pieces in this row
    std::vector<double> m_row_extent;           // per column: x-extent of boundary in this row
    std::vector<double> m_above_extent;         // per column: x-extent of boundary above this row
};

}  // namespace regio::grid
