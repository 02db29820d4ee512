#pragma once
// Point location in a set of polygonal regions, exact and fast.
//
// The plane over the regions' extent is cut into a uniform grid. A cell that no
// region boundary touches is "full": it belongs wholly to one region (or to
// none) and a point in it is located by one array lookup. In a cell that
// boundaries cross, each candidate region is tested with a crossing-number
// test restricted to the region's edges in the point's grid row: a horizontal
// ray from the point can only meet edges whose y-range holds the point, and all
// of those are in that row. The orientation predicate is exact.
//
// Boundary rule (documented in the README): the crossing test counts an edge
// when lo.y <= y < hi.y and the point is strictly left of it, so a point on a
// boundary belongs to the region on its east side, and a point on an east-west
// boundary to the region on its north side, like half-open grid cells
// [x0,x1) x [y0,y1). Shared edges are evaluated identically in both regions, so
// a point on a shared edge or vertex goes to exactly one of them.
// Where regions overlap, the first region in input order wins.
#include "regio/geometry/region_set.hpp"
#include "regio/geometry/types.hpp"

#include <cstdint>
#include <vector>

namespace regio::geometry {

inline constexpr std::int32_t kNoRegion = -1;

enum class Side { Outside, Boundary, Inside };

class PointLocator {
public:
    // target_cells = 0 picks a grid size from the number of edges.
    explicit PointLocator(const std::vector<MultiPolygon>& shapes, std::size_t target_cells = 0, unsigned threads = 1);
    explicit PointLocator(const RegionSet& regions, std::size_t target_cells = 0, unsigned threads = 1)
        : PointLocator(regions.shapes, target_cells, threads) {}

    // The region containing p by the boundary rule, or kNoRegion. NaN -> kNoRegion.
    [[nodiscard]] std::int32_t locate(const Point& p) const;

    // Every region containing p by the boundary rule (more than one only where
    // regions overlap), in input order.
    void locate_all(const Point& p, std::vector<std::int32_t>& out) const;

    // p relative to one region, telling boundary points apart (used by checks).
    // Points within `tolerance` of an edge count as on the boundary.
    [[nodiscard]] Side classify(const Point& p, std::int32_t region, double tolerance = 0.0) const;

    // classify(p, region, tolerance) == Side::Inside, faster.
    [[nodiscard]] bool strictly_inside(const Point& p, std::int32_t region, double tolerance) const;

    // strictly_inside for a probe taken on the segment from->to of another
    // region's boundary (one of its vertices or its midpoint). When `region`
    // has that same segment as an edge, the probe is on its boundary and the
    // answer is known without testing the rest: between neighbours that share
    // their borders this is the common case. One pass over the row's edges.
    [[nodiscard]] bool strictly_inside_probe(const Point& p, std::int32_t region, double tolerance, const Point& from,
                                             const Point& to) const;

    // Regions whose boundary crosses the cell of p or whose interior covers it.
    void candidates(const Point& p, std::vector<std::int32_t>& out) const;

    [[nodiscard]] std::size_t region_count() const { return m_region_count; }
    [[nodiscard]] std::size_t cell_count() const { return m_cell_begin.size() - 1; }
    [[nodiscard]] std::size_t edge_count() const { return m_edge_count; }
    [[nodiscard]] std::size_t memory_bytes() const;

private:
    // A polygon edge with lo.y <= hi.y (ties: lo.x < hi.x).
    struct Edge {
        Point lo;
        Point hi;
    };
    // By lower end, then upper end (y first, then x).
    static bool edge_order(const Edge& a, const Edge& b) {
        if (a.lo.y != b.lo.y) return a.lo.y < b.lo.y;
        if (a.lo.x != b.lo.x) return a.lo.x < b.lo.x;
        if (a.hi.y != b.hi.y) return a.hi.y < b.hi.y;
        return a.hi.x < b.hi.x;
    }
    // The edges of one region in one grid row: m_row_edges[begin, end).
    struct RowRegion {
        std::int32_t region;
        std::uint32_t begin;
        std::uint32_t end;
    };
    static constexpr std::uint32_t kFull = 0xffffffffu;
    // A candidate region of a cell; row_region == kFull when it covers the cell.
    struct CellEntry {
        std::int32_t region;
        std::uint32_t row_region;
    };

    [[nodiscard]] std::int32_t col_of(double x) const;
    [[nodiscard]] std::int32_t row_of(double y) const;
    [[nodiscard]] bool inside(const Point& p, const RowRegion& rr) const;
    [[nodiscard]] const RowRegion* find_row_region(std::int32_t row, std::int32_t region) const;

    void build(const std::vector<MultiPolygon>& shapes, std::size_t target_cells, unsigned threads);
    void choose_grid(std::size_t edges, std::size_t target_cells);
    void build_rows(const std::vector<Edge>& edges, const std::vector<std::int32_t>& edge_region, unsigned threads);
    void build_cells(unsigned threads);
    // The cells of rows [row0, row1): m_cell_begin of those cells (relative
    // to the start of `entries`) and their entries.
    void build_cell_rows(std::int32_t row0, std::int32_t row1, std::vector<CellEntry>& entries);

    Box m_extent;
    std::vector<Box> m_region_box;  // bounds of each region
    double m_x0 = 0, m_y0 = 0, m_inv_w = 1, m_inv_h = 1, m_cell_w = 1, m_cell_h = 1;
    std::int32_t m_nx = 1, m_ny = 1;
    std::size_t m_region_count = 0;
    std::size_t m_edge_count = 0;

    std::vector<Edge> m_row_edges;            // grouped by row, then region
    std::vector<RowRegion> m_row_regions;     // grouped by row
    std::vector<std::uint32_t> m_row_begin;   // m_ny + 1 offsets into m_row_regions
    std::vector<CellEntry> m_cell_entries;    // grouped by cell, sorted by region
    std::vector<std::uint32_t> m_cell_begin;  // cells + 1 offsets into m_cell_entries
};

}  // namespace regio::geometry
