#pragma once
// RAII for the GEOS reentrant C API: one context per thread (GeosContext), and
// owners for geometries and prepared geometries made in it.
#include <geos_c.h>

#include <memory>
#include <string>

#include "regio/geometry/types.hpp"

namespace regio::geometry {

class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    [[nodiscard]] GEOSContextHandle_t get() const { return m_handle; }
    // The last error GEOS reported in this context.
    [[nodiscard]] const std::string& last_error() const { return m_error; }

private:
    static void on_error(const char* message, void* self);
    GEOSContextHandle_t m_handle;
    std::string m_error;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSGeometry* g) const noexcept {
        if (g) GEOSGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t ctx;
    void operator()(const GEOSPreparedGeometry* g) const noexcept {
        if (g) GEOSPreparedGeom_destroy_r(ctx, g);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// Our types <-> GEOS. to_geos throws GeometryError if GEOS rejects a ring
// (e.g. fewer than 4 points).
GeomPtr to_geos(const GeosContext& ctx, const MultiPolygon& shape);
// Polygonal parts only (lines and points from a repair are dropped).
MultiPolygon from_geos(const GeosContext& ctx, const GEOSGeometry* geometry);
GeomPtr make_point(const GeosContext& ctx, double x, double y);

}  // namespace regio::geometry

namespace regio::geometry {
std::string geos_version();  // e.g. "3.11.1-CAPI-1.17.1"
}  // namespace regio::geometry
