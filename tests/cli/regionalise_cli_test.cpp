// End-to-end tests of `regio regionalise` on regionalise_units.geojson (EPSG:3035,
// 1000 m squares; (c, r) is the square x 4000000 + 1000 c, y 3000000 + 1000 r):
//
//   r 3        b3                     district 01: chain a1 a2 a3 a4 (600, 500,
//   r 2    b1  b0  b2                 500, 600 residents), island e1 (300)
//   r 1        b4                     district 02: star, centre b0 (200), arms 500
//   r 0    a1  a2  a3  a4  d1  .  e1  district 03: d1 (1500 residents, 20 foreigners)
//
// With at least 1000 residents and 100 foreigners, within districts, rook:
//  - the chain makes two regions {a1, a2} and {a3, a4} (the best of the runs;
//    a run seeded at a3 takes a2 first and finds only one);
//  - the arms of the star touch only the centre: one region of all five;
//  - the island e1 and the lone d1 (its only neighbour a4 is in another
//    district) are regions that fail, e1 on both thresholds, d1 on foreigners.
// Region ids follow each region's first unit in input order (a1 a2 a3 a4 e1
// b0 b1 b2 b3 b4 d1).
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace regionalise_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

Args command(const fs::path& dir, const std::string& data_csv = "regionalise_data.csv", const Args& extra = {"--within", "district"}) {
    Args args{"regionalise", "--units", data("regionalise_units.geojson"), "--id", "code", "--data", data(data_csv),
              "--threshold", "pop>=1000", "--threshold", "foreigners>=100", "-o", (dir / "regions.gpkg").string(),
              "--map", (dir / "map.csv").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("regionalise: exact unit map, failing regions reported, GeoPackage and report", "[cli][regionalise]") {
    TempDir tmp;
    const fs::path dir = tmp.subdir("out");
    const RunResult r = run_regio(command(dir, "regionalise_data.csv", {"--within", "district", "--report", (dir / "report.json").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(dir / "map.csv") == read_file(expected("regionalise_map.csv")));
    CHECK(list_dir(dir) == Names{"map.csv", "regions.gpkg", "report.json"});
    CHECK_THAT(r.err, Contains("regio: warning: region R0003 (01-e1) does not meet the thresholds: island (no neighbouring unit): "
                               "pop 300 < 1000, foreigners 30 < 100\n"));
    CHECK_THAT(r.err, Contains("regio: warning: region R0005 (03-d1) does not meet the thresholds: no neighbouring unit in group "
                               "'03': foreigners 20 < 100\n"));
    CHECK_THAT(r.err, Contains("regionalise: 11 units in 3 groups, 9 neighbour pairs (rook) -> 5 regions (3 meet every threshold, 2 fail)\n"));
    CHECK_THAT(r.err, Contains("pop: 6200 in the table = 6200 in regions + 0 in rows without a unit\n"));

    const std::string json = read_file(dir / "report.json");
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"regionalise\""));
    CHECK(json_number(json, "units", "count") == 11);
    CHECK(json_number(json, "command", "regions") == 5);
    CHECK(json_number(json, "command", "regions_failing") == 2);
    CHECK(json_number(json, "command", "seed") == 1);
    CHECK_THAT(json, Contains("\"region_id\": \"R0005\"") && Contains("\"column\": \"foreigners\""));
    CHECK(json_number(json, "pop", "in_regions") == 6200);
    CHECK_THAT(json, Contains("\"preserved\": true") && !Contains("\"preserved\": false"));

    // The dissolved regions: sums, unit counts, flags and areas.
    const auto ogrinfo = find_on_path("ogrinfo");
    if (!ogrinfo) {
        WARN("ogrinfo is not on PATH: the GeoPackage is not inspected");
        return;
    }
    const RunResult info = run_program(*ogrinfo, {"-q", "-dialect", "SQLite", "-sql",
                                                  "SELECT region_id || ':' || units || ':' || pop || ':' || foreigners || ':' || "
                                                  "meets_thresholds || ':' || CAST(ST_Area(geom) AS INTEGER) AS r FROM regions",
                                                  (dir / "regions.gpkg").string()});
    INFO(info.err);
    REQUIRE(info.exit_code == 0);
    for (const char* row : {"R0001:2:1100:150:1:2000000", "R0002:2:1100:150:1:2000000", "R0003:1:300:30:0:1000000",
                            "R0004:5:2200:290:1:5000000", "R0005:1:1500:20:0:1000000"})
        CHECK_THAT(info.out, Contains(std::string("r (String) = ") + row + "\n"));
}

TEST_CASE("regionalise: --within-prefix and a repeated run give the same map, no --within merges across districts", "[cli][regionalise]") {
    TempDir tmp;
    const fs::path a = tmp.subdir("a"), b = tmp.subdir("b"), c = tmp.subdir("c");
    REQUIRE(run_regio(command(a, "regionalise_data.csv", {"--within-prefix", "2", "--quiet"})).exit_code == 0);
    CHECK(read_file(a / "map.csv") == read_file(expected("regionalise_map.csv")));
    const RunResult again = run_regio(command(b, "regionalise_data.csv", {"--within", "district", "--seed", "1", "-q"}));
    REQUIRE(again.exit_code == 0);
    CHECK(again.err.empty());
    CHECK(read_file(b / "map.csv") == read_file(a / "map.csv"));
    // Without districts only the island fails: d1 finds foreigners in a neighbour.
    const RunResult r = run_regio(command(c, "regionalise_data.csv", {"--report", (c / "r.json").string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(json_number(read_file(c / "r.json"), "command", "regions_failing") == 1);
    CHECK_THAT(r.err, Contains("region R0003 (01-e1)"));
    CHECK_THAT(r.err, Contains("in 1 groups"));
}

TEST_CASE("regionalise: usage errors exit 2 and write nothing", "[cli][regionalise]") {
    TempDir tmp;
    const fs::path dir = tmp.subdir("out");
    Args bad = command(dir);
    bad[8] = "pop>1000";
    expect_failure(bad, 2, "--threshold 'pop>1000': no '>='", dir);
    bad[8] = "pop>=lots";
    expect_failure(bad, 2, "'lots' is not a number", dir);
    expect_failure(command(dir, "regionalise_data.csv", {"--within", "district", "--within-prefix", "2"}), 2, "excludes", dir);
    expect_failure(command(dir, "regionalise_data.csv", {"--contiguity", "bishop"}), 2, "bishop", dir);
    Args csv_out = command(dir);
    csv_out[12] = (dir / "regions.csv").string();
    expect_failure(csv_out, 2, "name -o .gpkg", dir);
    // An existing output is kept without --overwrite.
    write_file(dir / "map.csv", "keep\n");
    expect_failure(command(dir), 2, "map.csv", dir, {"map.csv"});
    CHECK(read_file(dir / "map.csv") == "keep\n");
    REQUIRE(run_regio(command(dir, "regionalise_data.csv", {"--overwrite", "-q"})).exit_code == 0);
    CHECK(read_file(dir / "map.csv") != "keep\n");
}

TEST_CASE("regionalise: data errors exit 1 and say where, --unmatched report goes on", "[cli][regionalise]") {
    TempDir tmp;
    const fs::path dir = tmp.subdir("out");
    expect_failure(command(dir, "regionalise_data_bad.csv"), 1, "line 3: field 'foreigners': value 'n/a' is not a number", dir);
    expect_failure(command(dir, "regionalise_data_mismatch.csv"), 1,
                   "1 units have no row in the data table (03-d1); 1 data rows have no unit (04-x1)", dir);
    const RunResult r = run_regio(command(dir, "regionalise_data_mismatch.csv", {"--within", "district", "--unmatched", "report"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("regio: warning: 1 units have no data row and count 0: 03-d1\n"));
    CHECK_THAT(r.err, Contains("regio: warning: 1 data rows have no unit and are left out: 04-x1\n"));
    CHECK_THAT(r.err, Contains("pop: 5600 in the table = 4700 in regions + 900 in rows without a unit\n"));
    CHECK_THAT(r.err, Contains("region R0005 (03-d1) does not meet the thresholds: no neighbouring unit in group '03': pop 0 < 1000, "
                               "foreigners 0 < 100"));
}

}  // namespace regionalise_cli_test
