#include "regio/io/crs.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"

#include <cmath>

namespace regio::io {
namespace {

OGRSpatialReference make_srs(const std::string& wkt) {
    OGRSpatialReference srs;
    srs.importFromWkt(wkt.c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string short_name(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code) return std::string(authority) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "unnamed CRS";
}

std::string to_wkt(const OGRSpatialReference& srs) {
    char* text = nullptr;
    const char* options[] = {"FORMAT=WKT2_2018", nullptr};
    srs.exportToWkt(&text, options);
    std::string wkt = text ? text : "";
    CPLFree(text);
    return wkt;
}

}  // namespace

Crs Crs::from_user(const std::string& text, const std::string& option) {
    ensure_gdal();
    CplErrorCapture capture;
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(text.c_str()) != OGRERR_NONE)
        throw UsageError(option + " '" + text + "' is not a CRS: " + capture.last_error("not recognised"), {},
                         "use an authority code such as EPSG:3035, a WKT string or a PROJ string");
    return {to_wkt(srs), short_name(srs)};
}

Crs Crs::from_wkt(const std::string& wkt) {
    ensure_gdal();
    const OGRSpatialReference srs = make_srs(wkt);
    return {wkt, short_name(srs)};
}

bool Crs::same_as(const Crs& other) const {
    if (wkt == other.wkt) return true;
    const OGRSpatialReference a = make_srs(wkt);
    const OGRSpatialReference b = make_srs(other.wkt);
    // The same authority code is the same CRS, however the WKT spells the
    // names (GeoTIFF keys and GeoPackage WKT differ in detail).
    const char* auth_a = a.GetAuthorityName(nullptr);
    const char* auth_b = b.GetAuthorityName(nullptr);
    const char* code_a = a.GetAuthorityCode(nullptr);
    const char* code_b = b.GetAuthorityCode(nullptr);
    if (auth_a && auth_b && code_a && code_b) return std::string(auth_a) == auth_b && std::string(code_a) == code_b;
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS",
                             nullptr};
    return a.IsSame(&b, options) != 0;
}

bool Crs::is_geographic() const { return make_srs(wkt).IsGeographic() != 0; }

struct PointTransformer::Impl {
    Crs from;
    Crs to;
    OGRSpatialReference source;
    OGRSpatialReference target;
    TransformPtr transform;

    Impl(const Crs& f, const Crs& t) : from(f), to(t), source(make_srs(f.wkt)), target(make_srs(t.wkt)) {
        CplErrorCapture capture;
        transform.reset(OGRCreateCoordinateTransformation(&source, &target));
        if (!transform)
            throw CrsError("no transformation from " + from.name + " to " + to.name + ": " +
                           capture.last_error("PROJ found none"));
    }
};

PointTransformer::PointTransformer(const Crs& from, const Crs& to) : m_impl(std::make_unique<Impl>(from, to)) {}
PointTransformer::~PointTransformer() = default;
PointTransformer::PointTransformer(PointTransformer&&) noexcept = default;
PointTransformer& PointTransformer::operator=(PointTransformer&&) noexcept = default;

PointTransformer PointTransformer::clone() const { return {m_impl->from, m_impl->to}; }

void PointTransformer::transform(std::vector<double>& x, std::vector<double>& y, std::vector<char>& ok) {
    const std::size_t n = x.size();
    std::vector<int> success(n, 0);
    CplErrorCapture capture;  // failures are reported per point, not printed
    // Batches are chunks of a stream (well below INT_MAX points).
    m_impl->transform->Transform(static_cast<int>(n), x.data(), y.data(), nullptr, success.data());
    ok.resize(n);
    for (std::size_t i = 0; i < n; ++i) ok[i] = success[i] && std::isfinite(x[i]) && std::isfinite(y[i]);
}

}  // namespace regio::io
