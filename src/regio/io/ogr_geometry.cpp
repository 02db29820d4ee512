#include "regio/io/ogr_geometry.hpp"

namespace regio::io {
namespace {

geometry::Ring to_ring(const OGRLinearRing& ring) {
    geometry::Ring out;
    out.reserve(static_cast<std::size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i) out.push_back({ring.getX(i), ring.getY(i)});
    if (!out.empty() && !(out.front() == out.back())) out.push_back(out.front());
    return out;
}

void add_polygon(const OGRPolygon& polygon, geometry::MultiPolygon& out) {
    if (polygon.IsEmpty()) return;
    geometry::Polygon p;
    p.rings.push_back(to_ring(*polygon.getExteriorRing()));
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) p.rings.push_back(to_ring(*polygon.getInteriorRing(i)));
    out.polygons.push_back(std::move(p));
}

}  // namespace

bool to_multipolygon(const OGRGeometry& geometry, geometry::MultiPolygon& out) {
    out.polygons.clear();
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbPolygon) {
        add_polygon(*geometry.toPolygon(), out);
        return true;
    }
    if (type == wkbMultiPolygon) {
        for (const OGRPolygon* polygon : *geometry.toMultiPolygon()) add_polygon(*polygon, out);
        return true;
    }
    if (type == wkbCurvePolygon || type == wkbMultiSurface) {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        return linear && to_multipolygon(*linear, out);
    }
    if (type == wkbGeometryCollection) {  // accept collections of polygons only
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
            geometry::MultiPolygon piece;
            if (!to_multipolygon(*part, piece)) return false;
            for (auto& p : piece.polygons) out.polygons.push_back(std::move(p));
        }
        return true;
    }
    return false;
}

std::unique_ptr<OGRMultiPolygon> to_ogr(const geometry::MultiPolygon& shape) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const auto& polygon : shape.polygons) {
        OGRPolygon p;
        for (const auto& ring : polygon.rings) {
            OGRLinearRing r;
            r.setNumPoints(static_cast<int>(ring.size()), FALSE);
            for (std::size_t i = 0; i < ring.size(); ++i) r.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
            p.addRing(&r);
        }
        multi->addGeometry(&p);
    }
    return multi;
}

}  // namespace regio::io
