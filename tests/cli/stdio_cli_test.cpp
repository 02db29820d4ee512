// End-to-end tests of issue #18 item 8, standard input and output: `-o -`
// writes a CSV output to stdout (and nothing else goes there), `-` as a CSV
// input reads stdin; and missing output directories are created only for a
// run that succeeds.
#include "aggregate_points_cli_fixtures.hpp"
#include "run_regio_stdin.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace stdio_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::points_cli;

TEST_CASE("stdio: -o - writes the CSV to stdout, the summary to stderr, the report to its file", "[cli][stdio]") {
    TempDir tmp;
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), "-", {"--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == read_file(expected("edges_count.csv")));
    CHECK_THAT(r.err, StartsWith("points: 19 read = 13 assigned + 4 outside all regions + 2 invalid\n"));
    CHECK(list_dir(tmp.path()) == Names{"report.json"});
    CHECK_THAT(read_file(report), Contains("\"read\": 19"));
}

TEST_CASE("stdio: --points - reads the CSV from stdin", "[cli][stdio]") {
    TempDir tmp;
    const RunResult r = run_regio_with_stdin(csv_cmd(data("regions_abc.geojson"), "-", tmp / "counts.csv"), data("points_edges.csv"));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(tmp / "counts.csv") == read_file(expected("edges_count.csv")));
    // Records are named as lines of standard input.
    CHECK_THAT(r.err, Contains("-:11: y 'abc' is not a number"));
}

TEST_CASE("stdio: stdin in, stdout out", "[cli][stdio]") {
    const RunResult r = run_regio_with_stdin(csv_cmd(data("regions_abc.geojson"), "-", "-", {"--quiet"}), data("points_edges.csv"));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == read_file(expected("edges_count.csv")));
    CHECK(r.err.empty());
}

TEST_CASE("stdio: a gzip stream on stdin is refused with a hint", "[cli][stdio]") {
    TempDir tmp;
    const fs::path gz = tmp / "points.csv.gz";
    write_file(gz, std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8));
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = run_regio_with_stdin(csv_cmd(data("regions_abc.geojson"), "-", out_dir / "c.csv"), gz);
    CHECK(r.exit_code == 1);
    CHECK(r.err == "regio: error: standard input: the input is gzip-compressed\n"
                   "hint: decompress it into the pipe, e.g. gunzip -c FILE.gz | regio ...\n");
    CHECK(list_dir(out_dir).empty());
}

TEST_CASE("stdio: -o - is refused for outputs that are not CSV", "[cli][stdio]") {
    TempDir tmp;
    SECTION("map: the SVG") {
        expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "rate", "-o", "-"}, 2,
                       "the map is written as SVG: name it .svg", tmp.path());
    }
    SECTION("map: the GeoPackage") {
        expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "rate", "-o",
                        (tmp / "m.svg").string(), "--gpkg", "-"},
                       2, "--gpkg must name a .gpkg file", tmp.path());
    }
    SECTION("a report") {
        expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "c.csv", {"--report", "-"}), 2,
                       "--report -: only CSV outputs can be written to standard output", tmp.path());
    }
    SECTION("two outputs on stdout") {
        expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), "-", {"--assignments", "-"}), 2,
                       "--output and --assignments both name standard output (-)", tmp.path());
    }
}

TEST_CASE("stdio: only one input can be standard input", "[cli][stdio]") {
    TempDir tmp;
    expect_failure({"crosswalk", "apply", "--crosswalk", "-", "--data", "-", "--id", "region", "--extensive", "count", "-o",
                    (tmp / "x.csv").string()},
                   2,
                   "only one input can be standard input (-)", tmp.path());
}

TEST_CASE("output directories: missing ones are created for a run that succeeds", "[cli][stdio][dirs]") {
    TempDir tmp;
    const fs::path out = tmp / "a" / "b" / "counts.csv";
    const fs::path report = tmp / "a" / "r" / "report.json";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out, {"--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out) == read_file(expected("edges_count.csv")));
    CHECK(list_dir(tmp / "a") == Names{"b", "r"});
    CHECK(list_dir(tmp / "a" / "r") == Names{"report.json"});
}

TEST_CASE("output directories: a failing run leaves none of those it made", "[cli][stdio][dirs]") {
    TempDir tmp;
    // The points are refused after the outputs were planned (their directories made).
    expect_failure(points_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "a" / "b" / "counts.csv",
                              {"--report", (tmp / "a" / "c" / "r.json").string()}),
                   2, "CSV points have no CRS: name it with --points-crs", tmp.path());
    // A directory that existed stays, even when empty.
    const fs::path kept = tmp.subdir("kept");
    expect_failure(points_cmd(data("regions_abc.geojson"), data("points_edges.csv"), kept / "new" / "counts.csv"), 2,
                   "CSV points have no CRS", tmp.path(), {"kept"});
    CHECK(list_dir(kept).empty());
}

TEST_CASE("output directories: a file in the way is an error naming it", "[cli][stdio][dirs]") {
    TempDir tmp;
    write_file(tmp / "a", "not a directory");
    expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), tmp / "a" / "b" / "counts.csv"), 1,
                   "cannot create the output directory", tmp.path(), {"a"});
}

TEST_CASE("stdio: crosswalk apply reads --data or --crosswalk from stdin", "[cli][stdio]") {
    const std::vector<std::string> columns{"--extensive", "count", "--intensive", "rate:pop", "--weight", "area", "-q"};
    auto apply = [&](const std::string& crosswalk, const std::string& table) {
        std::vector<std::string> args{"crosswalk", "apply", "--crosswalk", crosswalk, "--data", table, "--id", "code", "-o", "-"};
        args.insert(args.end(), columns.begin(), columns.end());
        return args;
    };
    const std::string want = read_file(expected("xw_apply_area.csv"));
    const RunResult data_in = run_regio_with_stdin(apply(expected("xw_crosswalk_weights.csv"), "-"), data("xw_data.csv"));
    INFO("stderr: " << data_in.err);
    CHECK(data_in.exit_code == 0);
    CHECK(data_in.out == want);
    const RunResult crosswalk_in = run_regio_with_stdin(apply("-", data("xw_data.csv")), expected("xw_crosswalk_weights.csv"));
    INFO("stderr: " << crosswalk_in.err);
    CHECK(crosswalk_in.exit_code == 0);
    CHECK(crosswalk_in.out == want);
}

TEST_CASE("stdio: a pipeline step cannot read stdin or write stdout", "[cli][stdio][run]") {
    TempDir tmp;
    write_file(tmp / "p.toml", R"([[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = ")" + data("regions_abc.geojson") + R"("
id = "region_id"
points = "-"
points-crs = "EPSG:3035"
output = "-"
)");
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", (tmp / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("step counts (line 1): points '-' (standard input or output) cannot be used in a pipeline; name a file") &&
                          Contains("output '-' (standard input or output)") && Contains("nothing was run"));
    CHECK(r.out.empty());
}

}  // namespace stdio_cli_test
