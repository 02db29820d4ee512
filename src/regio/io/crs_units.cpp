#include "regio/io/crs_units.hpp"

#include "regio/io/gdal_handles.hpp"

namespace regio::io {

std::optional<double> metres_per_unit(const Crs& crs) {
    if (crs.empty()) return std::nullopt;
    ensure_gdal();
    CplErrorCapture capture;  // an unreadable WKT is "unknown", not a printed error
    OGRSpatialReference srs;
    if (srs.importFromWkt(crs.wkt.c_str()) != OGRERR_NONE) return std::nullopt;
    if (srs.IsGeographic() || !(srs.IsProjected() || srs.IsLocal())) return std::nullopt;
    const double metres = srs.GetLinearUnits(nullptr);
    if (!(metres > 0)) return std::nullopt;
    return metres;
}

}  // namespace regio::io
