// Berlin's 1 km population grid (geodata/berlin/pop_1km_2018.tif, the
// README main job's grid) as a raster and as a GeoPackage layer of cell
// polygons (written here, cell by cell, no-data cells without a value) gives
// the same Degree of Urbanisation, byte for byte; Berlin's 12 districts
// (../shared/data/city/berlin, layer named apart with --units-layer) carry
// their names into the unit table with --unit-name (issue #18 item 6).
#include "realdata_support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace degurba_layer_test {

using namespace regio_realdata;

namespace {

const std::string kRepo = fs::path(REGIO_STYLES).parent_path().string();
const std::string kGrid = kRepo + "/geodata/berlin/pop_1km_2018.tif";
const std::string kBerlin = std::string(REGIO_SHARED_DATA) + "/city/berlin/berlin_lor_3035.gpkg";

// Every cell of band 1 of `raster` as a square polygon with its value in POP
// (null for no data), in a GeoPackage layer "cells".
void write_cell_layer(const std::string& raster_path, const fs::path& gpkg) {
    GDALAllRegister();
    GDALDatasetUniquePtr raster(GDALDataset::Open(raster_path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(raster);
    double gt[6];
    REQUIRE(raster->GetGeoTransform(gt) == CE_None);
    const int cols = raster->GetRasterXSize(), rows = raster->GetRasterYSize();
    GDALRasterBand* band = raster->GetRasterBand(1);
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    std::vector<double> values(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
    REQUIRE(band->RasterIO(GF_Read, 0, 0, cols, rows, values.data(), cols, rows, GDT_Float64, 0, 0) == CE_None);

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    REQUIRE(driver);
    GDALDatasetUniquePtr out(driver->Create(gpkg.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(out);
    OGRSpatialReference srs(*raster->GetSpatialRef());
    OGRLayer* layer = out->CreateLayer("cells", &srs, wkbPolygon, nullptr);
    REQUIRE(layer);
    OGRFieldDefn field("POP", OFTReal);
    REQUIRE(layer->CreateField(&field) == OGRERR_NONE);
    REQUIRE(out->StartTransaction() == OGRERR_NONE);
    int written = 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const double v = values[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c)];
            const double x0 = gt[0] + c * gt[1], x1 = x0 + gt[1];
            const double y0 = gt[3] + r * gt[5], y1 = y0 + gt[5];
            OGRLinearRing ring;
            ring.addPoint(x0, y0);
            ring.addPoint(x1, y0);
            ring.addPoint(x1, y1);
            ring.addPoint(x0, y1);
            ring.addPoint(x0, y0);
            OGRPolygon cell;
            cell.addRing(&ring);
            OGRFeature feature(layer->GetLayerDefn());
            if (!(has_nodata && v == nodata)) feature.SetField("POP", v);
            feature.SetGeometry(&cell);
            written += layer->CreateFeature(&feature) == OGRERR_NONE;
        }
    REQUIRE(written == cols * rows);
    REQUIRE(out->CommitTransaction() == OGRERR_NONE);
}

std::vector<std::string> outputs(const fs::path& dir) {
    return {"-o",          (dir / "cells.tif").string(), "--clusters", (dir / "clusters.csv").string(),
            "--units",     kBerlin,                      "--units-layer", "districts",
            "--unit-id",   "id",                         "--unit-name", "name",
            "--units-out", (dir / "districts.csv").string(), "-q"};
}

}  // namespace

TEST_CASE("real data: degurba of Berlin's grid as a layer of cells equals the raster's; districts named") {
    if (!fs::exists(kBerlin) || !fs::exists(kGrid)) {
        WARN("Berlin's boundaries or grid are absent: skipped");
        return;
    }
    TempDir tmp("regio-degurba-layer");
    const fs::path raster = tmp.path() / "raster", layer = tmp.path() / "layer";
    fs::create_directories(raster);
    fs::create_directories(layer);
    write_cell_layer(kGrid, tmp.path() / "cells.gpkg");

    std::vector<std::string> from_raster{"degurba", "--grid", kGrid};
    const auto raster_out = outputs(raster);
    from_raster.insert(from_raster.end(), raster_out.begin(), raster_out.end());
    REQUIRE(run_regio(from_raster, tmp.path() / "raster.err") == 0);
    std::vector<std::string> from_layer{"degurba", "--grid-layer", (tmp.path() / "cells.gpkg").string(), "--value", "POP"};
    const auto layer_out = outputs(layer);
    from_layer.insert(from_layer.end(), layer_out.begin(), layer_out.end());
    INFO(slurp(tmp.path() / "layer.err"));
    REQUIRE(run_regio(from_layer, tmp.path() / "layer.err") == 0);

    for (const std::string name : {"cells.tif", "clusters.csv", "districts.csv"}) {
        INFO(name);
        CHECK(!slurp(raster / name).empty());
        CHECK(slurp(layer / name) == slurp(raster / name));
    }
    // The 12 districts with their names, all cities.
    std::istringstream lines(slurp(layer / "districts.csv"));
    std::string line;
    std::getline(lines, line);
    CHECK(line.starts_with("id,name,population,pop_urban_centre,"));
    int rows = 0;
    bool mitte = false;
    while (std::getline(lines, line)) {
        ++rows;
        INFO(line);
        mitte = mitte || line.find(",Mitte,") != std::string::npos;
        CHECK(line.ends_with(",1,city,population"));
    }
    CHECK(rows == 12);
    CHECK(mitte);
}

}  // namespace degurba_layer_test
