#include "regio/geometry/shape_union.hpp"

#include "regio/error.hpp"
#include "regio/geometry/geos_context.hpp"

namespace regio::geometry {

ShapeUnion::ShapeUnion() : m_ctx(std::make_unique<GeosContext>()) {}
ShapeUnion::~ShapeUnion() = default;

MultiPolygon ShapeUnion::of(const std::vector<const MultiPolygon*>& shapes) {
    const GeosContext& ctx = *m_ctx;
    GEOSContextHandle_t h = ctx.get();
    // The collection takes ownership of its parts only once it exists: until
    // then they stay in GeomPtrs.
    std::vector<GeomPtr> parts;
    for (const MultiPolygon* shape : shapes)
        if (!shape->empty()) parts.push_back(to_geos(ctx, *shape));
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.get());
    GeomPtr collection(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size())),
                       GeomDeleter{h});
    if (!collection) throw GeometryError("cannot collect the units of a region: " + ctx.last_error());
    for (auto& p : parts) (void)p.release();
    GeomPtr merged(GEOSUnaryUnion_r(h, collection.get()), GeomDeleter{h});
    if (!merged) throw GeometryError("cannot dissolve the units of a region: " + ctx.last_error());
    return from_geos(ctx, merged.get());
}

}  // namespace regio::geometry
