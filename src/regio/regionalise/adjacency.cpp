#include "regio/regionalise/adjacency.hpp"

#include "regio/error.hpp"
#include "regio/geometry/geos_context.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace regio::regionalise {
namespace {

using geometry::GeomPtr;
using geometry::GeosContext;

// GEOS views of one unit, made once and reused for every pair it is in.
struct UnitGeos {
    GeomPtr shape;
    GeomPtr boundary;
    geometry::PreparedPtr prepared;
};

class PairTest {
public:
    PairTest(const geometry::RegionSet& units, const AdjacencyOptions& options) : m_units(units), m_options(options) {
        m_geos.resize(units.size());
    }

    bool neighbours(std::size_t a, std::size_t b) {
        GEOSContextHandle_t h = m_ctx.get();
        const UnitGeos& ga = get(a);
        const UnitGeos& gb = get(b);
        const double tol = m_options.tolerance;
        // Most candidates from the box sweep are merely near each other.
        const char near = GEOSPreparedDistanceWithin_r(h, ga.prepared.get(), gb.shape.get(), tol);
        if (near == 2) fail(a, b);
        if (!near) return false;
        GeomPtr shared(GEOSIntersectionPrec_r(h, ga.boundary.get(), gb.boundary.get(), tol), geometry::GeomDeleter{h});
        if (!shared) fail(a, b);
        if (m_options.contiguity == Contiguity::Queen && !GEOSisEmpty_r(h, shared.get())) return true;
        double length = 0;
        if (GEOSLength_r(h, shared.get(), &length) != 1) fail(a, b);
        if (length > tol) return true;
        // Overlapping interiors (a tolerated sliver): the boundaries cross.
        const char overlap = GEOSRelatePattern_r(h, ga.shape.get(), gb.shape.get(), "T********");
        if (overlap == 2) fail(a, b);
        return overlap == 1;
    }

private:
    const UnitGeos& get(std::size_t i) {
        UnitGeos& g = m_geos[i];
        if (g.shape) return g;
        GEOSContextHandle_t h = m_ctx.get();
        g.shape = geometry::to_geos(m_ctx, m_units.shapes[i]);
        g.boundary = GeomPtr(GEOSBoundary_r(h, g.shape.get()), geometry::GeomDeleter{h});
        g.prepared = geometry::PreparedPtr(GEOSPrepare_r(h, g.shape.get()), geometry::PreparedDeleter{h});
        if (!g.boundary || !g.prepared)
            throw GeometryError("GEOS cannot process unit '" + m_units.ids[i] + "': " + m_ctx.last_error(),
                                Where{m_units.file, m_units.layer, {}, feature(i)});
        return g;
    }

    std::optional<std::int64_t> feature(std::size_t i) const {
        if (i < m_units.feature_ids.size()) return m_units.feature_ids[i];
        return std::nullopt;
    }

    [[noreturn]] void fail(std::size_t a, std::size_t b) const {
        throw GeometryError("GEOS failed comparing units '" + m_units.ids[a] + "' and '" + m_units.ids[b] +
                                "': " + m_ctx.last_error(),
                            Where{m_units.file, m_units.layer});
    }

    const geometry::RegionSet& m_units;
    AdjacencyOptions m_options;
    GeosContext m_ctx;
    std::vector<UnitGeos> m_geos;
};

}  // namespace

Neighbours build_adjacency(const geometry::RegionSet& units, const AdjacencyOptions& options) {
    if (!(options.tolerance > 0)) throw UsageError("the adjacency tolerance must be positive");
    const std::size_t n = units.size();
    const double tol = options.tolerance;
    std::vector<geometry::Box> boxes(n);
    std::vector<std::size_t> by_x;
    for (std::size_t i = 0; i < n; ++i) {
        boxes[i] = geometry::bounds(units.shapes[i]);
        if (boxes[i].empty()) continue;
        boxes[i].xmin -= tol;
        boxes[i].ymin -= tol;
        boxes[i].xmax += tol;
        boxes[i].ymax += tol;
        by_x.push_back(i);
    }
    std::stable_sort(by_x.begin(), by_x.end(), [&](std::size_t a, std::size_t b) { return boxes[a].xmin < boxes[b].xmin; });

    PairTest test(units, options);
    Neighbours out(n);
    for (std::size_t p = 0; p < by_x.size(); ++p) {
        const std::size_t a = by_x[p];
        for (std::size_t q = p + 1; q < by_x.size() && boxes[by_x[q]].xmin <= boxes[a].xmax; ++q) {
            const std::size_t b = by_x[q];
            if (!boxes[a].intersects(boxes[b]) || !test.neighbours(a, b)) continue;
            out[a].push_back(b);
            out[b].push_back(a);
        }
    }
    for (auto& list : out) std::sort(list.begin(), list.end());
    return out;
}

}  // namespace regio::regionalise
