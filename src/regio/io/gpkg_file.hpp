#pragma once
// A new GeoPackage with one polygon layer, as every GeoPackage writer of
// regio starts: the GPKG driver, the layer in the given CRS (traditional GIS
// axis order), and a fixed creation timestamp held until the file is closed,
// so that re-runs give byte-identical files.
#include "regio/io/gdal_handles.hpp"

#include <filesystem>
#include <string>

namespace regio::io {

class GpkgFile {
public:
    // shown names the file in messages (the final path, not the temporary one).
    // An empty crs_wkt creates the layer without a CRS.
    GpkgFile(const std::filesystem::path& path, const std::string& shown, const std::string& layer_name,
             const std::string& crs_wkt);
    GpkgFile(const GpkgFile&) = delete;
    GpkgFile& operator=(const GpkgFile&) = delete;

    [[nodiscard]] GDALDataset& dataset() { return *m_ds; }
    [[nodiscard]] OGRLayer& layer() { return *m_layer; }
    // Another polygon layer in the same CRS (e.g. one per map panel).
    OGRLayer& add_layer(const std::string& layer_name);
    // Closes the file (before it is renamed into place); throws IoError with
    // GDAL's message when anything failed on the way.
    void close();
    // GDAL's last failure message while this file is open (its errors are
    // captured for the whole life of the file), or the system's reason when
    // the directory refuses writes (disk full, read-only): see
    // describe_write_failure. Names the shown path, not the temporary one.
    [[nodiscard]] std::string last_error(const std::string& fallback = "unknown GDAL error") const;

private:
    std::filesystem::path m_path;
    std::string m_shown;
    std::string m_crs_wkt;
    CplErrorCapture m_capture;
    ScopedThreadConfig m_fixed_date{"OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z"};
    DatasetPtr m_ds;
    OGRLayer* m_layer = nullptr;
};

}  // namespace regio::io
