// `regio run` runs its steps in its own process and shares loaded region
// sets between them (issue #13); relative paths in a pipeline file are
// resolved against the file's folder, so a run works from any directory.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace run_inprocess_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

const fs::path kSource = fs::path(REGIO_TEST_DATA).parent_path().parent_path();

std::string counts_step(const std::string& name, const std::string& run, const std::string& extra) {
    return "[[step]]\nname = \"" + name + "\"\nrun = \"" + run + "\"\n[step.args]\nregions = \"" + data("regions_abc.geojson") +
           "\"\nid = \"region_id\"\n" + extra + "output = \"" + name + ".csv\"\n\n";
}

}  // namespace

TEST_CASE("run in-process: three steps on one region layer read it once, in one process", "[cli][run][inprocess]") {
    TempDir tmp;
    const std::string points = "points = \"" + data("points_edges.csv") + "\"\npoints-crs = \"EPSG:3035\"\n";
    write_file(tmp / "p.toml", counts_step("count", "aggregate points", points) +
                                   counts_step("persons", "aggregate points", points + "weight = \"persons\"\n") +
                                   counts_step("groups", "aggregate points", points + "by = \"group\"\n"));
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto timings = nlohmann::json::parse(read_file(out / "timings.json"));
    CHECK(timings["region_sets"]["loaded"] == 1);
    CHECK(timings["region_sets"]["shared"] == 2);
    // One process: every step ran in the run's own (a spawned step had its own).
    std::set<long> pids;
    for (const auto& [step, pid] : timings["step_processes"].items()) pids.insert(pid.get<long>());
    CHECK(timings["step_processes"].size() == 3);
    CHECK(pids.size() == 1);

    // The shared set gives the same counts as a step of its own.
    TempDir alone;
    REQUIRE(run_regio({"aggregate", "points", "--regions", data("regions_abc.geojson"), "--id", "region_id", "--points",
                       data("points_edges.csv"), "--points-crs", "EPSG:3035", "--weight", "persons", "-o", (alone / "p.csv").string()})
                .exit_code == 0);
    CHECK(read_file(out / "persons.csv") == read_file(alone / "p.csv"));
}

TEST_CASE("run in-process: a region set is kept while a later step reads its file, and released after", "[cli][run][inprocess]") {
    TempDir tmp;
    // The same regions in a second file: another set (the cache is keyed by file).
    fs::copy_file(data("regions_abc.geojson"), tmp / "other.geojson");
    const std::string points = "points = \"" + data("points_edges.csv") + "\"\npoints-crs = \"EPSG:3035\"\n";
    std::string other = counts_step("other", "aggregate points", points);
    other.replace(other.find(data("regions_abc.geojson")), data("regions_abc.geojson").size(), (tmp / "other.geojson").string());
    write_file(tmp / "p.toml", counts_step("first", "aggregate points", points) + other + counts_step("again", "aggregate points", points));
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto region_sets = nlohmann::json::parse(read_file(out / "timings.json"))["region_sets"];
    // regions_abc is kept through step "other" (a later step names it) and
    // shared with "again"; other.geojson is released after its step, and
    // regions_abc after the last.
    CHECK(region_sets["loaded"] == 2);
    CHECK(region_sets["shared"] == 1);
    CHECK(region_sets["released"] == 2);
    CHECK(read_file(out / "first.csv") == read_file(out / "again.csv"));
    CHECK(read_file(out / "first.csv") == read_file(out / "other.csv"));
}

TEST_CASE("run in-process: a failing step gives its one-line error and the manifest records it", "[cli][run][inprocess]") {
    TempDir tmp;
    // Valid for the check (the layer and its id field exist); at run time the
    // ids turn out not to be unique.
    std::string bad = counts_step("bad", "aggregate points", "points = \"" + data("points_edges.csv") + "\"\npoints-crs = \"EPSG:3035\"\n");
    bad.replace(bad.find("regions_abc"), std::string("regions_abc").size(), "regions_dup_ids");
    write_file(tmp / "p.toml", bad +
                                   counts_step("later", "aggregate points", "points = \"" + data("points_edges.csv") + "\"\npoints-crs = \"EPSG:3035\"\n"));
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
    REQUIRE(manifest["steps"].size() == 1);
    const std::string error = manifest["steps"][0]["error"];
    CHECK(manifest["steps"][0]["exit_code"] == 1);
    CHECK(manifest["steps"][0]["outputs"].empty());
    // The same line the command gives on its own.
    const RunResult alone = run_regio({"aggregate", "points", "--regions", data("regions_dup_ids.geojson"), "--id", "region_id", "--points",
                                       data("points_edges.csv"), "--points-crs", "EPSG:3035", "-o", (tmp / "alone.csv").string(), "--quiet"});
    CHECK(alone.exit_code == 1);
    CHECK_THAT(alone.err, Contains("regio: error: " + error));
    CHECK_THAT(r.err, Contains("regio: error: " + error) && Contains("step bad failed (exit 1)"));
    CHECK(!fs::exists(out / "later.csv"));
}

TEST_CASE("run: relative paths are resolved against the pipeline file's folder", "[cli][run][inprocess]") {
    TempDir tmp;
    const fs::path project = tmp.subdir("project");
    fs::create_directories(project / "data");
    copy_fixture("regions_abc.geojson", project / "data");
    copy_fixture("points_edges.csv", project / "data");
    write_file(project / "p.toml", "[[step]]\nname = \"count\"\nrun = \"aggregate points\"\n[step.args]\nregions = \"data/regions_abc.geojson\"\n"
                                   "id = \"region_id\"\npoints = \"data/points_edges.csv\"\npoints-crs = \"EPSG:3035\"\noutput = \"count.csv\"\n");
    const fs::path elsewhere = tmp.subdir("elsewhere");
    const RunResult r = run_regio({"run", (project / "p.toml").string(), "--quiet"}, elsewhere);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(elsewhere / "out" / "count.csv"));  // the output directory stays relative to the current one
    const auto manifest = nlohmann::json::parse(read_file(elsewhere / "out" / "manifest.json"));
    std::set<std::string> inputs;
    for (const auto& input : manifest["inputs"]) inputs.insert(input["path"].get<std::string>());
    CHECK(inputs == std::set<std::string>{(project / "data" / "regions_abc.geojson").string(), (project / "data" / "points_edges.csv").string()});
}

TEST_CASE("run: the shipped demo pipeline runs from another directory", "[cli][run][inprocess]") {
    const fs::path generator = fs::path(REGIO_BINARY).parent_path() / "regio-make-demo";
    if (!fs::exists(generator)) {
        WARN("regio-make-demo is not built: skipped");
        return;
    }
    // A copy of the project's layout: the demo data where the pipeline names it.
    TempDir tmp;
    const fs::path root = tmp.subdir("root");
    fs::create_directories(root / "geodata" / "demo");
    REQUIRE(run_program(generator.string(), {"--out", (root / "geodata" / "demo").string()}).exit_code == 0);
    fs::copy_file(kSource / "geodata" / "demo" / "pipeline.toml", root / "geodata" / "demo" / "pipeline.toml", fs::copy_options::overwrite_existing);
    fs::copy_file(kSource / "geodata" / "demo" / "indicators.toml", root / "geodata" / "demo" / "indicators.toml",
                  fs::copy_options::overwrite_existing);
    fs::copy(kSource / "styles", root / "styles", fs::copy_options::recursive);
    const fs::path elsewhere = tmp.subdir("elsewhere");
    const RunResult r = run_regio({"run", (root / "geodata" / "demo" / "pipeline.toml").string(), "--out", "out", "--quiet"}, elsewhere);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(elsewhere / "out" / "map_share_non_eu.svg"));
    CHECK(fs::exists(elsewhere / "out" / "atlas" / "index.html"));
}

}  // namespace run_inprocess_cli_test
