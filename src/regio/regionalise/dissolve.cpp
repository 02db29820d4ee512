#include "regio/regionalise/dissolve.hpp"

#include "regio/error.hpp"
#include "regio/geometry/geos_context.hpp"

namespace regio::regionalise {

std::vector<geometry::MultiPolygon> dissolve(const std::vector<geometry::MultiPolygon>& shapes,
                                             const std::vector<std::vector<std::size_t>>& members) {
    geometry::GeosContext ctx;
    GEOSContextHandle_t h = ctx.get();
    std::vector<geometry::MultiPolygon> out;
    out.reserve(members.size());
    for (const auto& region : members) {
        if (region.size() == 1) {
            out.push_back(shapes[region[0]]);
            continue;
        }
        // The collection takes ownership of its parts only once it exists:
        // until then they stay in GeomPtrs.
        std::vector<geometry::GeomPtr> parts;
        for (std::size_t u : region)
            if (!shapes[u].empty()) parts.push_back(geometry::to_geos(ctx, shapes[u]));
        std::vector<GEOSGeometry*> raw;
        for (auto& p : parts) raw.push_back(p.get());
        geometry::GeomPtr collection(
            GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size())),
            geometry::GeomDeleter{h});
        if (!collection) throw GeometryError("cannot collect the units of a region: " + ctx.last_error());
        for (auto& p : parts) (void)p.release();
        geometry::GeomPtr merged(GEOSUnaryUnion_r(h, collection.get()), geometry::GeomDeleter{h});
        if (!merged) throw GeometryError("cannot dissolve the units of a region: " + ctx.last_error());
        out.push_back(geometry::from_geos(ctx, merged.get()));
    }
    return out;
}

}  // namespace regio::regionalise
