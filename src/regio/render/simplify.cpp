#include "regio/render/simplify.hpp"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <map>
#include <unordered_map>

namespace regio::render {
namespace {

using geometry::Point;

struct PointHash {
    std::size_t operator()(const Point& p) const {
        return std::hash<double>{}(p.x) * 1000003u ^ std::hash<double>{}(p.y);
    }
};
bool less(const Point& a, const Point& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; }

struct EdgeKey {
    Point a, b;  // a < b
    bool operator==(const EdgeKey& o) const { return a == o.a && b == o.b; }
};
struct EdgeHash {
    std::size_t operator()(const EdgeKey& e) const { return PointHash{}(e.a) * 31u ^ PointHash{}(e.b); }
};
EdgeKey key(const Point& p, const Point& q) { return less(p, q) ? EdgeKey{p, q} : EdgeKey{q, p}; }

// Douglas-Peucker on pts[first..last], marking kept points; the farthest
// point is always kept once (so arcs do not collapse to their chord).
void douglas_peucker(const std::vector<Point>& pts, std::size_t first, std::size_t last, double tolerance,
                     std::vector<char>& keep, bool force) {
    if (last <= first + 1) return;
    double best = -1;
    std::size_t index = first;
    for (std::size_t i = first + 1; i < last; ++i) {
        const double d = distance_to_chord(pts[i], pts[first], pts[last]);
        if (d > best) {
            best = d;
            index = i;
        }
    }
    if (best <= tolerance && !force) return;
    keep[index] = 1;
    douglas_peucker(pts, first, index, tolerance, keep, false);
    douglas_peucker(pts, index, last, tolerance, keep, false);
}

// An arc in its canonical direction (so that both users of a shared arc
// find the same one) with its Douglas-Peucker keep mask.
SimplifiedArc simplify_arc(std::vector<Point> arc, double tolerance) {
    SimplifiedArc out;
    out.keep.assign(arc.size(), 0);
    out.keep.front() = out.keep.back() = 1;
    if (arc.front() == arc.back() && arc.size() > 3) {
        // A closed loop keeps its farthest point and one more on each side,
        // so it stays a ring.
        std::size_t far = 1;
        for (std::size_t i = 1; i + 1 < arc.size(); ++i)
            if (std::hypot(arc[i].x - arc[0].x, arc[i].y - arc[0].y) > std::hypot(arc[far].x - arc[0].x, arc[far].y - arc[0].y))
                far = i;
        out.keep[far] = 1;
        douglas_peucker(arc, 0, far, tolerance, out.keep, true);
        douglas_peucker(arc, far, arc.size() - 1, tolerance, out.keep, true);
    } else {
        douglas_peucker(arc, 0, arc.size() - 1, tolerance, out.keep, true);
    }
    out.points = std::move(arc);
    return out;
}

bool canonical_reversed(const std::vector<Point>& arc) {
    return less(arc.back(), arc.front()) || (arc.back() == arc.front() && arc.size() > 2 && less(arc[arc.size() - 2], arc[1]));
}

// A ring as a sequence of arcs, each used forwards or backwards.
struct ArcUse {
    std::size_t arc;
    bool reversed;
};
struct RingArcs {
    std::vector<ArcUse> arcs;
    bool keep = false;  // a ring of at least three distinct points
};

}  // namespace

std::vector<geometry::MultiPolygon> simplify_shared(const std::vector<const geometry::MultiPolygon*>& shapes, double tolerance,
                                                    TopologyRepair* repair) {
    // Who uses each edge, and how many distinct edges meet at each vertex.
    std::unordered_map<EdgeKey, std::vector<std::size_t>, EdgeHash> users;  // ring ids
    std::size_t ring_id = 0;
    for (const auto* shape : shapes) {
        if (!shape) continue;
        for (const auto& polygon : shape->polygons)
            for (const auto& ring : polygon.rings) {
                for (std::size_t i = 0; i + 1 < ring.size(); ++i)
                    if (!(ring[i] == ring[i + 1])) users[key(ring[i], ring[i + 1])].push_back(ring_id);
                ++ring_id;
            }
    }
    std::unordered_map<Point, int, PointHash> degree;
    for (const auto& [e, u] : users) {
        ++degree[e.a];
        ++degree[e.b];
    }
    auto other_side = [&](const Point& p, const Point& q, std::size_t self) -> std::int64_t {
        const auto& u = users.at(key(p, q));
        for (const auto r : u)
            if (r != self) return static_cast<std::int64_t>(r);
        return -1;
    };

    // 1. Cut every ring into arcs; a shared arc is stored once (keyed by its
    // first edge in canonical direction: an edge belongs to one arc only).
    std::vector<SimplifiedArc> arcs;
    std::unordered_map<EdgeKey, std::size_t, EdgeHash> arc_of_first_edge;
    std::vector<RingArcs> rings;
    std::vector<Point> probes;  // a kept point of each ring
    ring_id = 0;
    for (const auto* shape : shapes) {
        if (!shape) continue;
        for (const auto& polygon : shape->polygons)
            for (const auto& input : polygon.rings) {
                const std::size_t self = ring_id++;
                RingArcs& uses = rings.emplace_back();
                // Distinct consecutive points, closing point dropped.
                std::vector<Point> ring;
                for (const auto& v : input)
                    if (ring.empty() || !(ring.back() == v)) ring.push_back(v);
                if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
                const std::size_t n = ring.size();
                if (n < 3) continue;
                uses.keep = true;
                std::vector<char> node(n, 0);
                for (std::size_t i = 0; i < n; ++i) {
                    const Point& prev = ring[(i + n - 1) % n];
                    const Point& next = ring[(i + 1) % n];
                    node[i] = degree[ring[i]] > 2 || other_side(prev, ring[i], self) != other_side(ring[i], next, self);
                }
                // Start at a node (or, for a ring without any, at its smallest
                // vertex, so both users of a closed shared loop agree).
                std::size_t start = n;
                for (std::size_t i = 0; i < n && start == n; ++i)
                    if (node[i]) start = i;
                if (start == n) {
                    start = 0;
                    for (std::size_t i = 1; i < n; ++i)
                        if (less(ring[i], ring[start])) start = i;
                }
                probes.push_back(ring[start]);
                std::vector<Point> arc{ring[start]};
                for (std::size_t step = 1; step <= n; ++step) {
                    const std::size_t i = (start + step) % n;
                    arc.push_back(ring[i]);
                    if (node[i] || step == n) {
                        const bool reversed = canonical_reversed(arc);
                        if (reversed) std::reverse(arc.begin(), arc.end());
                        const auto [it, fresh] = arc_of_first_edge.try_emplace(key(arc[0], arc[1]), arcs.size());
                        if (fresh) arcs.push_back(simplify_arc(arc, tolerance));
                        uses.arcs.push_back({it->second, reversed});
                        arc.assign(1, ring[i]);
                    }
                }
            }
    }

    // 2. Shortcuts that cross, touch or swallow another part go back.
    const TopologyRepair repaired = repair_arc_topology(arcs, probes);
    if (repair) *repair = repaired;

    // 3. Rings from their arcs' kept points.
    std::vector<geometry::MultiPolygon> out;
    std::size_t next_ring = 0;
    for (const auto* shape : shapes) {
        geometry::MultiPolygon simplified;
        if (!shape) {
            out.push_back(simplified);
            continue;
        }
        for (const auto& polygon : shape->polygons) {
            geometry::Polygon p;
            for (std::size_t k = 0; k < polygon.rings.size(); ++k) {
                const RingArcs& uses = rings[next_ring++];
                if (!uses.keep) continue;
                geometry::Ring result;
                for (const ArcUse& use : uses.arcs) {
                    const SimplifiedArc& arc = arcs[use.arc];
                    std::vector<Point> kept;
                    for (std::size_t i = 0; i < arc.points.size(); ++i)
                        if (arc.keep[i]) kept.push_back(arc.points[i]);
                    if (use.reversed) std::reverse(kept.begin(), kept.end());
                    result.insert(result.end(), kept.begin(), kept.end() - 1);
                }
                result.push_back(result.front());
                if (result.size() >= 4) p.rings.push_back(std::move(result));
            }
            if (!p.rings.empty()) simplified.polygons.push_back(std::move(p));
        }
        out.push_back(std::move(simplified));
    }
    return out;
}

}  // namespace regio::render
