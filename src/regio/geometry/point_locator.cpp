#include "regio/geometry/point_locator.hpp"

#include "regio/geometry/orientation.hpp"
#include "regio/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace regio::geometry {
namespace {

// Grid size limits: enough cells that most points land in a full cell, few
// enough that the index stays small (4M cells ~ 16 MB of offsets).
constexpr std::size_t kMinCells = 1024;
constexpr std::size_t kMaxCells = std::size_t{1} << 22;
constexpr std::size_t kCellsPerEdge = 4;

// Squared distance from p to the segment a-b.
double distance2(const Point& a, const Point& b, const Point& p) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

// Edges by lower end, then upper end.
bool less_point(const Point& a, const Point& b) { return a.y != b.y ? a.y < b.y : a.x < b.x; }

bool on_segment(const Point& a, const Point& b, const Point& p) {
    return p.x >= std::min(a.x, b.x) && p.x <= std::max(a.x, b.x) && p.y >= std::min(a.y, b.y) &&
           p.y <= std::max(a.y, b.y) && orientation(a, b, p) == 0;
}

}  // namespace

PointLocator::PointLocator(const std::vector<MultiPolygon>& shapes, std::size_t target_cells, unsigned threads) {
    build(shapes, target_cells, std::max(1u, threads));
}

std::int32_t PointLocator::col_of(double x) const {
    const double c = std::floor((x - m_x0) * m_inv_w);
    return static_cast<std::int32_t>(std::clamp(c, 0.0, static_cast<double>(m_nx - 1)));
}

std::int32_t PointLocator::row_of(double y) const {
    const double r = std::floor((y - m_y0) * m_inv_h);
    return static_cast<std::int32_t>(std::clamp(r, 0.0, static_cast<double>(m_ny - 1)));
}

void PointLocator::build(const std::vector<MultiPolygon>& shapes, std::size_t target_cells, unsigned threads) {
    m_region_count = shapes.size();
    std::size_t vertices = 0;
    for (const auto& shape : shapes) vertices += vertex_count(shape);
    std::vector<Edge> edges;
    std::vector<std::int32_t> edge_region;
    edges.reserve(vertices);
    edge_region.reserve(vertices);
    m_region_box.reserve(shapes.size());
    for (std::size_t r = 0; r < shapes.size(); ++r) {
        m_region_box.push_back(bounds(shapes[r]));
        m_extent.expand(m_region_box.back());
        for (const auto& polygon : shapes[r].polygons)
            for (const auto& ring : polygon.rings)
                for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                    Point a = ring[i];
                    Point b = ring[i + 1];
                    if (a == b) continue;
                    // Canonical direction, so that an edge shared by two regions is
                    // evaluated with bit-identical arguments in both.
                    if (b.y < a.y || (b.y == a.y && b.x < a.x)) std::swap(a, b);
                    edges.push_back({a, b});
                    edge_region.push_back(static_cast<std::int32_t>(r));
                }
    }
    m_edge_count = edges.size();
    if (m_region_count >= static_cast<std::size_t>(INT32_MAX))
        throw std::length_error("too many regions for the point locator");
    choose_grid(edges.size(), target_cells);
    build_rows(edges, edge_region, threads);
    build_cells(threads);
}

void PointLocator::choose_grid(std::size_t edges, std::size_t target_cells) {
    if (m_extent.empty()) {  // no regions at all: one empty cell
        m_extent = Box{0, 0, 1, 1};
    }
    std::size_t target = target_cells ? target_cells : edges * kCellsPerEdge;
    target = std::clamp(target, kMinCells, kMaxCells);
    // Pad the extent a little so that points on its upper border map inside.
    const double w = std::max(m_extent.width(), 1e-9 * std::max(1.0, std::abs(m_extent.xmin)));
    const double h = std::max(m_extent.height(), 1e-9 * std::max(1.0, std::abs(m_extent.ymin)));
    const double cell = std::sqrt(w * h / static_cast<double>(target));
    m_nx = static_cast<std::int32_t>(std::clamp(std::ceil(w / cell), 1.0, 65536.0));
    m_ny = static_cast<std::int32_t>(std::clamp(std::ceil(h / cell), 1.0, 65536.0));
    while (static_cast<std::size_t>(m_nx) * static_cast<std::size_t>(m_ny) > kMaxCells) {
        m_nx = std::max(1, m_nx / 2 + 1);
        m_ny = std::max(1, m_ny / 2 + 1);
    }
    m_x0 = m_extent.xmin;
    m_y0 = m_extent.ymin;
    m_cell_w = w / m_nx;
    m_cell_h = h / m_ny;
    m_inv_w = 1.0 / m_cell_w;
    m_inv_h = 1.0 / m_cell_h;
}

void PointLocator::build_rows(const std::vector<Edge>& edges, const std::vector<std::int32_t>& edge_region, unsigned threads) {
    // Counting sort of (row, edge) by row. Edges arrive in region order and the
    // sort is stable, so within a row they stay grouped by region. row_of is
    // monotonic, so an edge spanning [lo.y, hi.y] lies in rows
    // [row_of(lo.y), row_of(hi.y)]: no point's row can miss one of its edges.
    std::vector<std::uint32_t> count(static_cast<std::size_t>(m_ny) + 1, 0);
    for (const auto& e : edges)
        for (std::int32_t r = row_of(e.lo.y), end = row_of(e.hi.y); r <= end; ++r) ++count[r + 1];
    for (std::size_t r = 1; r < count.size(); ++r) count[r] += count[r - 1];
    std::vector<std::int32_t> slot_region(count.back());
    m_row_edges.resize(count.back());
    std::vector<std::uint32_t> next(count.begin(), count.end() - 1);
    for (std::size_t i = 0; i < edges.size(); ++i)
        for (std::int32_t r = row_of(edges[i].lo.y), end = row_of(edges[i].hi.y); r <= end; ++r) {
            const std::uint32_t slot = next[r]++;
            m_row_edges[slot] = edges[i];
            slot_region[slot] = edge_region[i];
        }
    m_row_begin.assign(static_cast<std::size_t>(m_ny) + 1, 0);
    for (std::int32_t row = 0; row < m_ny; ++row) {
        m_row_begin[row] = static_cast<std::uint32_t>(m_row_regions.size());
        for (std::uint32_t i = count[row]; i < count[row + 1];) {
            std::uint32_t j = i;
            while (j < count[row + 1] && slot_region[j] == slot_region[i]) ++j;
            m_row_regions.push_back({slot_region[i], i, j});
            i = j;
        }
    }
    m_row_begin[m_ny] = static_cast<std::uint32_t>(m_row_regions.size());
    // Each region's edges in a row sorted by their lower end: the answers do
    // not depend on the order, and a probe's own segment is then found by
    // binary search (strictly_inside_probe). Groups are independent: the
    // threads take halves (by edges) of them.
    auto sort_groups = [&](std::size_t g0, std::size_t g1) {
        for (std::size_t g = g0; g < g1; ++g)
            std::sort(m_row_edges.begin() + m_row_regions[g].begin, m_row_edges.begin() + m_row_regions[g].end, edge_order);
    };
    std::size_t middle = 0;
    while (middle < m_row_regions.size() && m_row_regions[middle].begin < m_row_edges.size() / 2) ++middle;
    if (threads < 2 || m_row_edges.size() < 10000) {
        sort_groups(0, m_row_regions.size());
        return;
    }
    std::jthread second(sort_groups, middle, m_row_regions.size());
    sort_groups(0, middle);
}

void PointLocator::build_cells(unsigned threads) {
    const std::size_t cells = static_cast<std::size_t>(m_nx) * static_cast<std::size_t>(m_ny);
    m_cell_begin.assign(cells + 1, 0);
    // Rows are independent: the threads build blocks of rows (about the same
    // number of row edges each; a few per thread, taken in turn, so that a
    // thread the system holds back delays little), then the blocks are
    // joined in order.
    const unsigned parts = std::max(1u, std::min<unsigned>(threads > 1 ? 4 * threads : 1, static_cast<unsigned>(m_ny)));
    const std::size_t total = m_row_edges.size();
    auto edges_before = [&](std::int32_t row) -> std::size_t {  // row edges of the rows above `row`
        const std::uint32_t k = m_row_begin[row];
        return k < m_row_regions.size() ? m_row_regions[k].begin : total;
    };
    std::vector<std::int32_t> bounds{0};
    for (std::int32_t row = 1; row < m_ny && bounds.size() < parts; ++row)
        if (edges_before(row) * parts >= total * bounds.size()) bounds.push_back(row);
    bounds.push_back(m_ny);
    std::vector<std::vector<CellEntry>> blocks(bounds.size() - 1);
    parallel_for(blocks.size(), threads, [&](std::size_t b, unsigned) { build_cell_rows(bounds[b], bounds[b + 1], blocks[b]); });
    std::size_t offset = 0;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::size_t first = static_cast<std::size_t>(bounds[b]) * static_cast<std::size_t>(m_nx);
        const std::size_t last = static_cast<std::size_t>(bounds[b + 1]) * static_cast<std::size_t>(m_nx);
        if (offset + blocks[b].size() >= UINT32_MAX) throw std::length_error("too many cell entries for the point locator");
        for (std::size_t cell = first; cell < last; ++cell) m_cell_begin[cell] += static_cast<std::uint32_t>(offset);
        offset += blocks[b].size();
    }
    m_cell_entries.reserve(offset);
    for (auto& block : blocks) m_cell_entries.insert(m_cell_entries.end(), block.begin(), block.end());
    m_cell_begin[cells] = static_cast<std::uint32_t>(m_cell_entries.size());
}

void PointLocator::build_cell_rows(std::int32_t row0, std::int32_t row1, std::vector<CellEntry>& entries) {
    // Margin that makes the cell marking conservative against rounding: a cell
    // wrongly marked "crossed" only costs a test, a missed one would be wrong.
    const double margin_x = m_cell_w * 1e-6;
    const double margin_y = m_cell_h * 1e-6;

    struct Mark {
        std::int32_t col;
        std::int32_t region;
        std::uint32_t row_region;
        bool operator<(const Mark& o) const { return col != o.col ? col < o.col : region < o.region; }
    };
    std::vector<Mark> marks;
    std::vector<double> crossings;
    for (std::int32_t row = row0; row < row1; ++row) {
        marks.clear();
        const double row_lo = m_y0 + row * m_cell_h - margin_y;
        const double row_hi = m_y0 + (row + 1) * m_cell_h + margin_y;
        // 1. Cells crossed by a boundary, per region.
        for (std::uint32_t k = m_row_begin[row]; k < m_row_begin[row + 1]; ++k) {
            const RowRegion& rr = m_row_regions[k];
            for (std::uint32_t i = rr.begin; i < rr.end; ++i) {
                const Edge& e = m_row_edges[i];
                double xa = e.lo.x, xb = e.hi.x;
                if (e.hi.y > e.lo.y) {  // clip the edge to the row's y-range
                    const double slope = (e.hi.x - e.lo.x) / (e.hi.y - e.lo.y);
                    const double ya = std::max(e.lo.y, row_lo), yb = std::min(e.hi.y, row_hi);
                    xa = e.lo.x + (ya - e.lo.y) * slope;
                    xb = e.lo.x + (yb - e.lo.y) * slope;
                }
                const std::int32_t c0 = col_of(std::min(xa, xb) - margin_x);
                const std::int32_t c1 = col_of(std::max(xa, xb) + margin_x);
                for (std::int32_t c = c0; c <= c1; ++c) marks.push_back({c, rr.region, k});
            }
        }
        std::sort(marks.begin(), marks.end());
        marks.erase(std::unique(marks.begin(), marks.end(),
                                [](const Mark& a, const Mark& b) { return a.col == b.col && a.region == b.region; }),
                    marks.end());
        const std::size_t crossed = marks.size();
        // 2. Cells no boundary of a region crosses but whose centre is inside it:
        // intervals between crossings of the row's centre line.
        const double yc = m_y0 + (row + 0.5) * m_cell_h;
        for (std::uint32_t k = m_row_begin[row]; k < m_row_begin[row + 1]; ++k) {
            const RowRegion& rr = m_row_regions[k];
            crossings.clear();
            for (std::uint32_t i = rr.begin; i < rr.end; ++i) {
                const Edge& e = m_row_edges[i];
                if (e.lo.y <= yc && yc < e.hi.y)
                    crossings.push_back(e.lo.x + (yc - e.lo.y) * (e.hi.x - e.lo.x) / (e.hi.y - e.lo.y));
            }
            std::sort(crossings.begin(), crossings.end());
            for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
                for (std::int32_t c = col_of(crossings[i]), end = col_of(crossings[i + 1]); c <= end; ++c) {
                    const double xc = m_x0 + (c + 0.5) * m_cell_w;
                    if (xc <= crossings[i] || xc >= crossings[i + 1]) continue;
                    const Mark probe{c, rr.region, 0};
                    if (std::binary_search(marks.begin(), marks.begin() + static_cast<std::ptrdiff_t>(crossed), probe))
                        continue;
                    marks.push_back({c, rr.region, kFull});
                }
            }
        }
        std::sort(marks.begin(), marks.end());
        // 3. Append this row's cells.
        std::size_t m = 0;
        for (std::int32_t col = 0; col < m_nx; ++col) {
            const std::size_t cell = static_cast<std::size_t>(row) * m_nx + col;
            m_cell_begin[cell] = static_cast<std::uint32_t>(entries.size());
            for (; m < marks.size() && marks[m].col == col; ++m) entries.push_back({marks[m].region, marks[m].row_region});
        }
    }
}

bool PointLocator::inside(const Point& p, const RowRegion& rr) const {
    // Edges are sorted by lower end: those starting above p cannot span it.
    const auto first = m_row_edges.begin() + rr.begin, last = m_row_edges.begin() + rr.end;
    const auto end = std::upper_bound(first, last, p.y, [](double y, const Edge& e) { return y < e.lo.y; });
    bool in = false;
    for (auto edge = first; edge != end; ++edge) {
        const Edge& e = *edge;
        if (!(e.lo.y <= p.y && p.y < e.hi.y)) continue;
        // Cheap cases first: wholly left or right of the point.
        if (p.x < e.lo.x && p.x < e.hi.x) {
            in = !in;
        } else if (p.x > e.lo.x && p.x > e.hi.x) {
            continue;
        } else if (orientation(e.lo, e.hi, p) > 0) {
            in = !in;
        }
    }
    return in;
}

std::int32_t PointLocator::locate(const Point& p) const {
    if (!m_extent.contains(p)) return kNoRegion;  // also rejects NaN
    const std::size_t cell = static_cast<std::size_t>(row_of(p.y)) * m_nx + col_of(p.x);
    for (std::uint32_t i = m_cell_begin[cell], end = m_cell_begin[cell + 1]; i < end; ++i) {
        const CellEntry& entry = m_cell_entries[i];
        if (entry.row_region == kFull) return entry.region;
        // Outside the region's box is outside the region (the box is closed,
        // so no point the boundary rule gives the region is left out).
        if (m_region_box[static_cast<std::size_t>(entry.region)].contains(p) && inside(p, m_row_regions[entry.row_region]))
            return entry.region;
    }
    return kNoRegion;
}

void PointLocator::locate_all(const Point& p, std::vector<std::int32_t>& out) const {
    out.clear();
    if (!m_extent.contains(p)) return;
    const std::size_t cell = static_cast<std::size_t>(row_of(p.y)) * m_nx + col_of(p.x);
    for (std::uint32_t i = m_cell_begin[cell], end = m_cell_begin[cell + 1]; i < end; ++i) {
        const CellEntry& entry = m_cell_entries[i];
        if (entry.row_region == kFull ||
            (m_region_box[static_cast<std::size_t>(entry.region)].contains(p) && inside(p, m_row_regions[entry.row_region])))
            out.push_back(entry.region);
    }
}

const PointLocator::RowRegion* PointLocator::find_row_region(std::int32_t row, std::int32_t region) const {
    const auto first = m_row_regions.begin() + m_row_begin[row];
    const auto last = m_row_regions.begin() + m_row_begin[row + 1];
    const auto it = std::lower_bound(first, last, region,
                                     [](const RowRegion& rr, std::int32_t r) { return rr.region < r; });
    return (it != last && it->region == region) ? &*it : nullptr;
}

Side PointLocator::classify(const Point& p, std::int32_t region, double tolerance) const {
    if (!m_extent.contains(p)) return Side::Outside;
    const RowRegion* rr = find_row_region(row_of(p.y), region);
    if (rr == nullptr) {
        // No edge of the region in this row: the row is wholly in or out.
        const std::size_t cell = static_cast<std::size_t>(row_of(p.y)) * m_nx + col_of(p.x);
        for (std::uint32_t i = m_cell_begin[cell]; i < m_cell_begin[cell + 1]; ++i)
            if (m_cell_entries[i].region == region) return Side::Inside;
        return Side::Outside;
    }
    const double tolerance2 = tolerance * tolerance;
    for (std::uint32_t i = rr->begin; i < rr->end; ++i) {
        const Edge& e = m_row_edges[i];
        if (on_segment(e.lo, e.hi, p) || (tolerance > 0 && distance2(e.lo, e.hi, p) <= tolerance2)) return Side::Boundary;
    }
    return inside(p, *rr) ? Side::Inside : Side::Outside;
}

bool PointLocator::strictly_inside(const Point& p, std::int32_t region, double tolerance) const {
    if (!m_extent.contains(p)) return false;
    const RowRegion* rr = find_row_region(row_of(p.y), region);
    if (rr == nullptr) return classify(p, region) == Side::Inside;
    // Parity first: a point the crossing rule puts outside is not strictly
    // inside, whether or not it lies on the boundary; only the rest need the
    // (costlier) distance test, and only against edges near the point.
    if (!inside(p, *rr)) return false;
    const double tolerance2 = tolerance * tolerance;
    for (std::uint32_t i = rr->begin; i < rr->end; ++i) {
        const Edge& e = m_row_edges[i];
        if (p.x < std::min(e.lo.x, e.hi.x) - tolerance || p.x > std::max(e.lo.x, e.hi.x) + tolerance ||
            p.y < e.lo.y - tolerance || p.y > e.hi.y + tolerance)
            continue;
        if (on_segment(e.lo, e.hi, p) || (tolerance > 0 && distance2(e.lo, e.hi, p) <= tolerance2)) return false;
    }
    return true;
}

bool PointLocator::strictly_inside_probe(const Point& p, std::int32_t region, double tolerance, const Point& from,
                                         const Point& to) const {
    if (!m_region_box[static_cast<std::size_t>(region)].contains(p)) return false;
    const RowRegion* rr = find_row_region(row_of(p.y), region);
    if (rr == nullptr) return classify(p, region) == Side::Inside;
    const auto first = m_row_edges.begin() + rr->begin, last = m_row_edges.begin() + rr->end;
    {
        // The probe's own segment, if the region has it (canonical direction
        // as stored): then the probe is on its boundary.
        const Edge own = less_point(to, from) ? Edge{to, from} : Edge{from, to};
        const auto it = std::lower_bound(first, last, own, edge_order);
        if (it != last && it->lo == own.lo && it->hi == own.hi) return false;
    }
    // Edges whose lower end is above p (beyond the tolerance) neither span
    // p's height nor come near it: the sorted scan stops there.
    const double tolerance2 = tolerance * tolerance;
    const auto end = std::upper_bound(first, last, p.y + tolerance, [](double y, const Edge& e) { return y < e.lo.y; });
    bool in = false;
    for (auto edge = first; edge != end; ++edge) {
        const Edge& e = *edge;
        const bool near = p.x >= std::min(e.lo.x, e.hi.x) - tolerance && p.x <= std::max(e.lo.x, e.hi.x) + tolerance &&
                          p.y >= e.lo.y - tolerance && p.y <= e.hi.y + tolerance;
        if (!near) {
            // Parity: only edges spanning p's height and wholly right of p count.
            if (e.lo.y <= p.y && p.y < e.hi.y && p.x < e.lo.x && p.x < e.hi.x) in = !in;
            continue;
        }
        if (p == e.lo || p == e.hi) return false;
        const int side = orientation(e.lo, e.hi, p);
        const bool within_box = p.x >= std::min(e.lo.x, e.hi.x) && p.x <= std::max(e.lo.x, e.hi.x) && p.y >= e.lo.y &&
                                p.y <= e.hi.y;
        if ((side == 0 && within_box) || (tolerance > 0 && distance2(e.lo, e.hi, p) <= tolerance2)) return false;
        if (!(e.lo.y <= p.y && p.y < e.hi.y)) continue;
        if (p.x < e.lo.x && p.x < e.hi.x) {
            in = !in;
        } else if (p.x > e.lo.x && p.x > e.hi.x) {
            continue;
        } else if (side > 0) {
            in = !in;
        }
    }
    return in;
}

void PointLocator::candidates(const Point& p, std::vector<std::int32_t>& out) const {
    out.clear();
    if (!m_extent.contains(p)) return;
    const std::size_t cell = static_cast<std::size_t>(row_of(p.y)) * m_nx + col_of(p.x);
    for (std::uint32_t i = m_cell_begin[cell]; i < m_cell_begin[cell + 1]; ++i)
        out.push_back(m_cell_entries[i].region);
}

std::size_t PointLocator::memory_bytes() const {
    return m_row_edges.capacity() * sizeof(Edge) + m_row_regions.capacity() * sizeof(RowRegion) +
           m_row_begin.capacity() * sizeof(std::uint32_t) + m_cell_entries.capacity() * sizeof(CellEntry) +
           m_cell_begin.capacity() * sizeof(std::uint32_t);
}

}  // namespace regio::geometry
