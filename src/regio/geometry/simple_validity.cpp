#include "regio/geometry/simple_validity.hpp"

#include "regio/geometry/orientation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace regio::geometry {
namespace {

struct Segment {
    Point a, b;
    double xmin, xmax, ymin, ymax;
    std::uint32_t ring;   // index into the rings' edge counts
    std::uint32_t index;  // position among its ring's edges (repeated points skipped)
};

// Closed segments a-b and c-d have a point in common. The caller has checked
// that their boxes overlap, which for collinear segments is the answer.
bool segments_meet(const Point& a, const Point& b, const Point& c, const Point& d) {
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    if (o1 * o2 > 0) return false;
    const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    if (o3 * o4 > 0) return false;
    return true;  // crossing, touching, or collinear with overlapping boxes
}

// first.b == second.a: consecutive edges of a ring. They may only share that
// vertex: collinear and turning back, they overlap.
bool folds_back(const Segment& first, const Segment& second) {
    const Point& p = first.a;
    const Point& q = first.b;
    const Point& r = second.b;
    if (orientation(p, q, r) != 0) return false;
    return (r.x - q.x) * (p.x - q.x) + (r.y - q.y) * (p.y - q.y) > 0;
}

// 1 inside, 0 outside, -1 on the ring (not expected once no rings meet).
int side_of(const Point& p, const Ring& ring) {
    bool in = false;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const Point& a = ring[i];
        const Point& b = ring[i + 1];
        if ((a.y > p.y) == (b.y > p.y)) continue;
        const int o = orientation(a, b, p);
        if (o == 0) return -1;
        // The edge crosses p's horizontal line right of p when p is on the
        // edge's left going up, or on its right going down.
        if ((b.y > a.y) == (o > 0)) in = !in;
    }
    return in ? 1 : 0;
}

Box ring_box(const Ring& ring) {
    Box b;
    for (const Point& p : ring) b.expand(p);
    return b;
}

// The edges of every ring, or false when a ring is not closed, has fewer
// than 3 edges or a coordinate that is not finite.
bool collect(const MultiPolygon& shape, std::vector<Segment>& segments, std::vector<std::uint32_t>& ring_edges) {
    segments.reserve(vertex_count(shape));
    for (const auto& polygon : shape.polygons) {
        if (polygon.rings.empty()) return false;
        for (const auto& ring : polygon.rings) {
            if (ring.size() < 4 || !(ring.front() == ring.back())) return false;
            const auto id = static_cast<std::uint32_t>(ring_edges.size());
            std::uint32_t n = 0;
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const Point& a = ring[i];
                const Point& b = ring[i + 1];
                if (!std::isfinite(a.x) || !std::isfinite(a.y)) return false;
                if (a == b) continue;
                segments.push_back({a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), id, n++});
            }
            if (n < 3) return false;
            ring_edges.push_back(n);
        }
    }
    return true;
}

// No two edges meet, but consecutive ones at their shared vertex: a sweep
// over the edges by their lowest y, comparing each with the edges still
// spanning that height. The active edges' extents are kept beside their
// index, so that the scan over them reads one small array.
bool no_contacts(const std::vector<Segment>& segments, const std::vector<std::uint32_t>& ring_edges) {
    struct Key {
        double ymin;
        std::uint32_t index;
    };
    std::vector<Key> order(segments.size());
    for (std::uint32_t i = 0; i < segments.size(); ++i) order[i] = {segments[i].ymin, i};
    std::sort(order.begin(), order.end(), [](const Key& a, const Key& b) { return a.ymin < b.ymin; });
    struct Active {
        double ymax, xmin, xmax;
        std::uint32_t index;
    };
    std::vector<Active> active;
    for (const Key& key : order) {
        const Segment& s = segments[key.index];
        for (std::size_t k = 0; k < active.size();) {
            const Active& a = active[k];
            if (a.ymax < s.ymin) {  // ended below this height: drop it
                active[k] = active.back();
                active.pop_back();
                continue;
            }
            ++k;
            if (a.xmax < s.xmin || a.xmin > s.xmax) continue;
            const Segment& t = segments[a.index];
            if (s.ring == t.ring) {
                const std::uint32_t n = ring_edges[s.ring];
                if ((s.index + 1) % n == t.index) {
                    if (folds_back(s, t)) return false;
                    continue;
                }
                if ((t.index + 1) % n == s.index) {
                    if (folds_back(t, s)) return false;
                    continue;
                }
            }
            if (segments_meet(s.a, s.b, t.a, t.b)) return false;
        }
        active.push_back({s.ymax, s.xmin, s.xmax, key.index});
    }
    return true;
}

// With no rings meeting, each ring is wholly inside or outside another:
// one vertex tells.
bool rings_nest_properly(const MultiPolygon& shape) {
    std::vector<Box> shells;
    for (const auto& polygon : shape.polygons) shells.push_back(ring_box(polygon.rings[0]));
    for (const auto& polygon : shape.polygons) {
        const Ring& shell = polygon.rings[0];
        std::vector<Box> holes;
        for (std::size_t h = 1; h < polygon.rings.size(); ++h) {
            if (side_of(polygon.rings[h][0], shell) != 1) return false;  // hole outside its shell
            holes.push_back(ring_box(polygon.rings[h]));
        }
        for (std::size_t i = 0; i < holes.size(); ++i)
            for (std::size_t j = 0; j < holes.size(); ++j)
                if (i != j && holes[i].contains(polygon.rings[j + 1][0]) &&
                    side_of(polygon.rings[j + 1][0], polygon.rings[i + 1]) != 0)
                    return false;  // nested holes
    }
    // A shell inside another shell may be an island in a lake (valid) or
    // nested shells (invalid): not decided here.
    for (std::size_t i = 0; i < shape.polygons.size(); ++i)
        for (std::size_t j = 0; j < shape.polygons.size(); ++j) {
            const Point& p = shape.polygons[j].rings[0][0];
            if (i != j && shells[i].contains(p) && side_of(p, shape.polygons[i].rings[0]) != 0) return false;
        }
    return true;
}

}  // namespace

bool certainly_valid(const MultiPolygon& shape) {
    if (shape.empty()) return false;
    std::vector<Segment> segments;
    std::vector<std::uint32_t> ring_edges;
    if (!collect(shape, segments, ring_edges)) return false;
    return no_contacts(segments, ring_edges) && rings_nest_properly(shape);
}

}  // namespace regio::geometry
