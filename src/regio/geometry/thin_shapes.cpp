#include "regio/geometry/thin_shapes.hpp"

#include "regio/error.hpp"
#include "regio/geometry/geos_context.hpp"
#include "regio/parallel.hpp"

#include <memory>

namespace regio::geometry {

std::vector<char> thinner_than(const std::vector<MultiPolygon>& shapes, double width, unsigned threads) {
    threads = std::max(1u, threads);
    std::vector<std::unique_ptr<GeosContext>> contexts;
    for (unsigned t = 0; t < threads; ++t) contexts.push_back(std::make_unique<GeosContext>());
    std::vector<char> out(shapes.size(), 1);
    parallel_for(shapes.size(), threads, [&](std::size_t k, unsigned t) {
        if (shapes[k].polygons.empty()) return;
        const GeosContext& ctx = *contexts[t];
        GeomPtr shape = to_geos(ctx, shapes[k]);
        // Few quadrant segments: only emptiness matters, and a coarse arc
        // errs by less than 2 % of the distance.
        GeomPtr inner(GEOSBuffer_r(ctx.get(), shape.get(), -0.5 * width, 2), GeomDeleter{ctx.get()});
        if (!inner) throw GeometryError("cannot buffer a crosswalk piece inwards: " + ctx.last_error());
        double area = 0;
        if (GEOSisEmpty_r(ctx.get(), inner.get()) == 0 && GEOSArea_r(ctx.get(), inner.get(), &area) != 1)
            throw GeometryError("cannot measure a buffered crosswalk piece: " + ctx.last_error());
        out[k] = area > 0 ? 0 : 1;
    });
    return out;
}

}  // namespace regio::geometry
