#include "regio/geometry/intersection.hpp"

#include "regio/error.hpp"
#include "regio/geometry/geos_context.hpp"
#include "regio/parallel.hpp"

#include <memory>

namespace regio::geometry {

std::vector<MultiPolygon> intersections(const std::vector<MultiPolygon>& a, const std::vector<MultiPolygon>& b,
                                        const std::vector<std::pair<std::size_t, std::size_t>>& pairs, unsigned threads) {
    threads = std::max(1u, threads);
    std::vector<std::unique_ptr<GeosContext>> contexts;
    for (unsigned t = 0; t < threads; ++t) contexts.push_back(std::make_unique<GeosContext>());
    std::vector<MultiPolygon> out(pairs.size());
    parallel_for(pairs.size(), threads, [&](std::size_t k, unsigned t) {
        const GeosContext& ctx = *contexts[t];
        GeomPtr ga = to_geos(ctx, a[pairs[k].first]);
        GeomPtr gb = to_geos(ctx, b[pairs[k].second]);
        GeomPtr both(GEOSIntersection_r(ctx.get(), ga.get(), gb.get()), GeomDeleter{ctx.get()});
        if (!both) throw GeometryError("cannot intersect two regions: " + ctx.last_error());
        out[k] = from_geos(ctx, both.get());
    });
    return out;
}

}  // namespace regio::geometry
