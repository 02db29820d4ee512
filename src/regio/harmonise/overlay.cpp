#include "regio/harmonise/overlay.hpp"

#include "regio/geometry/identical_shapes.hpp"
#include "regio/geometry/intersection.hpp"
#include "regio/geometry/orientation.hpp"
#include "regio/geometry/point_locator.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <limits>
#include <map>
#include <optional>
#include <thread>

namespace regio::harmonise {
namespace {

using geometry::Point;

// A directed edge with its region's interior on the left.
struct DirectedEdge {
    Point a;
    Point b;
    std::uint32_t region;
};

double twice_signed_area(const geometry::Ring& ring) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        sum += (ring[i].x - ring[0].x) * (ring[i + 1].y - ring[0].y) - (ring[i + 1].x - ring[0].x) * (ring[i].y - ring[0].y);
    return sum;
}

// Edges oriented so that the shape's interior is on their left: outer rings
// counter-clockwise, holes clockwise, whatever the input's winding.
void append_directed_edges(const geometry::MultiPolygon& shape, std::uint32_t region, std::vector<DirectedEdge>& out) {
    for (const auto& polygon : shape.polygons)
        for (std::size_t k = 0; k < polygon.rings.size(); ++k) {
            const auto& ring = polygon.rings[k];
            const double area2 = twice_signed_area(ring);
            if (area2 == 0) continue;
            const bool forward = (k == 0) == (area2 > 0);
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                if (ring[i] == ring[i + 1]) continue;
                out.push_back(forward ? DirectedEdge{ring[i], ring[i + 1], region} : DirectedEdge{ring[i + 1], ring[i], region});
            }
        }
}

std::vector<DirectedEdge> directed_edges(const geometry::RegionSet& set) {
    std::vector<DirectedEdge> out;
    std::size_t vertices = 0;
    for (const auto& shape : set.shapes) vertices += geometry::vertex_count(shape);
    out.reserve(vertices);
    for (std::uint32_t r = 0; r < set.size(); ++r) append_directed_edges(set.shapes[r], r, out);
    return out;
}

// A uniform grid over edges: each cell lists the edges whose bounding boxes
// touch it.
class EdgeGrid {
public:
    EdgeGrid(const std::vector<DirectedEdge>& edges, const geometry::Box& box) : m_box(box) {
        // Cells about twice the typical edge length, so an edge meets few
        // others per cell; at most 4M cells however sparse the extent.
        std::vector<double> lengths;
        for (std::size_t i = 0; i < edges.size(); i += std::max<std::size_t>(1, edges.size() / 1000))
            lengths.push_back(std::hypot(edges[i].b.x - edges[i].a.x, edges[i].b.y - edges[i].a.y));
        std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2), lengths.end());
        const double typical = lengths.empty() ? 1.0 : lengths[lengths.size() / 2];
        const double w = std::max(box.width(), 1e-9), h = std::max(box.height(), 1e-9);
        m_size = std::max({2.0 * typical, std::sqrt(w * h / 4e6), 1e-9});
        m_nx = std::max<std::int64_t>(1, static_cast<std::int64_t>(w / m_size) + 1);
        m_ny = std::max<std::int64_t>(1, static_cast<std::int64_t>(h / m_size) + 1);
        std::vector<std::uint32_t> count(static_cast<std::size_t>(m_nx * m_ny) + 1, 0);
        for_each_cell(edges, [&](std::size_t cell, std::uint32_t) { ++count[cell + 1]; });
        for (std::size_t i = 1; i < count.size(); ++i) count[i] += count[i - 1];
        m_begin = count;
        m_items.resize(count.back());
        for_each_cell(edges, [&](std::size_t cell, std::uint32_t e) { m_items[count[cell]++] = e; });
    }
    template <class Fn>
    void for_cells(const DirectedEdge& e, Fn fn) const {
        const auto [x0, x1] = std::minmax(e.a.x, e.b.x);
        const auto [y0, y1] = std::minmax(e.a.y, e.b.y);
        for (std::int64_t cy = cell_y(y0); cy <= cell_y(y1); ++cy)
            for (std::int64_t cx = cell_x(x0); cx <= cell_x(x1); ++cx) fn(static_cast<std::size_t>(cy * m_nx + cx));
    }
    [[nodiscard]] std::uint32_t begin(std::size_t cell) const { return m_begin[cell]; }
    [[nodiscard]] std::uint32_t end(std::size_t cell) const { return m_begin[cell + 1]; }
    [[nodiscard]] std::uint32_t item(std::uint32_t i) const { return m_items[i]; }

private:
    template <class Fn>
    void for_each_cell(const std::vector<DirectedEdge>& edges, Fn fn) const {
        for (std::uint32_t i = 0; i < edges.size(); ++i) for_cells(edges[i], [&](std::size_t cell) { fn(cell, i); });
    }
    [[nodiscard]] std::int64_t cell_x(double x) const {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((x - m_box.xmin) / m_size)), 0, m_nx - 1);
    }
    [[nodiscard]] std::int64_t cell_y(double y) const {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((y - m_box.ymin) / m_size)), 0, m_ny - 1);
    }
    geometry::Box m_box;
    double m_size = 1;
    std::int64_t m_nx = 1, m_ny = 1;
    std::vector<std::uint32_t> m_begin, m_items;
};

// Parameters t in (0,1) along e where it meets f: a proper crossing, an
// endpoint of f on e, or the ends of a collinear overlap.
void split_points(const DirectedEdge& e, const DirectedEdge& f, std::vector<double>& ts) {
    // Shared edges (the common case between vintages) need no split.
    if ((f.a == e.a && f.b == e.b) || (f.a == e.b && f.b == e.a)) return;
    // An endpoint shared with e is on e's line: no predicate needed.
    const int o1 = (f.a == e.a || f.a == e.b) ? 0 : geometry::orientation(e.a, e.b, f.a);
    const int o2 = (f.b == e.a || f.b == e.b) ? 0 : geometry::orientation(e.a, e.b, f.b);
    const double dx = e.b.x - e.a.x, dy = e.b.y - e.a.y;
    const double len2 = dx * dx + dy * dy;
    auto param = [&](const Point& p) { return ((p.x - e.a.x) * dx + (p.y - e.a.y) * dy) / len2; };
    auto on_e = [&](const Point& p) {
        return p.x >= std::min(e.a.x, e.b.x) && p.x <= std::max(e.a.x, e.b.x) && p.y >= std::min(e.a.y, e.b.y) &&
               p.y <= std::max(e.a.y, e.b.y);
    };
    if (o1 == 0 && on_e(f.a)) ts.push_back(param(f.a));
    if (o2 == 0 && on_e(f.b)) ts.push_back(param(f.b));
    if (o1 == 0 || o2 == 0 || o1 == o2) return;  // touching handled above, or no crossing
    const int o3 = geometry::orientation(f.a, f.b, e.a);
    const int o4 = geometry::orientation(f.a, f.b, e.b);
    if (o3 == 0 || o4 == 0 || o3 == o4) return;
    // Proper crossing: solve e.a + t (e.b - e.a) on the line of f.
    const double fx = f.b.x - f.a.x, fy = f.b.y - f.a.y;
    const double denom = dx * fy - dy * fx;
    ts.push_back(((f.a.x - e.a.x) * fy - (f.a.y - e.a.y) * fx) / denom);
}

struct Piece {
    Point a;
    Point b;
    std::uint32_t own;    // region of the edge's own set
    std::uint32_t other;  // region of the other set it bounds
};

// Splits the edges of `edges` at the edges of `others`, and finds for each
// piece the regions of the other set on its interior side (several where
// that set's regions overlap). With skip_shared, a piece counts for a region
// only when it lies strictly inside it (the region is on both sides), not on
// its boundary.
std::vector<Piece> pieces_of(const std::vector<DirectedEdge>& edges, const std::vector<DirectedEdge>& others,
                             const EdgeGrid& other_grid, const geometry::PointLocator& other_locator, bool skip_shared,
                             unsigned threads) {
    // Pieces are kept per chunk of edges and joined in chunk order, so that the
    // sums made from them do not depend on which thread took which chunk.
    constexpr std::size_t kChunk = 4096;
    std::vector<std::vector<Piece>> parts((edges.size() + kChunk - 1) / kChunk);
    std::atomic<std::size_t> next{0};
    auto work = [&](unsigned) {
        std::vector<double> ts;
        std::vector<std::uint32_t> seen;
        std::vector<std::int32_t> left, right;
        std::vector<std::uint32_t> stamp(others.size(), UINT32_MAX);  // last edge that listed each other edge
        for (std::size_t begin = next.fetch_add(kChunk); begin < edges.size(); begin = next.fetch_add(kChunk))
            for (std::size_t i = begin; i < std::min(edges.size(), begin + kChunk); ++i) {
                const DirectedEdge& e = edges[i];
                ts.assign({0.0, 1.0});
                seen.clear();
                other_grid.for_cells(e, [&](std::size_t cell) {
                    for (std::uint32_t k = other_grid.begin(cell); k < other_grid.end(cell); ++k) {
                        const std::uint32_t f = other_grid.item(k);
                        if (stamp[f] == i) continue;
                        stamp[f] = static_cast<std::uint32_t>(i);
                        seen.push_back(f);
                    }
                });
                for (const std::uint32_t k : seen) {
                    const DirectedEdge& f = others[k];
                    if (std::max(f.a.x, f.b.x) < std::min(e.a.x, e.b.x) || std::min(f.a.x, f.b.x) > std::max(e.a.x, e.b.x) ||
                        std::max(f.a.y, f.b.y) < std::min(e.a.y, e.b.y) || std::min(f.a.y, f.b.y) > std::max(e.a.y, e.b.y))
                        continue;
                    split_points(e, f, ts);
                }
                std::sort(ts.begin(), ts.end());
                for (std::size_t k = 0; k + 1 < ts.size(); ++k) {
                    const double t0 = std::clamp(ts[k], 0.0, 1.0), t1 = std::clamp(ts[k + 1], 0.0, 1.0);
                    if (t1 <= t0) continue;
                    const Point p0 = t0 == 0.0 ? e.a : Point{e.a.x + t0 * (e.b.x - e.a.x), e.a.y + t0 * (e.b.y - e.a.y)};
                    const Point p1 = t1 == 1.0 ? e.b : Point{e.a.x + t1 * (e.b.x - e.a.x), e.a.y + t1 * (e.b.y - e.a.y)};
                    if (p0 == p1) continue;
                    // Probe beside the piece's middle, on each side. The offset
                    // is far below any real feature and above rounding noise.
                    const Point mid{0.5 * (p0.x + p1.x), 0.5 * (p0.y + p1.y)};
                    const double len = std::hypot(p1.x - p0.x, p1.y - p0.y);
                    const double offset = std::max(1e-6 * len, 64 * std::numeric_limits<double>::epsilon() *
                                                                    (std::abs(mid.x) + std::abs(mid.y)));
                    const double nx = -(p1.y - p0.y) / len * offset, ny = (p1.x - p0.x) / len * offset;
                    other_locator.locate_all({mid.x + nx, mid.y + ny}, left);
                    if (skip_shared) other_locator.locate_all({mid.x - nx, mid.y - ny}, right);
                    for (const std::int32_t r : left)
                        if (!skip_shared || std::find(right.begin(), right.end(), r) != right.end())
                            parts[i / kChunk].push_back({p0, p1, e.region, static_cast<std::uint32_t>(r)});
                }
            }
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    pool.clear();
    std::vector<Piece> all;
    for (auto& p : parts) all.insert(all.end(), p.begin(), p.end());
    return all;
}

// The edges of `edges` (all of one set, grouped by region) that can meet an
// edge of the other set's units in `active`: those of regions whose bounding
// box meets an active unit's. Splitting needs no others, and the edge grid
// over them stays small when only a few units changed.
std::vector<DirectedEdge> edges_near(const std::vector<DirectedEdge>& edges, const geometry::RegionSet& set,
                                     const geometry::RegionSet& other, const std::vector<char>& active) {
    std::vector<geometry::Box> active_boxes;
    for (std::size_t r = 0; r < other.size(); ++r)
        if (active[r]) active_boxes.push_back(geometry::bounds(other.shapes[r]));
    std::vector<char> near(set.size(), 0);
    for (std::size_t r = 0; r < set.size(); ++r) {
        const geometry::Box b = geometry::bounds(set.shapes[r]);
        near[r] = std::any_of(active_boxes.begin(), active_boxes.end(), [&](const geometry::Box& a) { return a.intersects(b); });
    }
    std::vector<DirectedEdge> out;
    for (const auto& e : edges)
        if (near[e.region]) out.push_back(e);
    return out;
}

geometry::Box edge_bounds(const std::vector<DirectedEdge>& edges) {
    geometry::Box box;
    for (const auto& e : edges) {
        box.expand(e.a);
        box.expand(e.b);
    }
    if (box.empty()) box = geometry::Box{0, 0, 1, 1};  // no edges: any finite box
    return box;
}

double area_term(const Point& a, const Point& b, const Point& origin) {
    // ∫ x dy along a->b, with x measured from the origin for precision.
    return 0.5 * ((a.x - origin.x) + (b.x - origin.x)) * (b.y - a.y);
}

std::vector<double> region_areas(const geometry::RegionSet& set, const std::vector<DirectedEdge>& edges, const Point& origin) {
    std::vector<double> areas(set.size(), 0.0);
    for (const auto& e : edges) areas[e.region] += area_term(e.a, e.b, origin);
    return areas;
}

// One set's edges as the overlay needs them: all (for the areas), those of
// its changed units (to split), those near the other set's changed units (to
// split against) and a grid over the latter.
struct SideEdges {
    std::vector<DirectedEdge> all;
    std::vector<double> areas;
    std::vector<DirectedEdge> changed;
    std::vector<DirectedEdge> near_other_changes;
    std::optional<EdgeGrid> grid;
};

SideEdges side_edges(const geometry::RegionSet& set, const geometry::RegionSet& other, const std::vector<char>& set_changed,
                     const std::vector<char>& other_changed, const Point& origin) {
    SideEdges side;
    side.all = directed_edges(set);
    side.areas = region_areas(set, side.all, origin);
    for (const auto& e : side.all)
        if (set_changed[e.region]) side.changed.push_back(e);
    side.near_other_changes = edges_near(side.all, set, other, other_changed);
    side.grid.emplace(side.near_other_changes, edge_bounds(side.near_other_changes));
    return side;
}

}  // namespace

OverlayResult overlay(const geometry::RegionSet& from, const geometry::RegionSet& to, unsigned threads,
                      const geometry::PointLocator* from_locator, const geometry::PointLocator* to_locator,
                      const std::vector<std::int64_t>* partners, const OverlappingUnits* overlapping) {
    threads = std::max(1u, threads);
    geometry::Box box;
    for (const auto& s : from.shapes) box.expand(geometry::bounds(s));
    for (const auto& s : to.shapes) box.expand(geometry::bounds(s));
    OverlayResult result;
    if (box.empty()) {
        result.from_area.assign(from.size(), 0.0);
        result.to_area.assign(to.size(), 0.0);
        return result;
    }
    const Point origin{box.xmin, box.ymin};

    // Units whose geometry is bit-identical in both vintages (unchanged or only
    // recoded: most units between two releases) are their own piece: a ∩ b = a.
    // Their edges need no splitting and no location, which is most of the work.
    // (Tolerated sliver overlaps of such a unit with a neighbour are not
    // measured: they would be dropped as slivers anyway.)
    const std::vector<std::int64_t> partner = partners ? *partners : geometry::identical_partners(from, to);
    std::vector<char> from_changed(from.size(), 0), to_changed(to.size(), 1);
    for (std::size_t i = 0; i < from.size(); ++i) {
        from_changed[i] = partner[i] < 0;
        if (partner[i] >= 0) to_changed[static_cast<std::size_t>(partner[i])] = 0;
    }
    // The two sets' edges are prepared side by side (all sequential work).
    auto to_side_ready = std::async(threads > 1 ? std::launch::async : std::launch::deferred,
                                    [&] { return side_edges(to, from, to_changed, from_changed, origin); });
    const SideEdges from_side = side_edges(from, to, from_changed, to_changed, origin);
    const SideEdges to_side = to_side_ready.get();
    result.from_area = from_side.areas;
    result.to_area = to_side.areas;

    std::optional<geometry::PointLocator> own_from, own_to;
    if (!from_locator) from_locator = &own_from.emplace(from.shapes);
    if (!to_locator) to_locator = &own_to.emplace(to.shapes);
    // Pieces of `from` edges bound from ∩ (the `to` region on their inside);
    // pieces of `to` edges count only strictly inside a `from` region.
    const std::vector<Piece> from_pieces =
        pieces_of(from_side.changed, to_side.near_other_changes, *to_side.grid, *to_locator, false, threads);
    const std::vector<Piece> to_pieces =
        pieces_of(to_side.changed, from_side.near_other_changes, *from_side.grid, *from_locator, true, threads);

    // An unchanged unit's pair is the unit itself: its edges (consecutive in
    // from_side.all, grouped by region) are the pair's boundary.
    for (std::size_t k = 0; k < from_side.all.size();) {
        const std::uint32_t r = from_side.all[k].region;
        std::size_t end = k;
        while (end < from_side.all.size() && from_side.all[end].region == r) ++end;
        if (partner[r] >= 0) {
            OverlayPair pair{r, static_cast<std::uint32_t>(partner[r]), 0.0, {}};
            pair.boundary.reserve(end - k);
            for (std::size_t e = k; e < end; ++e) pair.boundary.push_back({from_side.all[e].a, from_side.all[e].b});
            pair.area = from_side.areas[r];
            result.pairs.push_back(std::move(pair));
        }
        k = end;
    }

    // A unit identical in both sets whose copy in one set overlaps another
    // unit there (a tolerated digitising sliver) also overlaps that unit's
    // counterpart: with a' = a, a ∩ b' is the overlap of a' and b' in `to`,
    // and b ∩ a' that of b and a in `from`. Its edges skipped the overlay, so
    // such pairs would only get half their boundary: they are measured from
    // the overlapping pairs the caller lists (GEOS intersections of a handful
    // of small pieces) and replace whatever the pieces gave them.
    std::map<std::pair<std::uint32_t, std::uint32_t>, geometry::MultiPolygon> exact;
    if (overlapping) {
        std::vector<std::int64_t> to_partner(to.size(), -1);
        for (std::size_t i = 0; i < partner.size(); ++i)
            if (partner[i] >= 0) to_partner[static_cast<std::size_t>(partner[i])] = static_cast<std::int64_t>(i);
        auto measure = [&](const geometry::RegionSet& set, const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                           auto key_of) {
            std::vector<std::pair<std::size_t, std::size_t>> wanted;
            std::vector<std::pair<std::uint32_t, std::uint32_t>> keys;
            for (const auto& [i, j] : pairs)
                for (const auto& [x, y] : {std::pair{i, j}, std::pair{j, i}})
                    if (const auto key = key_of(x, y); key && !exact.count(*key)) {
                        wanted.emplace_back(x, y);
                        keys.push_back(*key);
                    }
            const auto parts = geometry::intersections(set.shapes, set.shapes, wanted, threads);
            for (std::size_t k = 0; k < parts.size(); ++k) exact.emplace(keys[k], parts[k]);
        };
        using Key = std::optional<std::pair<std::uint32_t, std::uint32_t>>;
        // In `from`: x unchanged, y any: the pair (y, x's partner) is y ∩ x.
        measure(from, overlapping->from, [&](std::size_t x, std::size_t y) -> Key {
            if (partner[x] < 0) return std::nullopt;
            return std::pair{static_cast<std::uint32_t>(y), static_cast<std::uint32_t>(partner[x])};
        });
        // In `to`: x unchanged (the partner of a `from` unit), y any: the pair
        // (x's partner, y) is x ∩ y.
        measure(to, overlapping->to, [&](std::size_t x, std::size_t y) -> Key {
            if (to_partner[x] < 0) return std::nullopt;
            return std::pair{static_cast<std::uint32_t>(to_partner[x]), static_cast<std::uint32_t>(y)};
        });
    }

    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> index;
    // Pieces come in runs of one pair (a unit's edges in a row): the last pair
    // is remembered instead of looked up again.
    std::pair<std::uint32_t, std::uint32_t> last_key{UINT32_MAX, UINT32_MAX};
    std::size_t last_pair = 0;
    auto add = [&](std::uint32_t f, std::uint32_t t, const Piece& p) {
        if (last_key != std::pair{f, t}) {
            auto [it, fresh] = index.try_emplace({f, t}, result.pairs.size());
            if (fresh) result.pairs.push_back({f, t, 0.0, {}});
            last_key = {f, t};
            last_pair = it->second;
        }
        OverlayPair& pair = result.pairs[last_pair];
        pair.area += area_term(p.a, p.b, origin);
        pair.boundary.push_back({p.a, p.b});
    };
    for (const Piece& p : from_pieces)
        if (!exact.count({p.own, p.other})) add(p.own, p.other, p);
    for (const Piece& p : to_pieces)
        if (!exact.count({p.other, p.own})) add(p.other, p.own, p);
    for (const auto& [key, shape] : exact) {
        std::vector<DirectedEdge> edges;
        append_directed_edges(shape, 0, edges);
        OverlayPair pair{key.first, key.second, 0.0, {}};
        for (const auto& e : edges) {
            pair.area += area_term(e.a, e.b, origin);
            pair.boundary.push_back({e.a, e.b});
        }
        result.pairs.push_back(std::move(pair));
    }

    // Pairs that only touch along a line have zero area: drop them.
    std::erase_if(result.pairs, [](const OverlayPair& p) { return !(p.area > 0); });
    std::sort(result.pairs.begin(), result.pairs.end(),
              [](const OverlayPair& a, const OverlayPair& b) { return a.from != b.from ? a.from < b.from : a.to < b.to; });
    return result;
}

}  // namespace regio::harmonise
