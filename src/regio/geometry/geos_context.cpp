#include "regio/geometry/geos_context.hpp"

#include "regio/error.hpp"

namespace regio::geometry {

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

void GeosContext::on_error(const char* message, void* self) {
    if (self && message) static_cast<GeosContext*>(self)->m_error = message;
}

namespace {

struct SeqDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSCoordSequence* s) const noexcept {
        if (s) GEOSCoordSeq_destroy_r(ctx, s);
    }
};

GeomPtr make_ring(const GeosContext& ctx, const Ring& ring) {
    GEOSContextHandle_t h = ctx.get();
    std::unique_ptr<GEOSCoordSequence, SeqDeleter> seq(
        GEOSCoordSeq_copyFromBuffer_r(h, reinterpret_cast<const double*>(ring.data()),
                                      static_cast<unsigned>(ring.size()), 0, 0),
        SeqDeleter{h});
    if (!seq) throw GeometryError("cannot build a ring: " + ctx.last_error());
    GeomPtr out(GEOSGeom_createLinearRing_r(h, seq.release()), GeomDeleter{h});
    if (!out) throw GeometryError("invalid ring: " + ctx.last_error());
    return out;
}

void collect_polygons(const GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out) {
    GEOSContextHandle_t h = ctx.get();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        Polygon polygon;
        auto add_ring = [&](const GEOSGeometry* ring) {
            const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
            unsigned n = 0;
            GEOSCoordSeq_getSize_r(h, seq, &n);
            Ring r(n);
            GEOSCoordSeq_copyToBuffer_r(h, seq, reinterpret_cast<double*>(r.data()), 0, 0);
            polygon.rings.push_back(std::move(r));
        };
        add_ring(GEOSGetExteriorRing_r(h, g));
        for (int i = 0, n = GEOSGetNumInteriorRings_r(h, g); i < n; ++i) add_ring(GEOSGetInteriorRingN_r(h, g, i));
        out.polygons.push_back(std::move(polygon));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) collect_polygons(ctx, GEOSGetGeometryN_r(h, g, i), out);
    }
}

}  // namespace

GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& shape) {
    GEOSContextHandle_t h = ctx.get();
    std::vector<GEOSGeometry*> polygons;
    auto release_all = [&] {
        for (auto* p : polygons) GEOSGeom_destroy_r(h, p);
    };
    try {
        for (const auto& polygon : shape.polygons) {
            if (polygon.rings.empty()) continue;
            GeomPtr shell = make_ring(ctx, polygon.rings[0]);
            std::vector<GeomPtr> holes;
            for (std::size_t i = 1; i < polygon.rings.size(); ++i) holes.push_back(make_ring(ctx, polygon.rings[i]));
            std::vector<GEOSGeometry*> raw_holes;
            for (auto& hole : holes) raw_holes.push_back(hole.release());
            GEOSGeometry* p = GEOSGeom_createPolygon_r(h, shell.release(), raw_holes.data(),
                                                       static_cast<unsigned>(raw_holes.size()));
            if (!p) throw GeometryError("cannot build a polygon: " + ctx.last_error());
            polygons.push_back(p);
        }
    } catch (...) {
        release_all();
        throw;
    }
    GeomPtr out(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polygons.data(), static_cast<unsigned>(polygons.size())),
                GeomDeleter{h});
    if (!out) {
        release_all();
        throw GeometryError("cannot build a multipolygon: " + ctx.last_error());
    }
    return out;
}

MultiPolygon from_geos(const GeosContext& ctx, const GEOSGeometry* geometry) {
    MultiPolygon out;
    if (geometry) collect_polygons(ctx, geometry, out);
    return out;
}

GeomPtr make_point(const GeosContext& ctx, double x, double y) {
    return GeomPtr(GEOSGeom_createPointFromXY_r(ctx.get(), x, y), GeomDeleter{ctx.get()});
}

}  // namespace regio::geometry

namespace regio::geometry {
std::string geos_version() { return GEOSversion(); }
}  // namespace regio::geometry
