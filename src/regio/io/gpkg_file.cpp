#include "regio/io/gpkg_file.hpp"

#include "regio/error.hpp"

namespace regio::io {

GpkgFile::GpkgFile(const std::filesystem::path& path, const std::string& shown, const std::string& layer_name,
                   const std::string& crs_wkt)
    : m_shown(shown), m_crs_wkt(crs_wkt) {
    ensure_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw IoError("GDAL has no GPKG driver", Where{shown});
    m_ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!m_ds) throw IoError("cannot create: " + m_capture.last_error(), Where{shown});
    m_layer = &add_layer(layer_name);
}

OGRLayer& GpkgFile::add_layer(const std::string& layer_name) {
    OGRSpatialReference srs;
    srs.importFromWkt(m_crs_wkt.c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = m_ds->CreateLayer(layer_name.c_str(), m_crs_wkt.empty() ? nullptr : &srs, wkbMultiPolygon, nullptr);
    if (!layer) throw IoError("cannot create layer: " + m_capture.last_error(), Where{m_shown, layer_name});
    return *layer;
}

void GpkgFile::close() {
    m_layer = nullptr;
    m_ds.reset();
    const std::string failure = m_capture.last_error("");
    if (!failure.empty()) throw IoError("write failed: " + failure, Where{m_shown});
}

}  // namespace regio::io
