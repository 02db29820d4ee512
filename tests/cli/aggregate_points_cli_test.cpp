// End-to-end tests of `regio aggregate points`: boundary rule, groups and weights,
// GeoPackage output, point layers and CRS transformation.
// The fixtures and helpers: aggregate_points_cli_fixtures.hpp.
#include "aggregate_points_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_points_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::points_cli;


// ---------------------------------------------------------------------------
// 1. Happy path: every boundary rule, exact CSV, report.
//
// regions_abc: A (square with a hole), B east of A, C north of A and B, D a
// multipolygon east of B plus an island, E far away. points_edges puts points
// on a shared edge (-> east), a shared horizontal edge (-> north), the vertex
// shared by A, B and C (-> C), the hole and its edges, the outer east edge of
// D (-> outside: nothing is east of it), plus NaN, "abc", a blank line and
// quoted fields.
TEST_CASE("aggregate points: counts per region follow the boundary rule exactly", "[cli][points]") {
    const std::string points = GENERATE(as<std::string>{}, "points_edges.csv", "points_edges_crlf.csv");
    CAPTURE(points);
    TempDir tmp;
    const fs::path out = tmp / "counts.csv";
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data(points), out, {"--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out) == read_file(expected("edges_count.csv")));
    CHECK(list_dir(tmp.path()) == Names{"counts.csv", "report.json"});  // no .regio-* left

    // The summary on stderr accounts for every record and names the invalid ones.
    CHECK_THAT(r.err, Contains("points: 19 read = 13 assigned + 4 outside all regions + 2 invalid\n"));
    CHECK_THAT(r.err, Contains(points + ":10: x is not finite (NaN)"));
    CHECK_THAT(r.err, Contains(points + ":11: y 'abc' is not a number"));
    CHECK_THAT(r.err, !Contains("regio: warning"));

    const std::string json = read_file(report);
    check_counts(json, 19, 13, 4, 2);
    CHECK_THAT(json, Contains("\"command\": \"aggregate points\""));
    CHECK(json_number(json, "regions", "count") == 5);
    CHECK_THAT(json, Contains("\"line\": 10"));
    CHECK_THAT(json, Contains("\"why\": \"y 'abc' is not a number\""));
}

TEST_CASE("aggregate points: the boundary rule on a diagonal edge and a four-region vertex", "[cli][points]") {
    // SW and NE triangles share a diagonal: points on it go to NE (east of
    // it). Q1..Q4 meet at one vertex: a point there goes to Q4 (north-east).
    TempDir tmp;
    const RunResult r = run_regio(
        csv_cmd(data("regions_diagonal_quad.geojson"), data("points_diagonal_quad.csv"), tmp / "dq.csv"));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "dq.csv") == read_file(expected("diagonal_quad.csv")));
    CHECK_THAT(r.err, Contains("points: 10 read = 9 assigned + 1 outside all regions + 0 invalid\n"));
}

TEST_CASE("aggregate points: --quiet prints nothing on success", "[cli][points]") {
    TempDir tmp;
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "q.csv", {"-q"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(read_file(tmp / "q.csv") == read_file(expected("edges_count.csv")));
}

// ---------------------------------------------------------------------------
// 2. --by and --weight: group columns sorted by value ("NA" < "a" < "b"),
// sums per group, an empty --by value is NA, an empty weight is invalid.
TEST_CASE("aggregate points: --by group --weight persons, exact CSV", "[cli][points][by][weight]") {
    // The same records as LF, CRLF, and ';'-delimited with decimal commas.
    const std::string points =
        GENERATE(as<std::string>{}, "points_edges.csv", "points_edges_crlf.csv", "points_semicolon.csv");
    CAPTURE(points);
    TempDir tmp;
    const fs::path out = tmp / "groups.csv";
    const fs::path report = tmp / "groups.json";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data(points), out,
                                          {"--by", "group", "--weight", "persons", "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out) == read_file(expected("edges_by_group_persons.csv")));
    CHECK(list_dir(tmp.path()) == Names{"groups.csv", "groups.json"});

    CHECK_THAT(r.err, Contains("points: 19 read = 12 assigned + 4 outside all regions + 3 invalid\n"));
    CHECK_THAT(r.err, Contains("persons: 382.75 read = 202.75 assigned + 128 outside + 52 invalid\n"));
    CHECK_THAT(r.err, Contains(points + ":19: persons is empty"));

    const std::string json = read_file(report);
    check_counts(json, 19, 12, 4, 3);
    check_weight(json, "persons", 382.75, 202.75, 128, 52);
}

TEST_CASE("aggregate points: a BOM and a missing final newline change nothing", "[cli][points]") {
    TempDir tmp;
    std::string text = read_file(data("points_edges.csv"));
    REQUIRE(text.back() == '\n');
    text.pop_back();
    const fs::path points = tmp / "bom.csv";
    write_file(points, "\xEF\xBB\xBF" + text);
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = run_regio(
        csv_cmd(data("regions_abc.geojson"), points.string(), out_dir / "o.csv", {"--by", "group", "--weight", "persons"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out_dir / "o.csv") == read_file(expected("edges_by_group_persons.csv")));
    CHECK_THAT(r.err, Contains("points: 19 read = 12 assigned + 4 outside all regions + 3 invalid\n"));
}

TEST_CASE("aggregate points: the result does not depend on --threads", "[cli][points]") {
    const std::string threads = GENERATE(as<std::string>{}, "1", "3", "8");
    CAPTURE(threads);
    TempDir tmp;
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "t.csv",
                                          {"--by", "group", "--weight", "persons", "--threads", threads, "-q"}));
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "t.csv") == read_file(expected("edges_by_group_persons.csv")));
}

TEST_CASE("aggregate points: invalid rows are counted with their reasons", "[cli][points][invalid]") {
    // +sign, exponent and padded numbers are fine; a short row, an empty x, an
    // infinite y, a huge weight, a non-numeric weight and an unterminated quote
    // are invalid (their weights count as invalid where they could be read).
    TempDir tmp;
    const fs::path report = tmp / "r.json";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_bad.csv"), tmp / "bad.csv",
                                          {"--weight", "persons", "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "bad.csv") == read_file(expected("bad_rows.csv")));
    CHECK_THAT(r.err, Contains("points_bad.csv:5: has 2 fields, expected at least 4"));
    CHECK_THAT(r.err, Contains("points_bad.csv:6: x is empty"));
    CHECK_THAT(r.err, Contains("points_bad.csv:7: y is not finite (inf)"));
    CHECK_THAT(r.err, Contains("points_bad.csv:8: weight too large"));
    CHECK_THAT(r.err, Contains("points_bad.csv:9: persons 'many' is not a number"));
    CHECK_THAT(r.err, Contains("points_bad.csv:10: unterminated quote"));
    const std::string json = read_file(report);
    check_counts(json, 9, 3, 0, 6);
    check_weight(json, "persons", 31, 7, 0, 24);
}

// ---------------------------------------------------------------------------
// 3. GeoPackage output, with a relative output path.
TEST_CASE("aggregate points: GeoPackage output", "[cli][points][gpkg]") {
    TempDir tmp;
    const RunResult r = run_regio(
        csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), "out.gpkg", {"--weight", "persons", "-q"}),
        tmp.path());
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(list_dir(tmp.path()) == Names{"out.gpkg"});
    const std::string bytes = read_file(tmp / "out.gpkg");
    CHECK(bytes.compare(0, 16, std::string("SQLite format 3\0", 16)) == 0);

    const auto ogrinfo = find_on_path("ogrinfo");
    if (!ogrinfo) {
        WARN("ogrinfo is not on PATH: the GeoPackage's content is not checked");
        return;
    }
    const RunResult info = run_program(*ogrinfo, {"-ro", "-al", "-geom=SUMMARY", "out.gpkg"}, tmp.path());
    INFO("ogrinfo: " << info.out << info.err);
    REQUIRE(info.exit_code == 0);
    CHECK_THAT(info.out, Contains("Layer name: out\n"));
    CHECK_THAT(info.out, Contains("Geometry: Multi Polygon\n"));
    CHECK_THAT(info.out, Contains("Feature Count: 5\n"));
    CHECK_THAT(info.out, Contains("ID[\"EPSG\",3035]"));
    CHECK_THAT(info.out, Contains("region_id (String) = A\n  count (Integer64) = 4\n  persons_sum (Real) = 66.25\n"
                                  "  MULTIPOLYGON : 1 geometries:\nPOLYGON : 5 points, 1 inner rings (5 points)\n"));
    CHECK_THAT(info.out, Contains("region_id (String) = D\n  count (Integer64) = 3\n  persons_sum (Real) = 109\n"
                                  "  MULTIPOLYGON : 2 geometries:\n"));
    CHECK_THAT(info.out, Contains("region_id (String) = E\n  count (Integer64) = 0\n  persons_sum (Real) = 0\n"));
    CHECK(list_dir(tmp.path()) == Names{"out.gpkg"});
}

// ---------------------------------------------------------------------------
// 4. Points as an OGR layer in EPSG:4326, transformed into EPSG:3035.
TEST_CASE("aggregate points: a GeoJSON point layer in lon/lat", "[cli][points][ogr]") {
    TempDir tmp;
    const fs::path out = tmp / "lonlat.csv";
    const fs::path report = tmp / "lonlat.json";
    // With no --points-crs the layer's own CRS is used; naming the same CRS is fine.
    Args extra{"--weight", "persons", "--report", report.string()};
    if (GENERATE(false, true)) extra.insert(extra.end(), {"--points-crs", "EPSG:4326"});
    CAPTURE(extra);
    const RunResult r = run_regio(points_cmd(data("regions_abc.geojson"), data("points_lonlat.geojson"), out, extra));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out) == read_file(expected("lonlat_persons.csv")));
    CHECK_THAT(r.err, Contains("points_lonlat.geojson:points_lonlat: feature 5: has no geometry"));
    const std::string json = read_file(report);
    check_counts(json, 6, 4, 1, 1);
    check_weight(json, "persons", 41, 17, 11, 13);
    CHECK_THAT(json, Contains("\"feature\": 5"));
}

TEST_CASE("aggregate points: CSV lon/lat columns with --points-crs EPSG:4326", "[cli][points]") {
    TempDir tmp;
    const RunResult r = run_regio(points_cmd(data("regions_abc.geojson"), data("points_lonlat.csv"), tmp / "ll.csv",
                                             {"--points-crs", "EPSG:4326"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "ll.csv") == read_file(expected("lonlat_count.csv")));
    CHECK_THAT(r.err, Contains("points: 5 read = 4 assigned + 1 outside all regions + 0 invalid"));
}

}  // namespace aggregate_points_cli_test
