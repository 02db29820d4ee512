// `regionalise` as a step of `regio run` (issue #13): in the run's process,
// its units read once and shared with the run's other steps through the
// RegionCache, with the same results as the command on its own; its -o in
// any table format (issue #16).
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace regionalise_run_cli_test {

using namespace regio_test;

namespace {

std::string regionalise_step(const std::string& name, const std::string& output, const std::string& threshold) {
    return "[[step]]\nname = \"" + name + "\"\nrun = \"regionalise\"\n[step.args]\nunits = \"" + data("regionalise_units.geojson") +
           "\"\nid = \"code\"\ndata = \"" + data("regionalise_data.csv") + "\"\nthreshold = \"" + threshold +
           "\"\nwithin = \"district\"\noutput = \"" + output + "\"\nmap = \"" + name + "_map.csv\"\n\n";
}

}  // namespace

TEST_CASE("run: two regionalise steps share one load of their units", "[cli][run][regionalise]") {
    TempDir tmp;
    write_file(tmp / "p.toml", regionalise_step("residents", "residents.gpkg", "pop>=1000") +
                                   regionalise_step("foreigners", "foreigners.fgb", "foreigners>=100"));
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(out / "residents.gpkg"));
    CHECK(fs::exists(out / "foreigners.fgb"));
    // One load, shared by the second step.
    const auto region_sets = nlohmann::json::parse(read_file(out / "timings.json"))["region_sets"];
    CHECK(region_sets["loaded"] == 1);
    CHECK(region_sets["shared"] == 1);

    // Each step's map is the command's on its own.
    for (const std::string threshold : {"pop>=1000", "foreigners>=100"}) {
        CAPTURE(threshold);
        TempDir alone;
        REQUIRE(run_regio({"regionalise", "--units", data("regionalise_units.geojson"), "--id", "code", "--data",
                           data("regionalise_data.csv"), "--threshold", threshold, "--within", "district", "-o",
                           (alone / "r.fgb").string(), "--map", (alone / "map.csv").string(), "-q"})
                    .exit_code == 0);
        const std::string step = threshold == "pop>=1000" ? "residents" : "foreigners";
        CHECK(read_file(out / (step + "_map.csv")) == read_file(alone / "map.csv"));
    }
}

TEST_CASE("run: a regionalise step's threshold array is several thresholds", "[cli][run][regionalise]") {
    TempDir tmp;
    // A pipeline joins an array with commas; --threshold splits them again.
    std::string step = regionalise_step("both", "both.gpkg", "pop>=1000");
    step.replace(step.find("threshold = \"pop>=1000\""), std::string("threshold = \"pop>=1000\"").size(),
                 "threshold = [\"pop>=1000\", \"foreigners>=100\"]");
    write_file(tmp / "p.toml", step);
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    // The same map as the command with the two thresholds given apart.
    const RunResult alone = run_regio({"regionalise", "--units", data("regionalise_units.geojson"), "--id", "code", "--data",
                                       data("regionalise_data.csv"), "--threshold", "pop>=1000", "--threshold", "foreigners>=100",
                                       "--within", "district", "-o", (tmp / "alone.gpkg").string(), "--map",
                                       (tmp / "alone_map.csv").string(), "--quiet"});
    REQUIRE(alone.exit_code == 0);
    CHECK(read_file(out / "both_map.csv") == read_file(tmp / "alone_map.csv"));
}

}  // namespace regionalise_run_cli_test
