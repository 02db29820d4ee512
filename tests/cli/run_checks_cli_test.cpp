// `regio run` rejects every kind of bad step before the first step runs
// (issue #13), checked against the commands' own definitions: each message
// names the step and its line in the pipeline file, and nothing is written.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace run_checks_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

// A pipeline of one aggregate points step (line 1) whose [step.args] are
// `args` (the first at line 5), run into tmp/out; it must fail before running.
RunResult run_rejected(const TempDir& tmp, const std::string& run, const std::string& args) {
    write_file(tmp / "p.toml", "[[step]]\nname = \"counts\"\nrun = \"" + run + "\"\n[step.args]\n" + args);
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", (tmp / "out").string()});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("nothing was run") && Contains("step counts (line 1)"));
    return r;
}

std::string points_args() {
    return "regions = \"" + data("regions_abc.geojson") + "\"\npoints = \"" + data("points_edges.csv") +
           "\"\npoints-crs = \"EPSG:3035\"\noutput = \"counts.csv\"\n";
}

}  // namespace

TEST_CASE("run check: an unknown command", "[cli][run][check]") {
    TempDir tmp;
    const RunResult r = run_rejected(tmp, "aggregate poynts", points_args() + "id = \"region_id\"\n");
    CHECK_THAT(r.err, Contains("unknown command 'aggregate poynts'"));
    CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("run check: an option the command does not have, with its line", "[cli][run][check]") {
    TempDir tmp;
    const RunResult r = run_rejected(tmp, "aggregate points", points_args() + "id = \"region_id\"\ncolour = \"red\"\n");
    CHECK_THAT(r.err, Contains("line 10: 'colour' is not an option of aggregate points"));
    CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("run check: a required option or input missing", "[cli][run][check]") {
    TempDir tmp;
    const RunResult r = run_rejected(tmp, "aggregate points", "regions = \"" + data("regions_abc.geojson") + "\"\nid = \"region_id\"\noutput = \"c.csv\"\n");
    CHECK_THAT(r.err, Contains("aggregate points needs --points (an input)"));
    CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("run check: a value of the wrong type", "[cli][run][check]") {
    TempDir tmp;
    const RunResult r = run_rejected(tmp, "aggregate points", points_args() + "id = \"region_id\"\nthreads = \"many\"\n");
    CHECK_THAT(r.err, Contains("line 10: threads takes an integer, not 'many'"));
    const RunResult flag = run_rejected(tmp, "aggregate points", points_args() + "id = \"region_id\"\noverwrite = \"yes\"\n");
    CHECK_THAT(flag.err, Contains("line 10: overwrite is a flag"));
    CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("run check: an output that is an input", "[cli][run][check]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path points = copy_fixture("points_edges.csv", out);
    const std::string before = read_file(points);
    const RunResult r = run_rejected(tmp, "aggregate points",
                                     "regions = \"" + data("regions_abc.geojson") + "\"\nid = \"region_id\"\npoints = \"" + points.string() +
                                         "\"\npoints-crs = \"EPSG:3035\"\noutput = \"points_edges.csv\"\n");
    CHECK_THAT(r.err, Contains("output '" + points.string() + "' is an input of step counts"));
    CHECK(list_dir(out) == std::vector<std::string>{"points_edges.csv"});
    CHECK(read_file(points) == before);
}

TEST_CASE("run check: an output outside the run directory", "[cli][run][check]") {
    TempDir tmp;
    const RunResult r = run_rejected(tmp, "aggregate points",
                                     "regions = \"" + data("regions_abc.geojson") + "\"\nid = \"region_id\"\npoints = \"" +
                                         data("points_edges.csv") + "\"\npoints-crs = \"EPSG:3035\"\noutput = \"../escaped.csv\"\n");
    CHECK_THAT(r.err, Contains("is outside the run directory"));
    CHECK(!fs::exists(tmp / "escaped.csv"));
}

TEST_CASE("run check: a CSV column missing (crosswalk build --weights points)", "[cli][run][check]") {
    TempDir tmp;
    const RunResult r = run_rejected(tmp, "crosswalk build",
                                     "from = \"" + data("xw_2020.geojson") + "\"\nfrom-id = \"code\"\nto = \"" + data("xw_2024.geojson") +
                                         "\"\nto-id = \"unit\"\nweights = \"" + data("xw_points.csv") +
                                         "\"\nweights-crs = \"EPSG:3035\"\nweights-x = \"east\"\nweights-field = \"pop\"\noutput = \"cw.csv\"\n");
    CHECK_THAT(r.err, Contains("weights-x names column 'east', which is not in weights file"));
    CHECK_THAT(r.err, !Contains("weights-field names"));  // pop is there
    CHECK(!fs::exists(tmp / "out"));
}

}  // namespace run_checks_cli_test
