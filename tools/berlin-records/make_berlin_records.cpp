// regio-make-berlin-records: a seeded synthetic register extract of Berlin,
// address records placed on Berlin's real geography (geodata/berlin/README.md).
//
//   regio-make-berlin-records [--data geodata/berlin] [--out FILE.csv] [--seed N]
//
// Reads the 2020 planning areas (lor_3035.gpkg:plr_until2020), their register
// counts of 31.12.2020 (register_2020-12_planning-areas.csv) and the 1 km
// population grid (pop_1km_2018.tif). Every planning area's residents become
// address records (records.cpp) placed inside the area in proportion to the
// grid (placement.cpp). Counted back onto the planning areas, the records give
// the register's counts exactly. The CSV is written under a temporary name and
// renamed into place; the same seed gives a byte-identical file.
#include "area_pieces.hpp"
#include "placement.hpp"
#include "records.hpp"

#include "regio/io/csv_table.hpp"
#include "regio/io/gdal_handles.hpp"
#include "regio/io/output_file.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace fs = std::filesystem;
using namespace berlin_records;

namespace {

constexpr std::uint64_t kDefaultSeed = 20201231;

std::vector<AreaCounts> read_counts(const std::string& path) {
    const regio::io::CsvTable t = regio::io::read_csv_table(path);
    const std::size_t id = t.column("id");
    const auto count = [&](std::size_t row, const std::string& column) {
        const double v = t.number(row, t.column(column));
        if (!(v >= 0) || v != std::floor(v))
            throw regio::DataError("not a count: '" + t.rows[row][t.column(column)] + "'", regio::Where{path, {}, t.lines[row], {}, column});
        return static_cast<std::int64_t>(v);
    };
    std::vector<AreaCounts> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        AreaCounts a;
        a.id = t.rows[r][id];
        a.inhabitants = count(r, "inhabitants");
        a.with_migration_background = count(r, "inhabitants_with_migration_background");
        a.germans_without_migration_background = count(r, "inhabitants_germans_without_migration_background");
        a.germans_with_migration_background = count(r, "inhabitants_germans_with_migration_background");
        a.foreigners = count(r, "inhabitants_foreigners");
        for (std::size_t k = 0; k < kOrigins.size(); ++k) a.origins[k] = count(r, std::string("inhabitants_from_") + kOrigins[k]);
        check_counts(a);
        out.push_back(std::move(a));
    }
    return out;
}

int run(const std::string& data, const std::string& out_path, std::uint64_t seed) {
    regio::io::ensure_gdal();
    regio::io::CplErrorCapture capture;
    const std::string gpkg = data + "/lor_3035.gpkg";
    const std::vector<AreaCounts> counts = read_counts(data + "/register_2020-12_planning-areas.csv");
    std::map<std::string, const AreaCounts*> by_id;
    for (const auto& a : counts)
        if (!by_id.emplace(a.id, &a).second) throw regio::DataError("id " + a.id + " twice", regio::Where{data + "/register_2020-12_planning-areas.csv"});
    const Raster grid = read_grid(data + "/pop_1km_2018.tif");

    regio::io::DatasetPtr ds = regio::io::open_vector(gpkg);
    OGRLayer& layer = regio::io::select_layer(*ds, gpkg, "plr_until2020");
    const regio::Where where{gpkg, "plr_until2020"};
    const int id_field = regio::io::find_field(layer, "id", where);

    regio::io::OutputFile out(out_path, regio::io::Overwrite::Yes, {gpkg});
    std::ofstream csv(out.temp_path(), std::ios::binary);
    csv << "address_id,x,y";
    for (const char* c : kColumns) csv << ',' << c;
    csv << '\n';
    std::set<std::string> placed;
    std::size_t records = 0, area_weighted = 0;
    std::int64_t residents = 0;
    Rng rng = Rng::stream(seed, 1);
    layer.ResetReading();
    for (regio::io::FeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        const std::string id = f->GetFieldAsString(id_field);
        const auto it = by_id.find(id);
        if (it == by_id.end()) throw regio::DataError("planning area " + id + " has no register row", where);
        if (!placed.insert(id).second) throw regio::DataError("planning area " + id + " twice (was the extract's fix applied?)", where);
        const OGRGeometry* geometry = f->GetGeometryRef();
        if (!geometry) throw regio::DataError("planning area " + id + " has no geometry", where);
        const regio::io::GeometryPtr inner(geometry->Buffer(-kBoundaryClearance));
        if (!inner || inner->IsEmpty())
            throw regio::DataError("planning area " + id + " is nowhere wider than " + std::to_string(2 * kBoundaryClearance) + " m", where);
        const AreaPieces pieces = cut_area(*inner, grid);
        area_weighted += pieces.area_weighted ? 1 : 0;
        for (const Record& r : address_records(*it->second, rng)) {
            const XY at = draw_point(pieces, id, rng);
            csv << fmt::format("B{:07d},{:.2f},{:.2f}", ++records, at.x, at.y);
            for (std::int32_t v : r) csv << ',' << v;
            csv << '\n';
            residents += r[0];
        }
    }
    for (const auto& a : counts)
        if (!placed.count(a.id)) throw regio::DataError("register row " + a.id + " has no planning area", where);
    csv.close();
    if (!csv) throw regio::IoError("write failed", regio::Where{out_path});
    out.commit();
    std::cerr << fmt::format("regio-make-berlin-records: {} address records, {} residents in {} planning areas "
                             "({} placed by area: no populated cell) -> {}\n",
                             records, residents, placed.size(), area_weighted, out_path);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    regio::io::apply_program_gdal_settings();
    CLI::App app{"regio-make-berlin-records: a seeded synthetic register extract on Berlin's 2020 planning areas"};
    std::string data = "geodata/berlin";
    std::string out;
    std::uint64_t seed = kDefaultSeed;
    app.add_option("--data", data, "The Berlin extract (tools/berlin-extract)")->capture_default_str();
    app.add_option("--out", out, "Output CSV (default: DATA/addresses_2020.csv)");
    app.add_option("--seed", seed, "Random seed")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    if (out.empty()) out = data + "/addresses_2020.csv";
    try {
        return run(data, out, seed);
    } catch (const regio::Error& e) {
        std::cerr << "regio-make-berlin-records: error: " << e.what() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "regio-make-berlin-records: error: " << e.what() << '\n';
    }
    return 1;
}
