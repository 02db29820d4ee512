#include "regio/render/arc_topology.hpp"

#include "regio/geometry/orientation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace regio::render {
namespace {

using geometry::Box;
using geometry::Point;
using geometry::orientation;

// A kept segment: points[i0] -> points[i1] of one arc (i0 < i1).
struct Segment {
    std::uint32_t arc;
    std::uint32_t i0;
    std::uint32_t i1;
    Point p;
    Point q;
};

Box segment_box(const Segment& s) {
    Box b;
    b.expand(s.p);
    b.expand(s.q);
    return b;
}

bool within_box(const Point& a, const Point& b, const Point& c) {
    return c.x >= std::min(a.x, b.x) && c.x <= std::max(a.x, b.x) && c.y >= std::min(a.y, b.y) && c.y <= std::max(a.y, b.y);
}

// Whether two distinct kept segments meet anywhere their originals could
// not: segments may share an endpoint (consecutive segments of an arc, arcs
// meeting at a node) but then only touch there; everything else is a conflict.
bool conflict(const Segment& s, const Segment& t) {
    const bool sp = s.p == t.p || s.p == t.q;
    const bool sq = s.q == t.p || s.q == t.q;
    if (sp && sq) return true;  // the same chord twice: the area between them is gone
    if (sp || sq) {
        const Point& a = sp ? s.p : s.q;     // the shared endpoint
        const Point& b = sp ? s.q : s.p;     // s's other end
        const Point& c = t.p == a ? t.q : t.p;  // t's other end
        // Sharing one endpoint, they meet again only if they run on together.
        return orientation(a, b, c) == 0 && (b.x - a.x) * (c.x - a.x) + (b.y - a.y) * (c.y - a.y) > 0;
    }
    const int o1 = orientation(s.p, s.q, t.p), o2 = orientation(s.p, s.q, t.q);
    const int o3 = orientation(t.p, t.q, s.p), o4 = orientation(t.p, t.q, s.q);
    if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    return (o1 == 0 && within_box(s.p, s.q, t.p)) || (o2 == 0 && within_box(s.p, s.q, t.q)) ||
           (o3 == 0 && within_box(t.p, t.q, s.p)) || (o4 == 0 && within_box(t.p, t.q, s.q));
}

// Whether p lies in the area a shortcut sweeps: the polygon of the original
// points[i0..i1] closed by the chord (even-odd rule, exact side tests).
bool in_swept_area(const std::vector<Point>& points, std::uint32_t i0, std::uint32_t i1, const Point& p) {
    bool inside = false;
    for (std::uint32_t i = i0; i <= i1; ++i) {
        const Point& u = points[i];
        const Point& v = i == i1 ? points[i0] : points[i + 1];
        if (u.y <= p.y && p.y < v.y) {
            if (orientation(u, v, p) > 0) inside = !inside;
        } else if (v.y <= p.y && p.y < u.y) {
            if (orientation(u, v, p) < 0) inside = !inside;
        }
    }
    return inside;
}

// A uniform grid of item ids over their boxes.
class BoxGrid {
public:
    BoxGrid(const Box& extent, std::size_t items) : m_extent(extent) {
        const double w = std::max(extent.width(), 1e-12), h = std::max(extent.height(), 1e-12);
        m_cell = std::sqrt(w * h / static_cast<double>(std::max<std::size_t>(items, 1)));
        m_cell = std::max({m_cell, w / 4096, h / 4096});
        m_nx = static_cast<std::int64_t>(w / m_cell) + 1;
        m_ny = static_cast<std::int64_t>(h / m_cell) + 1;
        m_cells.resize(static_cast<std::size_t>(m_nx * m_ny));
    }
    void insert(const Box& b, std::uint32_t id) {
        for_cells(b, [&](std::vector<std::uint32_t>& cell) { cell.push_back(id); });
    }
    template <class Fn>
    void for_cells(const Box& b, Fn fn) {
        for (std::int64_t y = cell_of(b.ymin, m_extent.ymin, m_ny); y <= cell_of(b.ymax, m_extent.ymin, m_ny); ++y)
            for (std::int64_t x = cell_of(b.xmin, m_extent.xmin, m_nx); x <= cell_of(b.xmax, m_extent.xmin, m_nx); ++x)
                fn(m_cells[static_cast<std::size_t>(y * m_nx + x)]);
    }

private:
    [[nodiscard]] std::int64_t cell_of(double v, double origin, std::int64_t n) const {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((v - origin) / m_cell)), 0, n - 1);
    }
    Box m_extent;
    double m_cell = 1;
    std::int64_t m_nx = 1, m_ny = 1;
    std::vector<std::vector<std::uint32_t>> m_cells;
};

std::vector<Segment> kept_segments(const std::vector<SimplifiedArc>& arcs) {
    std::vector<Segment> segments;
    for (std::uint32_t a = 0; a < arcs.size(); ++a) {
        const auto& arc = arcs[a];
        std::uint32_t last = 0;
        for (std::uint32_t i = 1; i < arc.points.size(); ++i)
            if (arc.keep[i]) {
                segments.push_back({a, last, i, arc.points[last], arc.points[i]});
                last = i;
            }
    }
    return segments;
}

// Marks the segments in conflict with another one.
void mark_crossings(const std::vector<Segment>& segments, const Box& extent, std::vector<char>& marked) {
    BoxGrid grid(extent, segments.size());
    for (std::uint32_t k = 0; k < segments.size(); ++k) grid.insert(segment_box(segments[k]), k);
    std::vector<std::uint32_t> stamp(segments.size(), UINT32_MAX);
    for (std::uint32_t k = 0; k < segments.size(); ++k) {
        const Box b = segment_box(segments[k]);
        grid.for_cells(b, [&](const std::vector<std::uint32_t>& cell) {
            for (const std::uint32_t other : cell) {
                if (other <= k || stamp[other] == k) continue;
                stamp[other] = k;
                if (!b.intersects(segment_box(segments[other]))) continue;
                if (conflict(segments[k], segments[other])) marked[k] = marked[other] = 1;
            }
        });
    }
}

// Marks the shortcuts whose swept area holds another ring's probe.
void mark_swallowed(const std::vector<SimplifiedArc>& arcs, const std::vector<Segment>& segments,
                    const std::vector<Point>& probes, const Box& extent, std::vector<char>& marked) {
    if (probes.empty()) return;
    BoxGrid grid(extent, probes.size());
    for (std::uint32_t k = 0; k < probes.size(); ++k) grid.insert(Box{probes[k].x, probes[k].y, probes[k].x, probes[k].y}, k);
    for (std::uint32_t k = 0; k < segments.size(); ++k) {
        const Segment& s = segments[k];
        if (s.i1 == s.i0 + 1 || marked[k]) continue;
        const auto& points = arcs[s.arc].points;
        Box b;
        for (std::uint32_t i = s.i0; i <= s.i1; ++i) b.expand(points[i]);
        grid.for_cells(b, [&](const std::vector<std::uint32_t>& cell) {
            for (const std::uint32_t id : cell) {
                const Point& p = probes[id];
                if (marked[k] || !b.contains(p)) continue;
                if (std::find(points.begin() + s.i0, points.begin() + s.i1 + 1, p) != points.begin() + s.i1 + 1) continue;
                if (in_swept_area(points, s.i0, s.i1, p)) marked[k] = 1;
            }
        });
    }
}

}  // namespace

double distance_to_chord(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len = std::hypot(dx, dy);
    if (len == 0) return std::hypot(p.x - a.x, p.y - a.y);
    return std::abs(dy * (p.x - a.x) - dx * (p.y - a.y)) / len;
}

TopologyRepair repair_arc_topology(std::vector<SimplifiedArc>& arcs, const std::vector<Point>& probes) {
    TopologyRepair result;
    Box extent;
    for (const auto& arc : arcs)
        for (const auto& p : arc.points) extent.expand(p);
    if (extent.empty()) return result;
    for (;;) {
        const std::vector<Segment> segments = kept_segments(arcs);
        std::vector<char> marked(segments.size(), 0);
        mark_crossings(segments, extent, marked);
        mark_swallowed(arcs, segments, probes, extent, marked);
        std::size_t refined = 0, stuck = 0;
        for (std::size_t k = 0; k < segments.size(); ++k) {
            if (!marked[k]) continue;
            const Segment& s = segments[k];
            if (s.i1 == s.i0 + 1) {  // an original edge: nothing to put back
                ++stuck;
                continue;
            }
            auto& arc = arcs[s.arc];
            std::uint32_t farthest = s.i0 + 1;
            double best = -1;
            for (std::uint32_t i = s.i0 + 1; i < s.i1; ++i) {
                const double d = distance_to_chord(arc.points[i], s.p, s.q);
                if (d > best) {
                    best = d;
                    farthest = i;
                }
            }
            arc.keep[farthest] = 1;
            ++refined;
        }
        result.restored += refined;
        if (refined == 0) {
            result.unresolved = stuck;
            return result;
        }
    }
}

}  // namespace regio::render
