#include "regio/io/gpkg_file.hpp"

#include "regio/error.hpp"
#include "regio/io/write_failure.hpp"

namespace regio::io {

GpkgFile::GpkgFile(const std::filesystem::path& path, const std::string& shown, const std::string& layer_name,
                   const std::string& crs_wkt)
    : m_path(path), m_shown(shown), m_crs_wkt(crs_wkt) {
    ensure_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw IoError("GDAL has no GPKG driver", Where{shown});
    m_ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!m_ds) throw IoError("cannot create: " + last_error(), Where{shown});
    m_layer = &add_layer(layer_name);
}

OGRLayer& GpkgFile::add_layer(const std::string& layer_name) {
    OGRSpatialReference srs;
    srs.importFromWkt(m_crs_wkt.c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = m_ds->CreateLayer(layer_name.c_str(), m_crs_wkt.empty() ? nullptr : &srs, wkbMultiPolygon, nullptr);
    if (!layer) throw IoError("cannot create layer: " + last_error(), Where{m_shown, layer_name});
    return *layer;
}

void GpkgFile::close() {
    m_layer = nullptr;
    m_ds.reset();
    const std::string failure = last_error("");
    if (!failure.empty()) throw IoError("cannot write: " + failure, Where{m_shown});
}

std::string GpkgFile::last_error(const std::string& fallback) const {
    const std::string message = m_capture.last_error(fallback);
    return message.empty() ? message : describe_write_failure(m_path, m_shown, message);
}

}  // namespace regio::io
