#include "regio/grid/coverage.hpp"

#include <algorithm>
#include <stdexcept>

namespace regio::grid {
namespace {

// Twice the signed area (positive for counter-clockwise rings).
double twice_signed_area(const geometry::Ring& ring) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        sum += (ring[i].x - ring[0].x) * (ring[i + 1].y - ring[0].y) - (ring[i + 1].x - ring[0].x) * (ring[i].y - ring[0].y);
    return sum;
}

}  // namespace

PolygonCoverage::PolygonCoverage(const geometry::MultiPolygon& shape, const GridDefinition& grid) : m_grid(grid) {
    const geometry::Box box = geometry::bounds(shape);
    if (box.empty() || grid.cols <= 0 || grid.rows <= 0) return;
    // Edges, oriented so that outer rings count positive and holes negative
    // whatever the input's winding. Vertical edges add no area (dx = 0) but
    // mark the cells they pass: those separate runs of whole cells.
    for (const auto& polygon : shape.polygons)
        for (std::size_t k = 0; k < polygon.rings.size(); ++k) {
            const auto& ring = polygon.rings[k];
            const double area2 = twice_signed_area(ring);
            if (area2 == 0) continue;
            const double sign = (k == 0) == (area2 > 0) ? 1.0 : -1.0;
            for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                if (!(ring[i] == ring[i + 1])) m_edges.push_back({ring[i].x, ring[i].y, ring[i + 1].x, ring[i + 1].y, sign});
        }
    setup(box);
}

PolygonCoverage::PolygonCoverage(const std::vector<BoundarySegment>& boundary, const GridDefinition& grid)
    : m_grid(grid) {
    geometry::Box box;
    for (const auto& s : boundary) {
        box.expand(s.a);
        box.expand(s.b);
        if (!(s.a == s.b)) m_edges.push_back({s.a.x, s.a.y, s.b.x, s.b.y, 1.0});
    }
    if (box.empty() || grid.cols <= 0 || grid.rows <= 0) return;
    setup(box);
}

void PolygonCoverage::setup(const geometry::Box& box) {
    const GridDefinition& grid = m_grid;
    m_col_begin = std::max<std::int64_t>(0, grid.col_of(box.xmin));
    m_col_end = std::min<std::int64_t>(grid.cols, grid.col_of(box.xmax) + 1);
    // One row above the top as slack: it only feeds the running sum.
    m_first_row = grid.row_of(box.ymax) - 1;
    const std::int64_t last_row = std::min<std::int64_t>(grid.rows - 1, grid.row_of(box.ymin));
    m_row_begin = std::max<std::int64_t>(0, m_first_row + 1);
    m_row_end = last_row + 1;
    if (empty()) return;
    m_next_row = m_first_row;

    // Bucket edges by the rows they span, one row of slack on each side so that
    // rounding in row_of never loses a piece: clipping to the row's exact
    // bounds decides what each row gets. A horizontal edge belongs to the one
    // row row_of gives it (on a grid line: the row below, whose top it is).
    const auto nrows = static_cast<std::size_t>(last_row - m_first_row + 1);
    if (m_edges.size() >= UINT32_MAX) throw std::length_error("polygon has too many edges");
    m_bucket_begin.assign(nrows + 1, 0);
    auto span = [&](const Edge& e, std::int64_t& r0, std::int64_t& r1) {
        const double ymax = std::max(e.ya, e.yb), ymin = std::min(e.ya, e.yb);
        r0 = std::max(m_first_row, grid.row_of(ymax) - 1);
        r1 = std::min(last_row, grid.row_of(ymin) + 1);
        if (ymax == ymin) return;  // horizontal: next_row picks its one row
        // A sloped edge only changes the rows it overlaps with positive
        // height (row r spans row_top(r + 1) .. row_top(r), the bounds the
        // clipping uses); the slack rows it merely touches are dropped.
        while (r0 < r1 && !(grid.row_top(r0 + 1) < ymax)) ++r0;
        while (r1 > r0 && !(ymin < grid.row_top(r1))) --r1;
    };
    for (const Edge& e : m_edges) {
        std::int64_t r0, r1;
        span(e, r0, r1);
        for (std::int64_t r = r0; r <= r1; ++r) ++m_bucket_begin[static_cast<std::size_t>(r - m_first_row) + 1];
    }
    for (std::size_t r = 1; r <= nrows; ++r) m_bucket_begin[r] += m_bucket_begin[r - 1];
    m_bucket.resize(m_bucket_begin[nrows]);
    std::vector<std::uint32_t> next(m_bucket_begin.begin(), m_bucket_begin.end() - 1);
    for (std::uint32_t i = 0; i < m_edges.size(); ++i) {
        std::int64_t r0, r1;
        span(m_edges[i], r0, r1);
        for (std::int64_t r = r0; r <= r1; ++r) m_bucket[next[static_cast<std::size_t>(r - m_first_row)]++] = i;
    }
    const auto ncols = static_cast<std::size_t>(m_col_end - m_col_begin);
    m_area.assign(ncols, 0.0);
    m_row_extent.assign(ncols, 0.0);
    m_above_extent.assign(ncols, 0.0);
    m_is_touched.assign(ncols, 0);
}

void PolygonCoverage::add_piece(const Edge& e, double bottom, double top, bool want_area) {
    // Clip the edge to bottom <= y <= top, keeping its direction.
    double x1 = e.xa, y1 = e.ya, x2 = e.xb, y2 = e.yb;
    const double slope = (e.xb - e.xa) / (e.yb - e.ya);  // dx/dy; inf for horizontal
    auto x_at = [&](double y) { return e.xa + (y - e.ya) * slope; };
    if (e.ya != e.yb) {
        if (y1 < bottom) { y1 = bottom; x1 = x_at(bottom); }
        if (y1 > top) { y1 = top; x1 = x_at(top); }
        if (y2 < bottom) { y2 = bottom; x2 = x_at(bottom); }
        if (y2 > top) { y2 = top; x2 = x_at(top); }
    }
    if (x1 == x2) {
        // A vertical piece: no area, but the cells beside it are not a run
        // (with a column of slack either side against rounding; a cell
        // marked needlessly is only computed exactly).
        if (y1 != y2) {
            const std::int64_t col = m_grid.col_of(x1);
            for (std::int64_t c = std::max(m_col_begin, col - 1); c <= std::min(m_col_end - 1, col + 1); ++c)
                touch(static_cast<std::size_t>(c - m_col_begin));
        }
        return;
    }
    // Walk the piece across columns, from left to right.
    const bool reversed = x2 < x1;
    if (reversed) {
        std::swap(x1, x2);
        std::swap(y1, y2);
    }
    const double dir = reversed ? -e.sign : e.sign;  // sign of dx in the edge's direction
    const double dydx = (y2 - y1) / (x2 - x1);
    // The first column by the same bounds the clipping uses (col_of divides,
    // col_left multiplies: they may disagree by a column at a cell line).
    std::int64_t col = m_grid.col_of(x1);
    while (m_grid.col_left(col) > x1) --col;
    while (m_grid.col_left(col + 1) <= x1) ++col;
    for (col = std::max(col, m_col_begin); col < m_col_end; ++col) {
        const double col_left = m_grid.col_left(col);
        if (col_left >= x2) break;
        const double left = std::max(x1, col_left);
        const double right = std::min(x2, m_grid.col_left(col + 1));
        if (right <= left) continue;
        const auto c = static_cast<std::size_t>(col - m_col_begin);
        touch(c);
        m_row_extent[c] += dir * (right - left);
        if (want_area) {
            const double yl = (left == x1 ? y1 : y1 + (left - x1) * dydx) - bottom;
            const double yr = (right == x2 ? y2 : y1 + (right - x1) * dydx) - bottom;
            // -∫ y' dx over the piece, in the edge's direction.
            m_area[c] -= dir * (right - left) * 0.5 * (yl + yr);
        }
    }
}

std::int64_t PolygonCoverage::next_row(RowCoverage& out) {
    if (empty() || m_next_row >= m_row_end) throw std::out_of_range("no more rows");
    const double h = m_grid.dy;
    const double cell = m_grid.cell_area();
    // A cell no edge piece of its row passed through is wholly inside or
    // wholly outside: its fraction -h * above / cell is 1 or 0 (up to
    // rounding), the same for every cell up to the next touched one.
    auto inside = [&](std::int64_t col) {
        return -h * m_above_extent[static_cast<std::size_t>(col - m_col_begin)] > 0.5 * cell;
    };
    while (true) {
        const std::int64_t row = m_next_row++;
        const bool emit = row >= m_row_begin;
        const double top = m_grid.row_top(row);
        const double bottom = m_grid.row_top(row + 1);
        const auto r = static_cast<std::size_t>(row - m_first_row);
        for (std::uint32_t k = m_bucket_begin[r]; k < m_bucket_begin[r + 1]; ++k) {
            const Edge& e = m_edges[m_bucket[k]];
            if (e.ya == e.yb && m_grid.row_of(e.ya) != row) continue;
            add_piece(e, bottom, top, emit);
        }
        std::sort(m_touched.begin(), m_touched.end());
        if (emit) {
            out.row = row;
            out.cells.clear();
            out.runs.clear();
        }
        std::int64_t gap = m_col_begin;  // first column after the last touched one
        for (const std::uint32_t c : m_touched) {
            const std::int64_t col = m_col_begin + c;
            if (emit) {
                if (col > gap && inside(gap)) out.runs.push_back({gap, col});
                const double f = std::clamp((m_area[c] - h * m_above_extent[c]) / cell, 0.0, 1.0);
                if (f > 0) out.cells.push_back({col, f});
                gap = col + 1;
            }
            m_above_extent[c] += m_row_extent[c];
            m_row_extent[c] = 0.0;
            m_area[c] = 0.0;
            m_is_touched[c] = 0;
        }
        m_touched.clear();
        if (emit) {
            if (gap < m_col_end && inside(gap)) out.runs.push_back({gap, m_col_end});
            return row;
        }
    }
}

std::int64_t PolygonCoverage::next_row(std::vector<double>& fractions) {
    const std::int64_t row = next_row(m_row);
    fractions.assign(static_cast<std::size_t>(m_col_end - m_col_begin), 0.0);
    for (const auto& c : m_row.cells) fractions[static_cast<std::size_t>(c.col - m_col_begin)] = c.fraction;
    for (const auto& run : m_row.runs)
        std::fill(fractions.begin() + (run.begin - m_col_begin), fractions.begin() + (run.end - m_col_begin), 1.0);
    return row;
}

}  // namespace regio::grid
