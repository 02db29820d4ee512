// The raster grid source reads what GDAL stores, whichever way it is asked:
// whole rows, one window, several column ranges on two reading threads,
// block-aligned bands (decoded block by block) or not (through GDAL's cache).
#include "regio/io/grid_source.hpp"

#include <catch2/catch.hpp>
#include <cpl_conv.h>
#include <gdal_priv.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <unistd.h>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace raster_grid_source_test {

using namespace regio;

namespace {

constexpr int kCols = 70, kRows = 50;
constexpr std::uint16_t kNodata = 65535;

std::uint16_t stored(int col, int row) { return (col * 7 + row * 13) % 11 == 0 ? kNodata : static_cast<std::uint16_t>(col * 100 + row); }

// A tiled (16 x 16), LZW-compressed UInt16 GeoTIFF in EPSG:3035 with nodata.
std::string write_raster(const std::filesystem::path& dir) {
    GDALAllRegister();
    const std::string path = (dir / "tiles.tif").string();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    char** options = nullptr;
    options = CSLSetNameValue(options, "TILED", "YES");
    options = CSLSetNameValue(options, "BLOCKXSIZE", "16");
    options = CSLSetNameValue(options, "BLOCKYSIZE", "16");
    options = CSLSetNameValue(options, "COMPRESS", "LZW");
    GDALDataset* ds = driver->Create(path.c_str(), kCols, kRows, 1, GDT_UInt16, options);
    CSLDestroy(options);
    REQUIRE(ds != nullptr);
    double gt[6] = {4000000, 1000, 0, 3000000, 0, -1000};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(3035);
    ds->SetSpatialRef(&srs);
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(kNodata);
    std::vector<std::uint16_t> values(kCols * kRows);
    for (int r = 0; r < kRows; ++r)
        for (int c = 0; c < kCols; ++c) values[r * kCols + c] = stored(c, r);
    REQUIRE(band->RasterIO(GF_Write, 0, 0, kCols, kRows, values.data(), kCols, kRows, GDT_UInt16, 0, 0, nullptr) == CE_None);
    GDALClose(ds);
    return path;
}

void check_cells(const std::vector<double>& out, std::int64_t row0, std::int64_t rows, std::int64_t c0, std::int64_t c1) {
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = c0; c < c1; ++c) {
            const std::uint16_t want = stored(static_cast<int>(c), static_cast<int>(row0 + r));
            const double got = out[static_cast<std::size_t>(r * kCols + c)];
            INFO("row " << row0 + r << " col " << c);
            if (want == kNodata) CHECK(std::isnan(got));
            else CHECK(got == want);
        }
}

struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("regio-raster-" + std::to_string(::getpid()));
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("raster source: rows, windows and column ranges give the stored values") {
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    TempDir dir;
    const auto source = io::open_raster_grid(write_raster(dir.path));
    REQUIRE(source->grid().cols == kCols);
    REQUIRE(source->preferred_rows() == 16);
    REQUIRE(source->preferred_cols() == 16);
    std::vector<double> out;
    for (unsigned threads : {1u, 2u}) {
        source->set_read_threads(threads);
        SECTION("block-aligned bands, last one cut by the raster's end, threads " + std::to_string(threads)) {
            for (std::int64_t row0 = 0; row0 < kRows; row0 += 16) {
                const std::int64_t rows = std::min<std::int64_t>(16, kRows - row0);
                source->read_rows(row0, rows, out);
                check_cells(out, row0, rows, 0, kCols);
            }
        }
        SECTION("a band not on block rows goes through GDAL's cache, threads " + std::to_string(threads)) {
            source->read_window(5, 20, 3, 61, out);
            check_cells(out, 5, 20, 3, 61);
        }
        SECTION("several column ranges, one split between the threads, threads " + std::to_string(threads)) {
            source->read_windows(16, 16, {{0, 16}, {32, 64}, {64, 70}}, out);
            check_cells(out, 16, 16, 0, 16);
            check_cells(out, 16, 16, 32, 70);
            source->read_windows(32, 18, {{5, 9}, {40, 47}}, out);  // ranges not on block columns
            check_cells(out, 32, 18, 5, 9);
            check_cells(out, 32, 18, 40, 47);
        }
    }
}

}  // namespace raster_grid_source_test
