// regio-make-demo: writes the deterministic demo data set of regio.
//
//   regio-make-demo [--out DIR] [--seed N]
//
// The city, the addresses and the grid are built in memory first (city.cpp,
// population.cpp) and self-checked; this file only writes them. Every file is
// written under a temporary name in DIR and renamed into place after all of
// them were written, so a failed run never leaves a half-written or mixed set.
// GDAL handles are owned by unique_ptrs with the matching GDAL deleter.
#include "demo.hpp"

#include <CLI/CLI.hpp>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <fmt/core.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;
using namespace regio_demo;

namespace {

constexpr double kCentreLon = 16.3725;  // Vienna
constexpr double kCentreLat = 48.2083;

struct DatasetClose {
    void operator()(GDALDataset* ds) const noexcept { GDALClose(GDALDataset::ToHandle(ds)); }
};
struct FeatureDestroy {
    void operator()(OGRFeature* f) const noexcept { OGRFeature::DestroyFeature(f); }
};
// OSRRelease rather than delete: the SRS is reference counted and GDAL may hold a reference.
struct SrsRelease {
    void operator()(OGRSpatialReference* s) const noexcept { OSRRelease(OGRSpatialReference::ToHandle(s)); }
};
struct TransformDestroy {
    void operator()(OGRCoordinateTransformation* t) const noexcept {
        OCTDestroyCoordinateTransformation(OGRCoordinateTransformation::ToHandle(t));
    }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetClose>;
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDestroy>;
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsRelease>;
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDestroy>;

// One-line failure naming the file (or other subject), with GDAL's last message.
[[noreturn]] void fail(const std::string& subject, const std::string& what) {
    const std::string gdal = CPLGetLastErrorMsg();
    throw std::runtime_error(fmt::format("{}: {}{}{}", subject, what, gdal.empty() ? "" : ": ", gdal));
}

// GDAL's default handler prints to stderr; we report errors ourselves, in one line.
class QuietGdalErrors {
public:
    QuietGdalErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

// GeoPackage stores the creation time; pinning it (thread-locally, for the
// lifetime of this object) keeps the file byte-identical between runs.
class FixedGpkgDate {
public:
    FixedGpkgDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2024-01-01T00:00:00.000Z"); }
    ~FixedGpkgDate() { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr); }
    FixedGpkgDate(const FixedGpkgDate&) = delete;
    FixedGpkgDate& operator=(const FixedGpkgDate&) = delete;
};

// A file being written under a temporary name ("." + stem + ".partial" + ext,
// so GDAL still recognises the extension); removed unless committed.
class PendingFile {
public:
    explicit PendingFile(fs::path final_path)
        : m_final(std::move(final_path)),
          m_temp(m_final.parent_path() / ("." + m_final.stem().string() + ".partial" + m_final.extension().string())) {
        discard();
    }
    ~PendingFile() {
        if (!m_committed) discard();
    }
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    [[nodiscard]] const fs::path& temp() const { return m_temp; }
    [[nodiscard]] const fs::path& path() const { return m_final; }
    void commit() {
        std::error_code ec;
        fs::rename(m_temp, m_final, ec);
        if (ec) throw std::runtime_error(fmt::format("{}: cannot rename {} into place: {}", m_final.string(), m_temp.string(), ec.message()));
        m_committed = true;
    }

private:
    void discard() const noexcept {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(m_temp.string() + suffix, ec);
    }
    fs::path m_final;
    fs::path m_temp;
    bool m_committed = false;
};

SrsPtr make_srs(int epsg) {
    SrsPtr srs{OGRSpatialReference::FromHandle(OSRNewSpatialReference(nullptr))};
    if (!srs) fail(fmt::format("EPSG:{}", epsg), "cannot allocate a spatial reference");
    if (srs->importFromEPSG(epsg) != OGRERR_NONE) fail(fmt::format("EPSG:{}", epsg), "unknown to PROJ");
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);  // x = easting / longitude
    return srs;
}

// The city centre in EPSG:3035, rounded to a multiple of 100 m.
Pt centre_3035(const OGRSpatialReference& wgs84, const OGRSpatialReference& laea) {
    TransformPtr ct{OGRCoordinateTransformation::FromHandle(OCTNewCoordinateTransformation(
        OGRSpatialReference::ToHandle(const_cast<OGRSpatialReference*>(&wgs84)),
        OGRSpatialReference::ToHandle(const_cast<OGRSpatialReference*>(&laea))))};
    if (!ct) fail("EPSG:4326 -> EPSG:3035", "cannot create the coordinate transformation");
    double x = kCentreLon;
    double y = kCentreLat;
    if (!ct->Transform(1, &x, &y)) fail("EPSG:4326 -> EPSG:3035", "cannot transform the city centre");
    return {std::llround(x / 100.0) * kCellCm, std::llround(y / 100.0) * kCellCm};
}

GDALDriver& driver(const char* name) {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(name);
    if (drv == nullptr) fail(name, "GDAL driver not available");
    return *drv;
}

// Closing flushes; GDAL 3.6's GDALClose returns nothing, so look at the error state.
void close_checked(DatasetPtr& ds, const fs::path& file) {
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) fail(file.string(), "writing failed on close");
}

void write_vintage(GDALDataset& ds, const Vintage& v, OGRSpatialReference& srs, const std::string& file) {
    CPLStringList options;
    options.SetNameValue("GEOMETRY_NAME", "geom");
    options.SetNameValue("FID", "fid");
    OGRLayer* layer = ds.CreateLayer(v.layer.c_str(), &srs, wkbMultiPolygon, options.List());
    if (layer == nullptr) fail(file, "cannot create layer " + v.layer);
    for (const char* field : {"district_id", "name"}) {
        OGRFieldDefn defn(field, OFTString);
        if (layer->CreateField(&defn) != OGRERR_NONE) fail(file, fmt::format("cannot create field {}.{}", v.layer, field));
    }
    for (const District& d : v.districts) {
        OGRPolygon polygon;
        for (const Ring& r : d.rings) {
            OGRLinearRing ring;
            ring.setNumPoints(static_cast<int>(r.size()));
            for (std::size_t k = 0; k < r.size(); ++k) ring.setPoint(static_cast<int>(k), to_m(r[k].x), to_m(r[k].y));
            if (polygon.addRing(&ring) != OGRERR_NONE) fail(file, "cannot build the geometry of " + d.id);
        }
        OGRMultiPolygon multi;
        if (multi.addGeometry(&polygon) != OGRERR_NONE) fail(file, "cannot build the geometry of " + d.id);
        FeaturePtr feature{OGRFeature::CreateFeature(layer->GetLayerDefn())};
        if (!feature) fail(file, "cannot allocate a feature");
        feature->SetField("district_id", d.id.c_str());
        feature->SetField("name", d.name.c_str());
        if (feature->SetGeometry(&multi) != OGRERR_NONE || layer->CreateFeature(feature.get()) != OGRERR_NONE)
            fail(file, fmt::format("cannot write district {} to {}", d.id, v.layer));
    }
}

void write_districts(const PendingFile& out, const City& city, OGRSpatialReference& srs) {
    const std::string file = out.path().string();
    const FixedGpkgDate fixed_date;
    DatasetPtr ds{driver("GPKG").Create(out.temp().c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!ds) fail(file, "cannot create GeoPackage");
    if (ds->StartTransaction() != OGRERR_NONE) fail(file, "cannot start a transaction");
    write_vintage(*ds, city.before, srs, file);
    write_vintage(*ds, city.after, srs, file);
    if (ds->CommitTransaction() != OGRERR_NONE) fail(file, "cannot commit");
    close_checked(ds, out.path());
}

void write_grid(const PendingFile& out, const Grid& g, OGRSpatialReference& srs) {
    const std::string file = out.path().string();
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "2");
    DatasetPtr ds{driver("GTiff").Create(out.temp().c_str(), g.cols, g.rows, 1, GDT_Int32, options.List())};
    if (!ds) fail(file, "cannot create GeoTIFF");
    double transform[6] = {to_m(g.origin_x), 100.0, 0.0, to_m(g.origin_y), 0.0, -100.0};
    if (ds->SetGeoTransform(transform) != CE_None) fail(file, "cannot set the geotransform");
    if (ds->SetSpatialRef(&srs) != CE_None) fail(file, "cannot set the spatial reference");
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (band == nullptr) fail(file, "no band 1");
    band->SetDescription("residents");
    if (band->RasterIO(GF_Write, 0, 0, g.cols, g.rows, const_cast<std::int32_t*>(g.cells.data()), g.cols, g.rows, GDT_Int32,
                       0, 0, nullptr) != CE_None)
        fail(file, "cannot write the cells");
    close_checked(ds, out.path());
}

std::string coord(std::int64_t cm) {
    const std::int64_t a = cm < 0 ? -cm : cm;
    return fmt::format("{}{}.{:02}", cm < 0 ? "-" : "", a / 100, a % 100);
}

const char* group_name(Citizenship g) {
    switch (g) {
    case Citizenship::National: return "national";
    case Citizenship::Eu: return "eu";
    case Citizenship::NonEu: return "non_eu";
    }
    return "?";
}

void write_text(const PendingFile& out, const std::string& text) {
    std::ofstream f(out.temp(), std::ios::binary | std::ios::trunc);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.close();
    if (!f) throw std::runtime_error(fmt::format("{}: cannot write {}", out.path().string(), out.temp().string()));
}

std::string addresses_csv(const std::vector<Address>& rows) {
    std::string text = "address_id,x,y,citizenship,residents,working_age,employed,unemployed,inactive\n";
    text.reserve(rows.size() * 64);
    std::size_t n = 0;
    for (const Address& a : rows) {
        std::string x = coord(a.at.x);
        std::string y = coord(a.at.y);
        if (a.kind == RowKind::EmptyX) x.clear();
        if (a.kind == RowKind::NanY) y = "NaN";
        if (a.kind == RowKind::NotNumeric) x = y = "n/a";
        text += fmt::format("A{:06},{},{},{},{},{},{},{},{}\n", ++n, x, y, group_name(a.group), a.residents, a.working_age,
                            a.employed, a.unemployed, a.inactive);
    }
    return text;
}

std::string manifest(const City& city) {
    std::string text;
    for (const auto& line : city.changes) text += line + "\n";
    return text;
}

int run(const fs::path& dir, std::uint64_t seed) {
    GDALAllRegister();
    const QuietGdalErrors quiet;

    const SrsPtr wgs84 = make_srs(4326);
    const SrsPtr laea = make_srs(3035);
    const Pt centre = centre_3035(*wgs84, *laea);

    const City city = build_city(seed, centre);
    const std::vector<Address> addresses = build_addresses(seed, city);
    Tally tally;
    const Grid grid = build_grid(city, addresses, tally);

    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error(fmt::format("{}: cannot create directory: {}", dir.string(), ec.message()));

    PendingFile gpkg(dir / "districts.gpkg");
    PendingFile csv(dir / "addresses_2023.csv");
    PendingFile tif(dir / "pop_100m.tif");
    PendingFile changes(dir / "changes_2023_2024.txt");
    write_districts(gpkg, city, *laea);
    write_text(csv, addresses_csv(addresses));
    write_grid(tif, grid, *laea);
    write_text(changes, manifest(city));
    for (PendingFile* f : {&gpkg, &csv, &tif, &changes}) f->commit();

    const double km2 = static_cast<double>(twice_area(city.outline)) / 2e10;
    fmt::print("regio-make-demo: seed {}, centre EPSG:3035 ({}, {}), written to {}\n", seed, coord(centre.x), coord(centre.y),
               dir.string());
    fmt::print("districts.gpkg: districts_2023 {} districts, districts_2024 {} districts, city area {:.2f} km2\n",
               city.before.districts.size(), city.after.districts.size(), km2);
    for (const auto& line : city.changes) fmt::print("  change: {}\n", line);
    fmt::print("addresses_2023.csv: {} rows = {} valid ({} inside the city, {} outside) + {} invalid ({} empty x, {} NaN y, {} n/a)\n",
               tally.rows, tally.inside + tally.outside, tally.inside, tally.outside,
               tally.empty_x + tally.nan_y + tally.not_numeric, tally.empty_x, tally.nan_y, tally.not_numeric);
    fmt::print("residents: {} in all rows, {} in valid rows, {} in {} valid rows inside the grid\n", tally.residents_all,
               tally.residents_valid, tally.residents_in_grid, tally.valid_in_grid);
    fmt::print("pop_100m.tif: {} x {} cells of 100 m from ({}, {}), grid total {} ({} valid in-grid residents)\n", grid.cols,
               grid.rows, coord(grid.origin_x), coord(grid.origin_y), tally.grid_total,
               tally.grid_total == tally.residents_in_grid ? "equals the" : "DIFFERS from the");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes the deterministic regio demo data set (districts, addresses, population grid)."};
    std::string out = "geodata/demo";
    std::uint64_t seed = 20240101;
    app.add_option("--out", out, "output directory")->capture_default_str();
    app.add_option("--seed", seed, "random seed; the same seed gives the same files")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    try {
        return run(out, seed);
    } catch (const std::exception& e) {
        fmt::print(stderr, "regio-make-demo: error: {}\n", e.what());
        return 1;
    }
}
