#include "regio/io/cluster_polygons.hpp"

#include "regio/error.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/ogr_geometry.hpp"

#include <gdal_alg.h>

#include <stdexcept>
#include <string>

namespace regio::io {

std::vector<geometry::MultiPolygon> polygonize_labels(const std::vector<std::int32_t>& labels,
                                                      const grid::GridDefinition& grid, std::int32_t count) {
    if (labels.size() != static_cast<std::size_t>(grid.cell_count()))
        throw std::invalid_argument("polygonize_labels: labels do not match the grid");
    std::vector<geometry::MultiPolygon> out(static_cast<std::size_t>(count < 0 ? 0 : count));
    if (count <= 0 || labels.empty()) return out;
    if (grid.cols > INT32_MAX || grid.rows > INT32_MAX) throw DataError("the grid is too large to polygonize");
    ensure_gdal();
    CplErrorCapture capture;

    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    if (!mem) throw IoError("GDAL has no MEM driver");
    const auto cols = static_cast<int>(grid.cols);
    const auto rows = static_cast<int>(grid.rows);
    DatasetPtr raster(mem->Create("", cols, rows, 1, GDT_Int32, nullptr));
    if (!raster) throw IoError("cannot create an in-memory raster: " + capture.last_error());
    double gt[6] = {grid.x0, grid.dx, 0.0, grid.y0, 0.0, -grid.dy};
    raster->SetGeoTransform(gt);
    GDALRasterBand* band = raster->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, cols, rows, const_cast<std::int32_t*>(labels.data()), cols, rows, GDT_Int32, 0, 0,
                       nullptr) != CE_None)
        throw IoError("cannot fill the in-memory raster: " + capture.last_error());
    band->SetNoDataValue(0);  // label 0 = no polygon: the nodata mask skips it

    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
    if (!memory) throw IoError("GDAL has no Memory driver");
    DatasetPtr vectors(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    if (!vectors) throw IoError("cannot create an in-memory layer: " + capture.last_error());
    OGRLayer* layer = vectors->CreateLayer("labels", nullptr, wkbPolygon, nullptr);
    if (!layer) throw IoError("cannot create an in-memory layer: " + capture.last_error());
    OGRFieldDefn field("label", OFTInteger);
    layer->CreateField(&field);

    if (GDALPolygonize(GDALRasterBand::ToHandle(band), GDALRasterBand::ToHandle(band->GetMaskBand()),
                       OGRLayer::ToHandle(layer), 0, nullptr, nullptr, nullptr) != CE_None)
        throw IoError("cannot polygonize the cells: " + capture.last_error());

    layer->ResetReading();
    geometry::MultiPolygon piece;
    for (auto& feature : *layer) {
        const int label = feature->GetFieldAsInteger(0);
        const OGRGeometry* shape = feature->GetGeometryRef();
        if (label < 1 || label > count || !shape) continue;
        if (!to_multipolygon(*shape, piece)) continue;
        auto& target = out[static_cast<std::size_t>(label) - 1].polygons;
        for (auto& polygon : piece.polygons) target.push_back(std::move(polygon));
    }
    return out;
}

}  // namespace regio::io
