// `regionalise` as a step of `regio run` (issue #13): in the run's process,
// its units read once and shared with the run's other steps through the
// RegionCache, with the same results as the command on its own; its -o in
// any table format (issue #16).
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

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
    // One threshold per step: a pipeline joins an array with commas, which
    // --threshold does not split.
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
