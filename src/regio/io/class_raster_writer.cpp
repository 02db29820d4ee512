#include "regio/io/class_raster_writer.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/write_failure.hpp"

namespace regio::io {

void write_class_raster(const ClassRaster& raster, const std::string& path, Overwrite overwrite,
                        const std::vector<std::string>& inputs) {
    OutputPlan plan(overwrite, inputs);
    write_class_raster(raster, plan.add("output", path));
    plan.commit();
}

void write_class_raster(const ClassRaster& raster, const PlannedOutput& output) {
    const std::string path = output.shown();
    const grid::GridDefinition& g = raster.grid;
    if (raster.codes.size() != static_cast<std::size_t>(g.cell_count()))
        throw std::invalid_argument("write_class_raster: codes do not match the grid");
    if (g.cols > INT32_MAX || g.rows > INT32_MAX) throw DataError("the grid is too large for a GeoTIFF", Where{path});
    ensure_gdal();
    CplErrorCapture capture;
    const auto failure = [&] { return describe_write_failure(output.temp_path(), path, capture.last_error()); };
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) throw IoError("GDAL has no GTiff driver", Where{path});
    const char* options[] = {"COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "BIGTIFF=IF_SAFER",
                             nullptr};
    const auto cols = static_cast<int>(g.cols);
    const auto rows = static_cast<int>(g.rows);
    DatasetPtr ds(driver->Create(output.temp_path().c_str(), cols, rows, 1, GDT_Byte, const_cast<char**>(options)));
    if (!ds) throw IoError("cannot create: " + failure(), Where{path});
    double gt[6] = {g.x0, g.dx, 0.0, g.y0, 0.0, -g.dy};
    ds->SetGeoTransform(gt);
    if (!raster.crs.empty()) {
        OGRSpatialReference srs;
        srs.importFromWkt(raster.crs.wkt.c_str());
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ds->SetSpatialRef(&srs);
    }
    for (const auto& [key, value] : raster.metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (raster.nodata) band->SetNoDataValue(*raster.nodata);
    if (band->RasterIO(GF_Write, 0, 0, cols, rows, const_cast<std::uint8_t*>(raster.codes.data()), cols, rows, GDT_Byte,
                       0, 0, nullptr) != CE_None)
        throw IoError("cannot write the cells: " + failure(), Where{path});
    ds.reset();  // flush and close before the rename
    if (!capture.last_error("").empty()) throw IoError("cannot write: " + failure(), Where{path});
}

}  // namespace regio::io
