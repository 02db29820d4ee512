// End-to-end tests of `regio degurba` on the worked Example A of
// ../shared/spec/degurba.md §6 (degurba_example_a.asc: 12 x 12 cells of
// 1000 m, EPSG:3035, south-west corner (4000000, 3000000), row 0 north).
//
// The spec's expected result: one urban centre, the full 6 x 6 block (rows
// and columns 2-7, 36 cells, 61 600 people: the ring, 4 corners added by the
// majority rule, then the 12-cell hole filled); urban-cluster cells (1,4) and
// (8,8) (joined to the centre's group: cluster 2, 1 499 + 400) and (10,10) +
// (11,11) (5 000: cluster 3); (10,0) + (11,1) stay rural (4 999).
//
// degurba_units.geojson cuts the grid into five units (offsets in km from the
// corner): W x 0-5.5, y 2-12 and E x 5.5-12, y 2-12 (column 5 split in
// halves), S x 0-9, y 0-2, T an L of row 10 columns 9-11 plus cell (11,11),
// Z cells (11,9) and (11,10). By hand:
//   W: centre cells of columns 2-4 (9000 + 9000 + 12000 + 800) and half of
//      column 5 (1500 + 1500 + 200): 34 000; (1,4) 1 499; total 35 499: city
//   E: 61 600 - 34 000 = 27 600 in the centre, (8,8) 400: city
//   S: 4 999 rural: rural area;  T: 5 000 in urban clusters: town
//   Z: nobody; by land area all rural: rural area
// The sum 73 498 is the grid total.
//
// Failing runs leave nothing behind: their outputs go to a fresh directory
// that must still be empty afterwards.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace degurba_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

// The spec's class map of Example A (§6, step 5) as cell codes: U = 30
// urban centre, C = 20 urban cluster, R = 11 rural.
const std::vector<std::string> kExampleA{
    "RRRRRRRRRRRR", "RRRRCRRRRRRR", "RRUUUUUURRRR", "RRUUUUUURRRR", "RRUUUUUURRRR", "RRUUUUUURRRR",
    "RRUUUUUURRRR", "RRUUUUUURRRR", "RRRRRRRRCRRR", "RRRRRRRRRRRR", "RRRRRRRRRRCR", "RRRRRRRRRRRC",
};

std::vector<int> expected_codes() {
    std::vector<int> codes;
    for (const auto& row : kExampleA)
        for (const char c : row) codes.push_back(c == 'U' ? 30 : c == 'C' ? 20 : 11);
    return codes;
}

Args degurba(const Args& extra) {
    Args args{"degurba"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

Args example_a(const fs::path& output, const Args& extra = {}) {
    Args args{"degurba", "--grid", data("degurba_example_a.asc"), "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

Args units_args(const fs::path& output) {
    return {"--units", data("degurba_units.geojson"), "--unit-id", "unit", "--units-out", output.string()};
}

// The tool's full path, or nullopt with a warning that part of a test is skipped.
std::optional<std::string> tool(const std::string& name) {
    auto program = find_on_path(name);
    if (!program) WARN(name << " is not on PATH: skipping this part of the test");
    return program;
}

// The cell values of an AAIGrid text: the numbers after the header lines.
std::vector<int> aaigrid_values(const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    std::vector<int> values;
    while (std::getline(lines, line)) {
        if (line.empty() || std::isalpha(static_cast<unsigned char>(line.front()))) continue;
        std::istringstream fields(line);
        int v = 0;
        while (fields >> v) values.push_back(v);
    }
    return values;
}

// The rows ogrinfo prints for an SQL query on a GeoPackage, as "field = value" lines.
std::string ogr_sql(const std::string& ogrinfo, const fs::path& gpkg, const std::string& sql) {
    const RunResult r = run_program(ogrinfo, {"-q", "-ro", gpkg.string(), "-dialect", "sqlite", "-sql", sql});
    INFO("ogrinfo stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// Runs a failing command: exit code, message, nothing on stdout, nothing left in out_dir.
void check_fails(const Args& args, int exit_code, const std::string& message, const fs::path& out_dir) {
    const RunResult r = run_regio(args);
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == exit_code);
    CHECK_THAT(r.err, StartsWith("regio: error: "));
    CHECK_THAT(r.err, Contains(message));
    CHECK(r.out.empty());
    CHECK(list_dir(out_dir) == Names{});
}

}  // namespace

TEST_CASE("degurba: Example A gives the spec's class map, clusters and totals", "[cli][degurba]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const RunResult r = run_regio(example_a(out / "cells.tif", {"--clusters", (out / "clusters.csv").string(), "--report",
                                                                (out / "report.json").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(list_dir(out) == Names{"cells.tif", "clusters.csv", "report.json"});
    CHECK(read_file(out / "clusters.csv") == read_file(expected("degurba_example_a_clusters.csv")));

    // Conservation on stderr and in the report: 73 498 = 61 600 + 6 899 + 4 999.
    // (After the note of the all-land assumption: no --land.)
    CHECK_THAT(r.err, StartsWith("regio: note: every cell counted as land (no --land given)\n"
                                 "degurba: 144 cells of 1000 m (12 x 12), population 73498\n"));
    CHECK_THAT(r.err, Contains("urban centres: 1 holding 61600 (83.8%); urban clusters: 2 (2 with cells outside "
                               "centres, holding 6899, 9.4%); rural: 4999 (6.8%); conservation error 0.00e+00\n"));
    const std::string json = read_file(out / "report.json");
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"degurba\""));
    CHECK_THAT(json, Contains("\"preset\": \"Manual2021\""));
    CHECK_THAT(json, Contains("\"size_test\": \"before-smoothing\""));
    CHECK(json_number(json, "population", "total") == 73498);
    CHECK(json_number(json, "population", "urban_centres") == 61600);
    CHECK(json_number(json, "population", "urban_clusters") == 6899);
    CHECK(json_number(json, "population", "rural") == 4999);
    CHECK_THAT(json, Contains("\"conserved\": true"));
    CHECK(json_number(json, "urban_centres\": {\n    \"count", "cells") == 36);
    CHECK(json_number(json, "urban_centres\": {\n    \"count", "cells_added_by_smoothing") == 4);
    CHECK(json_number(json, "urban_centres\": {\n    \"count", "cells_added_by_filling") == 12);

    // The class raster read back: exactly the spec's map.
    if (const auto translate = tool("gdal_translate")) {
        const fs::path asc = tmp / "cells.asc";
        const RunResult t = run_program(*translate, {"-q", "-of", "AAIGrid", (out / "cells.tif").string(), asc.string()});
        INFO("gdal_translate stderr: " << t.err);
        REQUIRE(t.exit_code == 0);
        const std::string text = read_file(asc);
        CHECK_THAT(text, Contains("xllcorner    4000000"));
        CHECK_THAT(text, Contains("yllcorner    3000000"));
        CHECK_THAT(text, Contains("cellsize     1000"));
        CHECK(aaigrid_values(text) == expected_codes());
    }
    if (const auto gdalinfo = tool("gdalinfo")) {
        const RunResult i = run_program(*gdalinfo, {(out / "cells.tif").string()});
        CHECK_THAT(i.out, Contains("Type=Byte"));
        CHECK_THAT(i.out, Contains("COMPRESSION=DEFLATE"));
        CHECK_THAT(i.out, Contains("Block=256x256"));
        CHECK_THAT(i.out, Contains("ID[\"EPSG\",3035]"));
        CHECK_THAT(i.out, Contains("DEGURBA_URBAN_CENTRE=density>=1500 population>=50000 connectivity=4"));
    }
}

TEST_CASE("degurba: a grid table of cell codes gives the raster's result", "[cli][degurba]") {
    // degurba_example_a.csv lists the populated cells and two corners of row 0
    // (for the extent); the cells it leaves out are no data, counted as 0.
    TempDir tmp;
    const RunResult r = run_regio(degurba({"--grid-table", data("degurba_example_a.csv"), "--cell-id", "GRD_ID", "--value",
                                           "POP", "-o", (tmp / "cells.tif").string(), "--clusters",
                                           (tmp / "clusters.csv").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "clusters.csv") == read_file(expected("degurba_example_a_clusters.csv")));
    CHECK_THAT(r.err, StartsWith("regio: note: every cell counted as land (no --land given)\n"
                                 "degurba: 144 cells of 1000 m (12 x 12), population 73498; 100 no-data cells counted as 0\n"));
}

TEST_CASE("degurba: units get their population per class and their class", "[cli][degurba][units]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const RunResult r = run_regio(example_a(out / "cells.tif", units_args(out / "units.csv")));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out / "units.csv") == read_file(expected("degurba_units.csv")));
    CHECK_THAT(r.err, Contains("units: 5 (2 city, 1 town or semi-dense area, 2 rural area); population 73498 allocated "
                               "of 73498 under the units\n"));
    CHECK(list_dir(out) == Names{"cells.tif", "units.csv"});

    // The same units in EPSG:4326 are moved into the grid's CRS: same classes.
    if (const auto ogr2ogr = tool("ogr2ogr")) {
        const fs::path lonlat = tmp / "units_4326.geojson";
        const RunResult t = run_program(*ogr2ogr, {"-t_srs", "EPSG:4326", lonlat.string(), data("degurba_units.geojson")});
        REQUIRE(t.exit_code == 0);
        const RunResult r2 = run_regio(degurba({"--grid", data("degurba_example_a.asc"), "-o", (tmp / "c2.tif").string(),
                                                "--units", lonlat.string(), "--unit-id", "unit", "--units-out",
                                                (tmp / "u2.csv").string(), "-q"}));
        INFO("stderr: " << r2.err);
        REQUIRE(r2.exit_code == 0);
        const std::string csv = read_file(tmp / "u2.csv");
        const std::vector<std::pair<std::string, std::string>> classes{{"W", ",1,city,population"},
                                                                       {"E", ",1,city,population"},
                                                                       {"S", ",3,rural area,population"},
                                                                       {"T", ",2,town or semi-dense area,population"},
                                                                       {"Z", ",3,rural area,land area"}};
        for (const auto& [unit, tail] : classes) {
            const auto line = line_starting_with(csv, unit + ",");
            REQUIRE(line);
            CHECK_THAT(*line, EndsWith(tail));
        }
    }
}

TEST_CASE("degurba: GeoPackage cells, clusters and units", "[cli][degurba][gpkg]") {
    TempDir tmp;
    const RunResult r = run_regio(example_a(tmp / "cells.gpkg", {"--clusters", (tmp / "clusters.gpkg").string(), "--units",
                                                                 data("degurba_units.geojson"), "--unit-id", "unit",
                                                                 "--units-out", (tmp / "units.gpkg").string(), "-q"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(list_dir(tmp.path()) == Names{"cells.gpkg", "clusters.gpkg", "units.gpkg"});
    const auto ogrinfo = tool("ogrinfo");
    if (!ogrinfo) return;
    // Clusters: the centre is the 6 x 6 block; each urban cluster two cells
    // apart (cluster 3 touches only at a corner): two polygons each.
    const std::string clusters = ogr_sql(*ogrinfo, tmp / "clusters.gpkg",
                                         "SELECT cluster_id, class, class_name, population, cells, ST_Area(geom) AS a, "
                                         "ST_NumGeometries(geom) AS n FROM clusters ORDER BY cluster_id");
    CHECK_THAT(clusters, Contains("cluster_id (Integer64) = 1\n  class (Integer64) = 30\n  class_name (String) = urban "
                                  "centre\n  population (Real) = 61600\n  cells (Integer64) = 36\n  a (Real) = 36000000\n"
                                  "  n (Integer) = 1\n"));
    CHECK_THAT(clusters, Contains("cluster_id (Integer64) = 2\n  class (Integer64) = 20\n  class_name (String) = urban "
                                  "cluster\n  population (Real) = 1899\n  cells (Integer64) = 2\n  a (Real) = 2000000\n"
                                  "  n (Integer) = 2\n"));
    CHECK_THAT(clusters, Contains("cluster_id (Integer64) = 3\n  class (Integer64) = 20\n  class_name (String) = urban "
                                  "cluster\n  population (Real) = 5000\n  cells (Integer64) = 2\n  a (Real) = 2000000\n"
                                  "  n (Integer) = 2\n"));
    const std::string centre = ogr_sql(*ogrinfo, tmp / "clusters.gpkg",
                                       "SELECT ST_AsText(ST_Envelope(geom)) AS box FROM clusters WHERE cluster_id = 1");
    CHECK_THAT(centre, Contains("POLYGON((4002000 3004000, 4008000 3004000, 4008000 3010000, 4002000 3010000, 4002000 3004000))"));
    // Cells: one polygon per 4-connected patch of one class: the rural rest
    // (104 cells, areas add up to the grid), the centre and four single cells.
    const std::string cells = ogr_sql(*ogrinfo, tmp / "cells.gpkg",
                                      "SELECT class, COUNT(*) AS patches, SUM(cells) AS n, SUM(population) AS pop, "
                                      "SUM(ST_Area(geom)) AS a FROM cells GROUP BY class ORDER BY class");
    CHECK_THAT(cells, Contains("class (Integer64) = 11\n  patches (Integer) = 1\n  n (Integer) = 104\n  pop (Real) = 4999\n"
                               "  a (Real) = 104000000\n"));
    CHECK_THAT(cells, Contains("class (Integer64) = 20\n  patches (Integer) = 4\n  n (Integer) = 4\n  pop (Real) = 6899\n"
                               "  a (Real) = 4000000\n"));
    CHECK_THAT(cells, Contains("class (Integer64) = 30\n  patches (Integer) = 1\n  n (Integer) = 36\n  pop (Real) = 61600\n"
                               "  a (Real) = 36000000\n"));
    const std::string units = ogr_sql(*ogrinfo, tmp / "units.gpkg", "SELECT unit, class_name FROM units WHERE unit = 'T'");
    CHECK_THAT(units, Contains("class_name (String) = town or semi-dense area"));
}

TEST_CASE("degurba: Level 2 adds the Level 2 columns and keeps the Level 1 classes", "[cli][degurba][units]") {
    TempDir tmp;
    const RunResult r = run_regio(example_a(tmp / "cells.tif", [&] {
        Args a = units_args(tmp / "units.csv");
        a.insert(a.end(), {"--level", "2", "-q"});
        return a;
    }()));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string csv = read_file(tmp / "units.csv");
    CHECK_THAT(csv, StartsWith("unit,population,pop_urban_centre,pop_urban_cluster,pop_rural,pop_dense_urban_cluster,"));
    CHECK_THAT(csv, Contains(",class,class_name,class_basis,class2,class2_name\n"));
    CHECK_THAT(csv, Contains("\nW,35499,34000,1499,0,"));
    CHECK_THAT(csv, Contains(",1,city,population,30,city\n"));
    CHECK_THAT(csv, Contains("\nZ,0,") && Contains(",3,rural area,land area,11,mostly uninhabited area\n"));
}

TEST_CASE("degurba: an existing output is kept without --overwrite", "[cli][degurba]") {
    TempDir tmp;
    write_file(tmp / "cells.tif", "keep me");
    const RunResult r = run_regio(example_a(tmp / "cells.tif"));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("exists"));
    CHECK(read_file(tmp / "cells.tif") == "keep me");
    CHECK(list_dir(tmp.path()) == Names{"cells.tif"});
    const RunResult again = run_regio(example_a(tmp / "cells.tif", {"--overwrite", "-q"}));
    CHECK(again.exit_code == 0);
    CHECK(read_file(tmp / "cells.tif") != "keep me");
}

TEST_CASE("bad degurba input: grids", "[cli][degurba][bad]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const Args outputs{"-o", (out / "cells.tif").string(), "--clusters", (out / "clusters.csv").string(), "--report",
                       (out / "report.json").string()};
    auto with = [&](Args args) {
        args.insert(args.begin(), "degurba");
        args.insert(args.end(), outputs.begin(), outputs.end());
        return args;
    };
    check_fails(with({"--grid", data("no_such_grid.tif")}), 1, "no such file", out);
    check_fails(with({"--grid", data("grid_nocrs.asc")}), 1, "the raster has no CRS", out);
    check_fails(with({"--grid", data("degurba_lonlat.asc")}), 1, "(EPSG:4326) is not a projected CRS in metres", out);
    check_fails(with({"--grid", data("degurba_nonsquare.asc")}), 1, "cells are not square (1000 x 500 m)", out);
    check_fails(with({"--grid", data("degurba_example_a.asc"), "--land", data("degurba_land_shifted.asc")}), 1,
                "--land is not on the population grid", out);
    check_fails(with({"--grid", data("degurba_example_a.asc"), "--units", data("degurba_units.geojson"), "--unit-id",
                      "code", "--units-out", (out / "units.csv").string()}),
                1, "field 'code'", out);
}

TEST_CASE("bad degurba input: usage errors", "[cli][degurba][bad][usage]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const std::string grid = data("degurba_example_a.asc");
    const std::string cells = (out / "cells.tif").string();
    check_fails(degurba({"-o", cells}), 2, "give exactly one of --grid, --grid-table and --grid-layer", out);
    check_fails(degurba({"--grid", grid}), 2, "--output is required", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--level", "3"}), 2, "--level: 3 not in {1,2}", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--connectivity", "6"}), 2, "--connectivity: 6 not in {4,8}", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--preset", "GHSL2099"}), 2, "--preset: GHSL2099 not in", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--majority-rule", "R1999"}), 2, "--majority-rule", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--centre-density", "-1"}), 2, "--centre-density", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--no-smoothing", "--majority-rule", "R2022A"}), 2, "excludes", out);
    check_fails(degurba({"--grid", grid, "-o", (out / "cells.png").string()}), 2, "unknown format 'png'", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--clusters", (out / "c.shp").string()}), 2,
                "--clusters " + (out / "c.shp").string() + ": unknown format 'shp'", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--clusters", (out / "x.csv").string(), "--units",
                         data("degurba_units.geojson"), "--unit-id", "unit", "--units-out", (out / "x.csv").string()}),
                2, "--clusters and --units-out name the same file", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--report", cells}), 2, "-o and --report name the same file", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--units", data("degurba_units.geojson"), "--units-out",
                         (out / "u.csv").string()}),
                2, "units need all of --units, --unit-id and --units-out", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--built-up-threshold", "0.3"}), 2,
                "--built-up-threshold needs --built-up", out);
    check_fails(degurba({"--grid", grid, "-o", cells, "--unit-rules", "manual2021"}), 2, "Level 2 option", out);
    check_fails(degurba({"--grid", grid, "--cell-id", "GRD_ID", "-o", cells}), 2, "--cell-id goes with --grid-table", out);
    check_fails(degurba({"--grid-table", data("degurba_example_a.csv"), "--cell-id", "GRD_ID", "-o", cells}), 2,
                "name the value column(s) with --value", out);
}

TEST_CASE("regio help degurba documents codes and columns", "[cli][degurba][help]") {
    const RunResult r = run_regio({"help", "degurba"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("--grid-table"));
    CHECK_THAT(r.out, Contains("--no-smoothing"));
    CHECK_THAT(r.out, Contains("30 urban centre, 20 urban cluster"));
    CHECK_THAT(r.out, Contains("cluster_id, class, class_name, population, area_km2, cells"));
    CHECK_THAT(r.out, Contains("pop_urban_centre"));
}

// The options given override the preset; those left out keep the preset's
// value even when it differs from the default help shows (--majority-rule
// R2022A, --water rural): the registry's declarations record which were given.
TEST_CASE("degurba: options given override the preset, options left out keep it", "[cli][degurba][registry]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const auto options_of = [&](const std::string& name, const Args& extra) {
        Args args{"--preset", "ghsl2023", "--report", (out / (name + ".json")).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const RunResult r = run_regio(example_a(out / (name + ".tif"), args));
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        return read_file(out / (name + ".json"));
    };
    const std::string preset = options_of("preset", {});
    CHECK_THAT(preset, Contains("\"preset\": \"GHSL2023\""));
    CHECK_THAT(preset, Contains("\"majority_rule\": \"R2023A\""));
    CHECK_THAT(preset, Contains("\"water\": \"labelled\""));
    const std::string given = options_of("given", {"--majority-rule", "R2022A", "--water", "rural"});
    CHECK_THAT(given, Contains("\"preset\": \"GHSL2023\""));
    CHECK_THAT(given, Contains("\"majority_rule\": \"R2022A\""));
    CHECK_THAT(given, Contains("\"water\": \"rural\""));
}

}  // namespace degurba_cli_test
