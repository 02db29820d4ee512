#pragma once
// Plausible coordinates of a CRS (issue #12: a missing or implausible CRS is
// an error). A regions file in metres that says it is in longitude/latitude,
// or points declared in the wrong CRS, must not be read as if they were
// right: every coordinate is checked against the CRS's domain here, in one
// place, by every reader of regions, points and grids.
//
// The domain is PROJ's area of use of the CRS, widened by its own width and
// height on every side (statistics in EPSG:3035 carry the EU's overseas
// regions, far outside its area of use, but in the same hemisphere band), and
// for geographic CRSs never more than |lon| <= 180, |lat| <= 90. A CRS
// without an area of use (a bare PROJ string or WKT) is only held to finite
// coordinates, and, when geographic, to those limits.
#include "regio/geometry/region_set.hpp"
#include "regio/grid/grid_definition.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/point_source.hpp"

#include <cmath>
#include <limits>
#include <string>

struct PJconsts;  // PROJ's operation type (proj.h), kept out of this header

namespace regio::io {

// A box in degrees: west, south, east, north.
struct LonLatBox {
    double west, south, east, north;
};

class CrsDomain {
public:
    explicit CrsDomain(const Crs& crs);

    [[nodiscard]] bool contains(double x, double y) const {
        return x >= m_xmin && x <= m_xmax && y >= m_ymin && y <= m_ymax && std::isfinite(x) && std::isfinite(y);
    }
    // "EPSG:4326 (plausible: x -180..180, y -90..90)".
    [[nodiscard]] std::string describe() const;
    [[nodiscard]] const Crs& crs() const { return m_crs; }

private:
    // The box projected with `op` (longitude/latitude degrees in): false if no point of it projects.
    bool projected_bounds(PJconsts* op, const LonLatBox& box);

    Crs m_crs;
    double m_xmin = -std::numeric_limits<double>::infinity();
    double m_ymin = -std::numeric_limits<double>::infinity();
    double m_xmax = std::numeric_limits<double>::infinity();
    double m_ymax = std::numeric_limits<double>::infinity();
};

// "(4321000, 3210000)" with enough digits to find the point again.
std::string format_coordinates(double x, double y);

// Throws CrsError naming the file, layer, the first region (FID and id) with
// a vertex outside the domain of its CRS, that vertex, and the CRS.
void check_regions_in_domain(const geometry::RegionSet& regions);

// Throws CrsError naming the grid (display), a corner of its extent outside
// the domain of its CRS, and the CRS.
void check_grid_in_domain(const grid::GridDefinition& grid, const Crs& crs, const std::string& display);

// The error for a point outside the domain: "<display>: <ref_kind> <ref>: ..."
[[noreturn]] void throw_point_outside_domain(const CrsDomain& domain, const std::string& display, const char* ref_kind,
                                             std::int64_t ref, double x, double y, std::int64_t count_outside);

// Points checked against the domain of their CRS batch by batch, before any
// transformation, on any number of threads (one tally each, merged). The
// point named in the error is the first outside in input order, whatever the
// threads did.
class PointDomainTally {
public:
    explicit PointDomainTally(const CrsDomain* domain = nullptr) : m_domain(domain) {}
    void check(const PointBatch& batch);
    void merge(const PointDomainTally& other);
    [[nodiscard]] std::int64_t outside() const { return m_outside; }
    // Throws CrsError (throw_point_outside_domain) if any point was outside.
    void throw_if_outside(const std::string& display, const char* ref_kind) const;

private:
    const CrsDomain* m_domain;
    std::int64_t m_outside = 0;
    std::int64_t m_first_ref = 0;
    double m_first_x = 0, m_first_y = 0;
};

}  // namespace regio::io
