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

double distance_to_chord(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len = std::hypot(dx, dy);
    if (len == 0) return std::hypot(p.x - a.x, p.y - a.y);
    return std::abs(dy * (p.x - a.x) - dx * (p.y - a.y)) / len;
}

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

// Simplified copy of an arc, computed in a canonical direction so that both
// users of a shared arc get the same points.
std::vector<Point> simplify_arc(std::vector<Point> arc, double tolerance) {
    const bool reversed = less(arc.back(), arc.front()) ||
                          (arc.back() == arc.front() && arc.size() > 2 && less(arc[arc.size() - 2], arc[1]));
    if (reversed) std::reverse(arc.begin(), arc.end());
    std::vector<char> keep(arc.size(), 0);
    keep.front() = keep.back() = 1;
    if (arc.front() == arc.back() && arc.size() > 3) {
        // A closed loop keeps its farthest point and one more on each side,
        // so it stays a ring.
        std::size_t far = 1;
        for (std::size_t i = 1; i + 1 < arc.size(); ++i)
            if (std::hypot(arc[i].x - arc[0].x, arc[i].y - arc[0].y) > std::hypot(arc[far].x - arc[0].x, arc[far].y - arc[0].y))
                far = i;
        keep[far] = 1;
        douglas_peucker(arc, 0, far, tolerance, keep, true);
        douglas_peucker(arc, far, arc.size() - 1, tolerance, keep, true);
    } else {
        douglas_peucker(arc, 0, arc.size() - 1, tolerance, keep, true);
    }
    std::vector<Point> out;
    for (std::size_t i = 0; i < arc.size(); ++i)
        if (keep[i]) out.push_back(arc[i]);
    if (reversed) std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace

std::vector<geometry::MultiPolygon> simplify_shared(const std::vector<const geometry::MultiPolygon*>& shapes, double tolerance) {
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

    std::vector<geometry::MultiPolygon> out;
    ring_id = 0;
    for (const auto* shape : shapes) {
        geometry::MultiPolygon simplified;
        if (!shape) {
            out.push_back(simplified);
            continue;
        }
        for (const auto& polygon : shape->polygons) {
            geometry::Polygon p;
            for (const auto& input : polygon.rings) {
                const std::size_t self = ring_id++;
                // Distinct consecutive points, closing point dropped.
                std::vector<Point> ring;
                for (const auto& v : input)
                    if (ring.empty() || !(ring.back() == v)) ring.push_back(v);
                if (ring.size() > 1 && ring.front() == ring.back()) ring.pop_back();
                const std::size_t n = ring.size();
                if (n < 3) continue;
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
                geometry::Ring result;
                std::vector<Point> arc{ring[start]};
                for (std::size_t step = 1; step <= n; ++step) {
                    const std::size_t i = (start + step) % n;
                    arc.push_back(ring[i]);
                    if (node[i] || step == n) {
                        const auto s = simplify_arc(arc, tolerance);
                        result.insert(result.end(), s.begin(), s.end() - 1);
                        arc.assign(1, ring[i]);
                    }
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
