// End-to-end tests of `regio aggregate grid`: area and centroid methods, no data,
// cell-code tables, vector grids, bands, weighted means, regions in another CRS.
// The fixtures and helpers: aggregate_grid_cli_fixtures.hpp.
#include "aggregate_grid_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_grid_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::grid_cli;


// ---------------------------------------------------------------------------
// 1. Area method: exact partial cells (halves, quarters, a diagonal half, a
// region reaching beyond the grid, one far away).
TEST_CASE("aggregate grid: area method gives exact shares of cells", "[cli][grid][area]") {
    const std::string format = GENERATE(as<std::string>{}, "asc", "tif");
    const std::string threads = GENERATE(as<std::string>{}, "1", "4");
    CAPTURE(format, threads);
    TempDir tmp;
    const auto grid = raster_fixture("grid_4x4.asc", format, tmp.subdir("in"));
    if (!grid) return;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "report.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(*grid), out_dir / "grid.csv",
                                           {"--stat", kAllStats, "--threads", threads, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out_dir / "grid.csv") == read_file(expected("grid_area.csv")));
    CHECK(list_dir(out_dir) == Names{"grid.csv", "report.json"});  // no .regio-* left

    // grid total = allocated + outside, and the allocated share is conserved.
    CHECK_THAT(r.err, StartsWith(summary("band1", "4080", "1747.5", "2332.5", 0)));
    CHECK_THAT(r.err, Contains("(" + threads + " threads, 16 cells)\n"));
    CHECK_THAT(r.err, !Contains("warning"));

    const std::string json = read_file(report);
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"aggregate grid\""));
    CHECK_THAT(json, Contains("\"method\": \"area\""));
    CHECK(json_number(json, "grid", "cells") == 16);
    CHECK(json_number(json, "grid", "cell_area") == 1e6);
    CHECK(json_number(json, "band1", "grid_total") == 4080);
    CHECK(json_number(json, "band1", "allocated") == 1747.5);
    CHECK(json_number(json, "band1", "outside") == 2332.5);
    CHECK(json_number(json, "band1", "inside_regions") == 1747.5);
    CHECK(json_number(json, "band1", "nodata_cells") == 0);
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

TEST_CASE("aggregate grid: --quiet prints nothing on success", "[cli][grid]") {
    TempDir tmp;
    const RunResult r = run_regio(
        grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc")), tmp / "q.csv", {"--stat", kAllStats, "-q"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(read_file(tmp / "q.csv") == read_file(expected("grid_area.csv")));
}

// ---------------------------------------------------------------------------
// 2. Centroid method: whole cells by their centre. Centres on region edges
// follow the point rule (east, then north):
//   (1500, 500) and (1500, 1500) lie on the A|B edge -> B (east of it);
//   (2500, 2500) is C's south-west corner, (3500, 2500) on its south edge and
//   (2500, 3500) on its west edge -> C (north / east of them);
//   (3500, 500) lies on D's diagonal -> D (east of it).
// A 30 + 150 = 180; B 60 + 180 + 90 + 210 = 540; C 330 + 360 + 450 + 480 =
// 1620; D 120. Allocated 2460, outside 1620.
TEST_CASE("aggregate grid: centroid method takes whole cells by their centre", "[cli][grid][centroid]") {
    TempDir tmp;
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc")), tmp / "c.csv",
                                           {"--method", "centroid", "--stat", kAllStats, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "c.csv") == read_file(expected("grid_centroid.csv")));
    CHECK(list_dir(tmp.path()) == Names{"c.csv", "report.json"});
    CHECK_THAT(r.err, StartsWith(summary("band1", "4080", "2460", "1620", 0)));
    const std::string json = read_file(report);
    CHECK_THAT(json, Contains("\"method\": \"centroid\""));
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

// ---------------------------------------------------------------------------
// 3. No data: grid_4x4_nodata.asc is grid_4x4.asc with (1,1) (180, split
// between A and B) and (0,3) (390, outside all regions) at NODATA_value.
// Both still count in the covered area, not in sum, mean or count:
// A 300 - 90 = 210 over 2.5 cells (mean 84), B 420 - 90 = 330 (mean 132).
TEST_CASE("aggregate grid: no-data cells count in the area only", "[cli][grid][nodata]") {
    const std::string format = GENERATE(as<std::string>{}, "asc", "tif");
    CAPTURE(format);
    TempDir tmp;
    const auto grid = raster_fixture("grid_4x4_nodata.asc", format, tmp.subdir("in"));
    if (!grid) return;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "r.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(*grid), out_dir / "n.csv",
                                           {"--stat", kAllStats, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out_dir / "n.csv") == read_file(expected("grid_nodata.csv")));
    CHECK_THAT(r.err, StartsWith(summary("band1", "3510", "1567.5", "1942.5", 2)));
    const std::string json = read_file(report);
    CHECK(json_number(json, "band1", "nodata_cells") == 2);
    CHECK(json_number(json, "band1", "grid_total") == 3510);
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

// ---------------------------------------------------------------------------
// 4. Grid tables: the 16 cells of grid_4x4.asc as cell codes, rows shuffled.
TEST_CASE("aggregate grid: a --grid-table of cell codes gives the raster's numbers", "[cli][grid][table]") {
    // INSPIRE (CRS3035RES1000mN3000000E4000000), GEOSTAT (1kmN3000E4000) and
    // EEA (1kmE4000N3000) codes.
    const auto [file, cell_id] = GENERATE(table<std::string, std::string>({{"grid_4x4_inspire.csv", "GRD_ID"},
                                                                          {"grid_4x4_geostat.csv", "GRD_ID"},
                                                                          {"grid_4x4_eea.csv", "CELLCODE"}}));
    const auto [method, expected_csv, allocated, outside] = GENERATE(table<std::string, std::string, std::string, std::string>(
        {{"area", "grid_area.csv", "1747.5", "2332.5"}, {"centroid", "grid_centroid.csv", "2460", "1620"}}));
    CAPTURE(file, method);
    TempDir tmp;
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), cell_table(data(file), cell_id), tmp / "t.csv",
                                           {"--method", method, "--stat", kAllStats}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "t.csv") == renamed(read_file(expected(expected_csv)), "T"));
    CHECK_THAT(r.err, StartsWith(summary("T", "4080", allocated, outside, 0)));
    CHECK(list_dir(tmp.path()) == Names{"t.csv"});
}

TEST_CASE("aggregate grid: census table with -9999 and an unallocated row", "[cli][grid][table][nodata]") {
    // grid_4x4_census.csv: the cells of grid_4x4_nodata.asc with -9999 for
    // its no-data cells (negative = not available), plus "unallocated,25":
    // people in no cell, reported apart from the grid total.
    TempDir tmp;
    const fs::path report = tmp / "r.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), cell_table(data("grid_4x4_census.csv")),
                                           tmp / "c.csv", {"--stat", kAllStats, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "c.csv") == renamed(read_file(expected("grid_nodata.csv")), "T"));
    CHECK_THAT(r.err, StartsWith(summary("T", "3510", "1567.5", "1942.5", 2, "25")));
    const std::string json = read_file(report);
    INFO(json);
    CHECK(json_number(json, "T", "unallocated") == 25);
    CHECK(json_number(json, "T", "nodata_cells") == 2);
    CHECK(json_number(json, "T", "grid_total") == 3510);
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

// ---------------------------------------------------------------------------
// 5. A vector grid: the 16 cells as 1000 m squares with a field T.
TEST_CASE("aggregate grid: a --grid-layer of cell polygons gives the raster's numbers", "[cli][grid][layer]") {
    const auto [method, expected_csv, allocated, outside] = GENERATE(table<std::string, std::string, std::string, std::string>(
        {{"area", "grid_area.csv", "1747.5", "2332.5"}, {"centroid", "grid_centroid.csv", "2460", "1620"}}));
    CAPTURE(method);
    TempDir tmp;
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), layer(data("grid_4x4_cells.geojson")),
                                           tmp / "l.csv", {"--method", method, "--stat", kAllStats}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "l.csv") == renamed(read_file(expected(expected_csv)), "T"));
    CHECK_THAT(r.err, StartsWith(summary("T", "4080", allocated, outside, 0)));
}

// ---------------------------------------------------------------------------
// 6. Several bands: grid_4x4_bands.vrt has grid_4x4.asc as band 1 and
// grid_4x4_weights.asc (total 25) as band 2. Columns follow the bands named.
TEST_CASE("aggregate grid: --grid FILE:BANDS sums each band named", "[cli][grid][bands]") {
    const auto [bands, expected_csv] = GENERATE(table<std::string, std::string>(
        {{"1,2", "grid_bands.csv"}, {"2,1", "grid_bands_reversed.csv"}}));
    CAPTURE(bands);
    TempDir tmp;
    const RunResult r = run_regio(
        grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4_bands.vrt") + ":" + bands), tmp / "b.csv"));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "b.csv") == read_file(expected(expected_csv)));
    CHECK_THAT(r.err, Contains(summary("band1", "4080", "1747.5", "2332.5", 0)));
    CHECK_THAT(r.err, Contains(summary("band2", "25", "13", "12", 0)));
}

// ---------------------------------------------------------------------------
// 7. weighted_mean: Σ value × weight × share / Σ weight × share, with
// grid_4x4_weights.asc on the same grid:
//     j=3   0 1 2 1
//     j=2   1 1 4 2
//     j=1   2 1 1 3
//     j=0   1 1 2 2
// area:     A (30 + 300 + (60 + 180)/2) / (1 + 2 + 1) = 112.5
//           B ((60 + 180)/2 + 180 + 210) / (1 + 2 + 1) = 127.5
//           C (330/4·4 + 360/2·2 + 450/2·2 + 480) / 4 = 405;  D 120
// centroid: A (30 + 300) / 3 = 110;  B (60 + 180 + 180 + 210) / 5 = 126
//           C (1320 + 720 + 900 + 480) / 9 = 380;  D 120
TEST_CASE("aggregate grid: --stat weighted_mean with --weights", "[cli][grid][weights]") {
    const auto [method, expected_csv] = GENERATE(table<std::string, std::string>(
        {{"area", "grid_weighted_mean.csv"}, {"centroid", "grid_weighted_mean_centroid.csv"}}));
    CAPTURE(method);
    TempDir tmp;
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc")), tmp / "w.csv",
                                           {"--method", method, "--stat", "sum,weighted_mean", "--weights",
                                            data("grid_4x4_weights.asc")}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "w.csv") == read_file(expected(expected_csv)));
    CHECK(list_dir(tmp.path()) == Names{"w.csv"});
}


// ---------------------------------------------------------------------------
// 9. Regions in another CRS: regions_grid.geojson reprojected to lon/lat at
// test time. The regions move into the grid's CRS (vertex by vertex), so the
// numbers match (1) up to PROJ's round-trip error (about 0.3 mm here, giving
// relative differences below 7e-7).
TEST_CASE("aggregate grid: regions in EPSG:4326 are transformed into the grid's CRS", "[cli][grid][crs]") {
    const std::string input = GENERATE(as<std::string>{}, "raster", "table");
    CAPTURE(input);
    TempDir tmp;
    const fs::path lonlat = tmp / "regions_lonlat.geojson";
    if (!run_tool("ogr2ogr", {"-f", "GeoJSON", "-t_srs", "EPSG:4326", lonlat.string(), data("regions_grid.geojson")}))
        return;
    REQUIRE_THAT(read_file(lonlat), Contains("CRS84"));  // really lon/lat now
    const fs::path out_dir = tmp.subdir("out");
    const Args grid = input == "raster" ? raster(data("grid_4x4.asc")) : cell_table(data("grid_4x4_inspire.csv"));
    const RunResult r = run_regio(grid_cmd(lonlat.string(), grid, out_dir / "ll.csv", {"--stat", kAllStats}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(list_dir(out_dir) == Names{"ll.csv"});

    std::string want_text = read_file(expected("grid_area.csv"));
    if (input == "table") want_text = renamed(want_text, "T");
    const auto got = csv_rows(read_file(out_dir / "ll.csv"));
    const auto want = csv_rows(want_text);
    REQUIRE(got.size() == want.size());
    CHECK(got[0] == want[0]);  // header
    for (std::size_t row = 1; row < want.size(); ++row) {
        REQUIRE(got[row].size() == want[row].size());
        CHECK(got[row][0] == want[row][0]);  // region id, same order
        for (std::size_t col = 1; col < want[row].size(); ++col) {
            INFO("region " << want[row][0] << ", " << want[0][col] << ": got '" << got[row][col] << "', want '"
                           << want[row][col] << "'");
            if (want[row][col].empty()) {
                CHECK(got[row][col].empty());
                continue;
            }
            REQUIRE_FALSE(got[row][col].empty());
            CHECK(std::stod(got[row][col]) == Approx(std::stod(want[row][col])).epsilon(1e-6));
        }
    }
    // The grid total is the grid's own; allocated and outside move by the same tiny amount.
    CHECK_THAT(r.err, StartsWith((input == "raster" ? "band1" : "T") + std::string(": grid total 4080 = ")));
}

}  // namespace aggregate_grid_cli_test
