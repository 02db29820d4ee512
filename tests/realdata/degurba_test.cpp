// The Degree of Urbanisation of Europe on the JRC 1 km population grid of
// 2018 (5561 x 4472 cells, nodata 65535 = nobody): the whole run in seconds,
// plausible numbers of urban centres and their population, Berlin's urban
// centre containing its city centre and district Mitte, and Berlin's 12
// districts classified as cities.
//
// Figures of the first run (kept as INFO/WARN in the log): 866 urban
// centres holding 198.1 million of 541.9 million people (36.6 %); Berlin's
// centre 3.56 million in 643 cells. The bounds below are wide on purpose:
// they catch a broken rule (no smoothing, 8-connected centres, a wrong
// divisor), not the third digit.
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/grid_input.hpp"
#include "regio/geometry/point_locator.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/io/region_reader.hpp"

#include "realdata_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace degurba_test {

using namespace regio;
namespace fs = std::filesystem;

using namespace regio_realdata;

namespace {

const std::string kData = REGIO_SHARED_DATA;
const std::string kGrid = kData + "/grid/JRC_1K_POP_2018.tif";
const std::string kBerlin = kData + "/city/berlin/berlin_lor_3035.gpkg";
// ../shared/spec/grids.md: 52.52 N, 13.405 E in EPSG:3035.
constexpr double kBerlinX = 4552036.45;
constexpr double kBerlinY = 3273268.27;

}  // namespace

TEST_CASE("real data: degurba of Europe at 1 km through the CLI, Berlin's districts are cities") {
    TempDir tmp("regio-degurba");
    const auto start = std::chrono::steady_clock::now();
    const int code = run_regio({"degurba", "--grid", kGrid, "-o", (tmp.path() / "europe.tif").string(), "--clusters",
                                (tmp.path() / "clusters.csv").string(), "--units", kBerlin + ":districts", "--unit-id",
                                "id", "--units-out", (tmp.path() / "districts.csv").string(), "--report",
                                (tmp.path() / "report.json").string()},
                               tmp.path() / "stderr.txt");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string err = slurp(tmp.path() / "stderr.txt");
    INFO("stderr: " << err);
    REQUIRE(code == 0);
    WARN("degurba of Europe (JRC 1 km 2018, CLI incl. GeoTIFF, clusters and units): " << seconds << " s\n" << err);
    CHECK(seconds < 20);

    const auto report = nlohmann::json::parse(slurp(tmp.path() / "report.json"));
    const auto& population = report["population"];
    const auto& centres = report["urban_centres"];
    const auto& clusters = report["urban_clusters"];
    const double total = population["total"].get<double>();
    const double in_centres = centres["population"].get<double>();
    const int centre_count = centres["count"].get<int>();
    WARN("urban centres: " << centre_count << " holding " << in_centres << " of " << total << " ("
                           << 100 * in_centres / total << " %); urban clusters: " << clusters["count"].get<int>()
                           << ", " << clusters["population_outside_centres"].get<double>()
                           << " people outside centres; rural " << population["rural"].get<double>());
    CHECK(report["grid"]["cells"].get<std::int64_t>() == 5561LL * 4472LL);
    CHECK(population["conserved"].get<bool>());
    // The JRC grid covers the EU, EFTA, the UK and the Western Balkans.
    CHECK(total > 500e6);
    CHECK(total < 600e6);
    CHECK(centre_count >= 700);
    CHECK(centre_count <= 1100);
    CHECK(in_centres / total >= 0.30);
    CHECK(in_centres / total <= 0.50);
    // Every urban centre is inside an urban cluster: more urban than centre people.
    CHECK(clusters["count"].get<int>() > centre_count);
    CHECK(clusters["population_including_centres"].get<double>() / total > 0.6);

    // Berlin's 12 districts: all cities (≥ 50 % of their people in the centre).
    const std::string districts = slurp(tmp.path() / "districts.csv");
    INFO(districts);
    std::istringstream lines(districts);
    std::string line;
    std::getline(lines, line);
    CHECK(line ==
          "id,population,pop_urban_centre,pop_urban_cluster,pop_rural,share_urban_centre,share_urban_cluster,"
          "share_rural,area_km2,class,class_name,class_basis");
    int rows = 0;
    while (std::getline(lines, line)) {
        ++rows;
        INFO(line);
        CHECK(line.ends_with(",1,city,population"));
    }
    CHECK(rows == 12);
    CHECK(report["units"]["by_class"]["city"].get<int>() == 12);
}

TEST_CASE("real data: degurba Berlin's urban centre holds its city centre and all of Mitte") {
    auto grid = io::open_raster_grid(kGrid);
    const degurba::GridInput in = degurba::read_grid_input(*grid, {});
    const degurba::GridClassification classes = degurba::classify_grid(in.grid, degurba::Options{});
    const grid::GridDefinition& g = in.definition;
    auto cell = [&](std::int64_t row, std::int64_t col) { return static_cast<std::size_t>(row * g.cols + col); };

    // The cell of Berlin's centre point is an urban-centre cell of a centre
    // of more than 3 million people.
    const std::size_t centre_cell = cell(g.row_of(kBerlinY), g.col_of(kBerlinX));
    REQUIRE(classes.cell_class[centre_cell] == degurba::code::urban_centre);
    const std::int32_t berlin = classes.cluster_id[centre_cell];
    REQUIRE(berlin > 0);
    const degurba::ClusterSummary& summary = classes.clusters[static_cast<std::size_t>(berlin) - 1];
    WARN("Berlin's urban centre: id " << berlin << ", " << summary.population << " people in " << summary.cells
                                      << " cells");
    CHECK(summary.cell_class == degurba::code::urban_centre);
    CHECK(summary.population > 3e6);

    // Every cell whose centre lies in district 01 (Mitte) is in that centre.
    std::vector<std::string> warnings;
    const geometry::RegionSet districts = io::read_regions(io::InputSpec{kBerlin, "districts"}, {"id", {}}, warnings);
    const auto it = std::find(districts.ids.begin(), districts.ids.end(), "01");
    REQUIRE(it != districts.ids.end());
    const auto mitte = static_cast<std::size_t>(it - districts.ids.begin());
    const geometry::PointLocator locator(std::vector<geometry::MultiPolygon>{districts.shapes[mitte]});
    const geometry::Box box = geometry::bounds(districts.shapes[mitte]);
    int inside = 0;
    int in_centre = 0;
    for (std::int64_t row = g.row_of(box.ymax); row <= g.row_of(box.ymin); ++row)
        for (std::int64_t col = g.col_of(box.xmin); col <= g.col_of(box.xmax); ++col) {
            if (locator.locate({g.col_centre(col), g.row_centre(row)}) != 0) continue;
            ++inside;
            const std::size_t i = cell(row, col);
            in_centre += classes.cell_class[i] == degurba::code::urban_centre && classes.cluster_id[i] == berlin;
        }
    WARN("Mitte: " << inside << " cells with their centre inside, " << in_centre << " of them in Berlin's urban centre");
    CHECK(inside >= 30);  // Mitte is 39.5 km²
    CHECK(in_centre == inside);
}

}  // namespace degurba_test
