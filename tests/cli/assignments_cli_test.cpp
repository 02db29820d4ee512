// End-to-end tests of `aggregate points --assignments` and of the records
// outside all regions listed in the report (issue #18 item 8).
#include "aggregate_points_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace assignments_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::points_cli;

// points_edges.csv on regions_abc: every record's region by the boundary
// rule, the four outside and the two invalid ones with their reasons; the
// blank line 12 is no record.
TEST_CASE("assignments: one row per record in input order, the same with any number of threads", "[cli][points][assignments]") {
    const std::string threads = GENERATE(as<std::string>{}, "1", "3");
    CAPTURE(threads);
    TempDir tmp;
    const fs::path where = tmp / "where.csv";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "counts.csv",
                                          {"--assignments", where.string(), "--threads", threads}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(where) == read_file(expected("edges_assignments.csv")));
    CHECK(read_file(tmp / "counts.csv") == read_file(expected("edges_count.csv")));
    CHECK(list_dir(tmp.path()) == Names{"counts.csv", "where.csv"});
}

TEST_CASE("assignments: to stdout with the table in a file; a non-CSV name is refused", "[cli][points][assignments]") {
    TempDir tmp;
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "counts.csv",
                                          {"--assignments", "-", "-q"}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == read_file(expected("edges_assignments.csv")));
    expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "x.csv", {"--assignments", (tmp / "w.json").string()}),
                   2, "the assignments are written as CSV", tmp.path(), {"counts.csv"});
}

TEST_CASE("assignments: a point layer names features by their id", "[cli][points][assignments]") {
    TempDir tmp;
    const fs::path gpkg = tmp / "points.gpkg";
    if (!ogr2ogr({"-f", "GPKG", gpkg.string(), data("points_edges.csv"), "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y",
                  "-a_srs", "EPSG:3035", "-nln", "points"}))
        return;
    const RunResult r = run_regio(points_cmd(data("regions_abc.geojson"), gpkg.string(), tmp / "c.csv",
                                             {"--assignments", (tmp / "w.csv").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string rows = read_file(tmp / "w.csv");
    CHECK_THAT(rows, Catch::Matchers::StartsWith("feature,region_id,status,reason\n1,A,assigned,\n"));
    CHECK(count_of(rows, "\n") == 20);  // the header and 19 features
}

TEST_CASE("report: the first records outside all regions with their coordinates", "[cli][points][report]") {
    TempDir tmp;
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "c.csv",
                                          {"--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string points = data("points_edges.csv");
    CHECK_THAT(r.err, Contains("  outside: " + points + ":9: at (3990000, 2990000)\n"));
    const std::string json = read_file(report);
    // In input order: line 7 lies in A's hole.
    CHECK_THAT(json, Contains("\"outside_examples\": [\n      {\n        \"where\": \"" + points + ":7\",\n        \"line\": 7,\n"
                              "        \"x\": 4000500.0,\n        \"y\": 3000500.0\n      },\n      {\n        \"where\": \"" +
                              points + ":9\","));
    CHECK(count_of(json, "\"line\": ") == 2 + 4);  // the invalid and the outside records
}

}  // namespace assignments_cli_test
