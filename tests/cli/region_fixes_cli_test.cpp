// End-to-end tests of joins that explain themselves (issue #18 item 2): a
// duplicated region id described with a hint, settled with --set-id or
// --skip-feature inside regio and recorded in the report; unmatched ids
// named on both sides of a join.
#include "aggregate_points_cli_fixtures.hpp"
#include "cli_checks.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace region_fixes_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::points_cli;

namespace {

// regions_dup_ids.geojson: A (FID 0), B (1), A again (2), 1 km squares.
const std::string kDupMessage =
    "field 'region_id': duplicate region ids: 'A' is held by feature 0, 1 km², centroid (4000500.0, 3000500.0) and feature 2, "
    "1 km², centroid (4002500.0, 3000500.0)\nhint: give a feature another id with --set-id FID=VALUE, or leave it out with "
    "--skip-feature FID (or fix the ids in the layer)\n";

// aggregate points on regions_dup_ids.geojson with `fix` (and a report):
// the table and the report.
std::pair<std::string, std::string> aggregate_fixed(const TempDir& tmp, const Args& fix) {
    Args extra = fix;
    extra.insert(extra.end(), {"--report", (tmp / "r.json").string(), "-q"});
    const std::string csv = run_and_read(csv_cmd(data("regions_dup_ids.geojson"), data("points_edges.csv"), tmp / "r.csv", extra), tmp / "r.csv");
    return {csv, read_file(tmp / "r.json")};
}

}  // namespace

TEST_CASE("region fixes: the duplicate-id error says which features and how to fix it", "[cli][joins]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(csv_cmd(data("regions_dup_ids.geojson"), data("points_edges.csv"), out_dir / "r.csv"), 1,
                                       "duplicate region ids", out_dir);
    CHECK_THAT(r.err, Contains(kDupMessage));
}

TEST_CASE("region fixes: --set-id gives a feature another id, recorded in the report", "[cli][joins]") {
    TempDir tmp;
    const auto [csv, json] = aggregate_fixed(tmp, {"--set-id", "2=C"});
    CHECK(line_starting_with(csv, "C,"));
    CHECK(line_starting_with(csv, "A,"));
    CHECK_THAT(json, Contains("\"region_fixes\": [\n    {\n      \"fid\": 2,\n      \"id\": \"A\",\n      \"set_id\": \"C\"\n    }\n  ]"));
}

TEST_CASE("region fixes: --skip-feature leaves a feature out, recorded in the report", "[cli][joins]") {
    TempDir tmp;
    const auto [csv, json] = aggregate_fixed(tmp, {"--skip-feature", "0"});
    CHECK(count_of(csv, "\nA,") == 1);
    CHECK(count_of(csv, "\nB,") == 1);
    CHECK_THAT(json, Contains("\"region_fixes\": [\n    {\n      \"fid\": 0,\n      \"id\": \"A\",\n      \"skipped\": true\n    }\n  ]"));
}

TEST_CASE("region fixes: a feature that does not exist is a usage error naming it", "[cli][joins]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_dup_ids.geojson"), data("points_edges.csv"), out_dir / "r.csv", {"--skip-feature", "9"}), 2,
                   "--skip-feature 9: the layer has no feature 9", out_dir);
    expect_failure(csv_cmd(data("regions_dup_ids.geojson"), data("points_edges.csv"), out_dir / "r.csv", {"--set-id", "7=Z"}), 2,
                   "--set-id 7=Z: the layer has no feature 7", out_dir);
    expect_failure(csv_cmd(data("regions_dup_ids.geojson"), data("points_edges.csv"), out_dir / "r.csv", {"--set-id", "A=Z"}), 2,
                   "--set-id takes FID=VALUE", out_dir);
}

TEST_CASE("region fixes: regio map and regio degurba take them too", "[cli][joins]") {
    TempDir tmp;
    const fs::path svg = tmp / "m.svg";
    const RunResult bad = run_regio({"map", "--layer", data("regions_dup_ids.geojson"), "--id", "region_id", "--field", "v", "--data",
                                     data("points_edges.csv"), "--data-id", "id", "-o", svg.string()});
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Contains("duplicate region ids: 'A' is held by feature 0"));
    const RunResult degurba = run_regio({"degurba", "--grid", data("degurba_example_a.asc"), "-o", (tmp / "c.tif").string(), "--units",
                                         data("degurba_units.geojson"), "--unit-id", "unit", "--units-out", (tmp / "u.csv").string(),
                                         "--skip-feature", "99", "-q"});
    CHECK(degurba.exit_code == 2);
    CHECK_THAT(degurba.err, Contains("--skip-feature 99: the layer has no feature 99"));
}

TEST_CASE("region fixes: regio segregation leaves a region out and says so in its report", "[cli][joins][segregation]") {
    // segregation_regions.geojson: u1..u4 (FIDs 0-3) and u5 (FID 4), which has no data row.
    TempDir tmp;
    RunResult r;
    run_and_read({"segregation", "--data", data("segregation_example2.csv"), "--id", "unit", "--group", "a,b,c", "--total", "total",
                  "--regions", data("segregation_regions.geojson"), "--skip-feature", "4", "--report", (tmp / "r.json").string(), "-o",
                  (tmp / "out.csv").string()},
                 tmp / "out.csv", &r);
    CHECK_THAT(r.err, !Contains("have no data row"));
    CHECK_THAT(read_file(tmp / "r.json"),
               Contains("\"region_fixes\": [\n    {\n      \"fid\": 4,\n      \"id\": \"u5\",\n      \"skipped\": true\n    }\n  ]"));
    // u5 has no data row: leaving it out changes no index.
    const std::string without = run_and_read({"segregation", "--data", data("segregation_example2.csv"), "--id", "unit", "--group", "a,b,c",
                                              "--total", "total", "--regions", data("segregation_regions.geojson"), "-q", "-o",
                                              (tmp / "all.csv").string()},
                                             tmp / "all.csv");
    CHECK(read_file(tmp / "out.csv") == without);
}

TEST_CASE("region fixes: crosswalk build fixes each vintage with its own options", "[cli][joins][crosswalk]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const Args both{"crosswalk", "build", "--from", data("regions_dup_ids.geojson"), "--from-id", "region_id", "--to",
                    data("regions_dup_ids.geojson"), "--to-id", "region_id", "-o", (out_dir / "xw.csv").string()};
    const RunResult bad = expect_failure(both, 1, "duplicate region ids: 'A' is held by feature 0", out_dir);
    CHECK_THAT(bad.err, Contains("hint: give a feature another id with --from-set-id FID=VALUE, or leave it out with --from-skip-feature FID"));
    Args fixed = both;
    fixed.insert(fixed.end(), {"--from-set-id", "2=C", "--to-skip-feature", "2", "--report", (tmp / "r.json").string(), "-q"});
    run_and_read(fixed, out_dir / "xw.csv");
    const std::string json = read_file(tmp / "r.json");
    CHECK_THAT(json, Contains("\"from_region_fixes\": [\n    {\n      \"fid\": 2,\n      \"id\": \"A\",\n      \"set_id\": \"C\"\n    }\n  ]"));
    CHECK_THAT(json, Contains("\"to_region_fixes\": [\n    {\n      \"fid\": 2,\n      \"id\": \"A\",\n      \"skipped\": true\n    }\n  ]"));
}

TEST_CASE("region fixes: a pipeline step's fixes reach the manifest", "[cli][joins][run]") {
    TempDir tmp;
    write_file(tmp / "p.toml", "[pipeline]\nname = \"fixes\"\nout = \"out\"\n\n[[step]]\nname = \"counts\"\nrun = \"aggregate points\"\n"
                               "[step.args]\nregions = \"" + data("regions_dup_ids.geojson") + "\"\nid = \"region_id\"\n"
                               "set-id = [\"2=C\"]\npoints = \"" + data("points_edges.csv") + "\"\npoints-crs = \"EPSG:3035\"\n"
                               "output = \"counts.csv\"\n");
    const RunResult r = run_regio({"run", "p.toml", "-q"}, tmp.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(read_file(tmp / "out" / "manifest.json"), Contains("\"region_fixes\": [\n          {\n            \"fid\": 2,\n"
                                                                  "            \"id\": \"A\",\n            \"set_id\": \"C\"\n"));
}

}  // namespace region_fixes_cli_test
