#include "regio/io/crs_domain.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace regio::io {
namespace {

constexpr const char* kHint =
    "the coordinates do not fit the CRS: check the CRS the file declares (or the --*-crs option), e.g. metres "
    "declared as longitude/latitude";

struct LonLatBox {
    double west, south, east, north;
};

// The area of use widened by its own size on each side, within the globe.
LonLatBox widened(const LonLatBox& a) {
    double width = a.east - a.west;
    if (width < 0) width += 360;  // crosses the antimeridian
    const double height = a.north - a.south;
    if (a.east < a.west || 3 * width >= 360) return {-180, std::max(-90.0, a.south - height), 180, std::min(90.0, a.north + height)};
    return {std::max(-180.0, a.west - width), std::max(-90.0, a.south - height), std::min(180.0, a.east + width),
            std::min(90.0, a.north + height)};
}

}  // namespace

CrsDomain::CrsDomain(const Crs& crs) : m_crs(crs) {
    ensure_gdal();
    OGRSpatialReference srs;
    srs.importFromWkt(crs.wkt.c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.IsGeographic()) {
        // Degrees whatever the area of use: a sphere has no more.
        m_xmin = -180, m_xmax = 180, m_ymin = -90, m_ymax = 90;
        return;
    }
    LonLatBox area{};
    const char* name = nullptr;
    if (!srs.GetAreaOfUse(&area.west, &area.south, &area.east, &area.north, &name) || area.west == -1000) return;
    OGRSpatialReference lonlat;
    lonlat.SetWellKnownGeogCS("WGS84");
    lonlat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CplErrorCapture capture;  // a box the projection cannot take is tried smaller, not printed
    TransformPtr to_crs(OGRCreateCoordinateTransformation(&lonlat, &srs));
    if (!to_crs) return;
    // The widened box first; where the projection cannot take it (Web
    // Mercator at the poles), the area of use itself.
    for (const LonLatBox& box : std::array<LonLatBox, 2>{widened(area), area}) {
        double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
        if (!to_crs->TransformBounds(box.west, box.south, box.east, box.north, &xmin, &ymin, &xmax, &ymax, 21)) continue;
        if (!(std::isfinite(xmin) && std::isfinite(ymin) && std::isfinite(xmax) && std::isfinite(ymax))) continue;
        m_xmin = xmin, m_ymin = ymin, m_xmax = xmax, m_ymax = ymax;
        return;
    }
}

std::string CrsDomain::describe() const {
    if (!std::isfinite(m_xmin)) return m_crs.name;
    return fmt::format("{} (plausible: x {:.10g}..{:.10g}, y {:.10g}..{:.10g})", m_crs.name, m_xmin, m_xmax, m_ymin, m_ymax);
}

std::string format_coordinates(double x, double y) { return fmt::format("({:.10g}, {:.10g})", x, y); }

void check_regions_in_domain(const geometry::RegionSet& regions) {
    const CrsDomain domain(Crs::from_wkt(regions.crs_wkt));
    for (std::size_t i = 0; i < regions.size(); ++i)
        for (const auto& polygon : regions.shapes[i].polygons)
            for (const auto& ring : polygon.rings)
                for (const auto& p : ring)
                    if (!domain.contains(p.x, p.y))
                        throw CrsError(fmt::format("region '{}' has the point {} outside the CRS {}", regions.ids[i],
                                                   format_coordinates(p.x, p.y), domain.describe()),
                                       Where{regions.file, regions.layer, {}, regions.feature_ids[i]}, kHint);
}

void check_grid_in_domain(const grid::GridDefinition& grid, const Crs& crs, const std::string& display) {
    const CrsDomain domain(crs);
    const double xs[] = {grid.x0, grid.xmax()}, ys[] = {grid.y0, grid.ymin()};
    for (const double y : ys)
        for (const double x : xs)
            if (!domain.contains(x, y))
                throw CrsError(fmt::format("the grid's corner {} is outside the CRS {}", format_coordinates(x, y), domain.describe()),
                               Where{display}, kHint);
}

void throw_point_outside_domain(const CrsDomain& domain, const std::string& display, const char* ref_kind, std::int64_t ref,
                                double x, double y, std::int64_t count_outside) {
    Where where{display};
    if (std::string(ref_kind) == "line") where.line = ref;
    else where.feature = ref;
    throw CrsError(fmt::format("the point {} is outside the CRS {}{}", format_coordinates(x, y), domain.describe(),
                               count_outside > 1 ? fmt::format(" (as are {} points in all)", count_outside) : std::string{}),
                   where, kHint);
}

void PointDomainTally::check(const PointBatch& batch) {
    if (!m_domain) return;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (m_domain->contains(batch.x[i], batch.y[i])) continue;
        const std::int64_t ref = i < batch.ref.size() ? batch.ref[i] : 0;
        if (m_outside == 0 || ref < m_first_ref) {
            m_first_ref = ref;
            m_first_x = batch.x[i];
            m_first_y = batch.y[i];
        }
        ++m_outside;
    }
}

void PointDomainTally::merge(const PointDomainTally& other) {
    if (other.m_outside == 0) return;
    if (m_outside == 0 || other.m_first_ref < m_first_ref) {
        m_first_ref = other.m_first_ref;
        m_first_x = other.m_first_x;
        m_first_y = other.m_first_y;
    }
    m_outside += other.m_outside;
}

void PointDomainTally::throw_if_outside(const std::string& display, const char* ref_kind) const {
    if (m_outside > 0 && m_domain)
        throw_point_outside_domain(*m_domain, display, ref_kind, m_first_ref, m_first_x, m_first_y, m_outside);
}

}  // namespace regio::io
