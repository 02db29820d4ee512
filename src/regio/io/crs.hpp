#pragma once
// Coordinate reference systems and point transformation (GDAL/PROJ behind a
// small interface, so callers never include GDAL).
#include <memory>
#include <string>
#include <vector>

namespace regio::io {

// A CRS as WKT plus a short name for messages ("EPSG:3035").
struct Crs {
    std::string wkt;
    std::string name;

    // Anything OGRSpatialReference::SetFromUserInput accepts ("EPSG:3035",
    // WKT, PROJ strings). Throws UsageError naming the option on failure.
    static Crs from_user(const std::string& text, const std::string& option);
    static Crs from_wkt(const std::string& wkt);
    [[nodiscard]] bool empty() const { return wkt.empty(); }
    // Same CRS up to axis order conventions (data axis order is always x, y).
    [[nodiscard]] bool same_as(const Crs& other) const;
    [[nodiscard]] bool is_geographic() const;
};

// Transforms x/y arrays from one CRS to another with PROJ, in traditional GIS
// axis order (x = easting/longitude). Not thread-safe: clone() one per thread.
class PointTransformer {
public:
    PointTransformer(const Crs& from, const Crs& to);
    ~PointTransformer();
    PointTransformer(PointTransformer&&) noexcept;
    PointTransformer& operator=(PointTransformer&&) noexcept;

    [[nodiscard]] PointTransformer clone() const;
    // In place; ok[i] = false where a point could not be transformed.
    void transform(std::vector<double>& x, std::vector<double>& y, std::vector<char>& ok);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace regio::io
