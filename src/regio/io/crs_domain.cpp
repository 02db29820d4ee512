#include "regio/io/crs_domain.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"

#include <fmt/format.h>
#include <proj.h>

#include <algorithm>
#include <array>

namespace regio::io {
namespace {

constexpr const char* kHint =
    "the coordinates do not fit the CRS: check the CRS the file declares (or the --*-crs option), e.g. metres "
    "declared as longitude/latitude";

// RAII owners of a PROJ context and operation (one context per domain: no
// shared state between threads).
class ProjContext {
public:
    // Silent: points beyond a projection's reach are expected, not news.
    ProjContext() : m_ctx(proj_context_create()) { proj_log_level(m_ctx, PJ_LOG_NONE); }
    ~ProjContext() { proj_context_destroy(m_ctx); }
    ProjContext(const ProjContext&) = delete;
    ProjContext& operator=(const ProjContext&) = delete;
    [[nodiscard]] PJ_CONTEXT* get() const { return m_ctx; }

private:
    PJ_CONTEXT* m_ctx;
};

class ProjOperation {
public:
    explicit ProjOperation(PJ* op) : m_op(op) {}
    ~ProjOperation() { proj_destroy(m_op); }
    ProjOperation(const ProjOperation&) = delete;
    ProjOperation& operator=(const ProjOperation&) = delete;
    [[nodiscard]] PJ* get() const { return m_op; }

private:
    PJ* m_op;
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
    // The projection alone (the projected CRS's conversion from its own
    // geographic CRS, in longitude/latitude degrees and x/y order): creating
    // a GDAL transformation searched PROJ's database for operations (25-50
    // ms per run), and so did exporting a PROJ string (10-30 ms).
    const ProjContext context;
    const ProjOperation crs_object(proj_create(context.get(), m_crs.wkt.c_str()));
    if (!crs_object.get()) return;
    const ProjOperation conversion(proj_crs_get_coordoperation(context.get(), crs_object.get()));
    if (!conversion.get()) return;
    const ProjOperation op(proj_normalize_for_visualization(context.get(), conversion.get()));
    if (!op.get() || proj_angular_input(op.get(), PJ_FWD)) return;  // degrees in, as normalised
    // The widened box first; where no point of it projects (a CRS for a
    // small area at the far side of the globe), the area of use itself.
    for (const LonLatBox& box : std::array<LonLatBox, 2>{widened(area), area})
        if (projected_bounds(op.get(), box)) return;
}

bool CrsDomain::projected_bounds(PJ* op, const LonLatBox& box) {
    // A grid of 21 x 21 points over the box: the extremes of a projected box
    // lie on its edges for the usual projections, and inside for a few.
    constexpr int kSteps = 20;
    double xmin = std::numeric_limits<double>::infinity(), ymin = xmin, xmax = -xmin, ymax = -xmin;
    for (int i = 0; i <= kSteps; ++i)
        for (int j = 0; j <= kSteps; ++j) {
            const double lon = box.west + (box.east - box.west) * i / kSteps;
            const double lat = box.south + (box.north - box.south) * j / kSteps;
            const PJ_COORD in = proj_coord(lon, lat, 0, 0);
            const PJ_COORD out = proj_trans(op, PJ_FWD, in);
            if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y) || std::abs(out.xy.x) > 1e15 || std::abs(out.xy.y) > 1e15)
                continue;  // beyond the projection's reach (HUGE_VAL)
            xmin = std::min(xmin, out.xy.x), xmax = std::max(xmax, out.xy.x);
            ymin = std::min(ymin, out.xy.y), ymax = std::max(ymax, out.xy.y);
        }
    if (!(xmin <= xmax && ymin <= ymax)) return false;
    m_xmin = xmin, m_ymin = ymin, m_xmax = xmax, m_ymax = ymax;
    return true;
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
