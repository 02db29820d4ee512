// `regio run` with two degurba steps on the same units (issue #13): the
// units are read, repaired and checked once and shared through the run's
// region cache; the shared set gives the same unit classes as a command of
// its own.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace degurba_run_cli_test {

using namespace regio_test;

namespace {

std::string degurba_step(const std::string& name, const std::string& extra) {
    return "[[step]]\nname = \"" + name + "\"\nrun = \"degurba\"\n[step.args]\ngrid = \"" + data("degurba_example_a.asc") +
           "\"\nunits = \"" + data("degurba_units.geojson") + "\"\nunit-id = \"unit\"\noutput = \"" + name + "_cells.tif\"\n" +
           "units-out = \"" + name + "_units.csv\"\n" + extra + "\n";
}

}  // namespace

TEST_CASE("run in-process: two degurba steps on one unit layer read it once", "[cli][run][inprocess][degurba]") {
    TempDir tmp;
    write_file(tmp / "p.toml", degurba_step("level1", "") + degurba_step("level2", "level = 2\n"));
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", out.string(), "--quiet"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto timings = nlohmann::json::parse(read_file(out / "timings.json"));
    CHECK(timings["region_sets"]["loaded"] == 1);
    CHECK(timings["region_sets"]["shared"] == 1);
    // The spec's hand count (tests/cli/degurba_cli_test.cpp), from the shared set.
    CHECK(read_file(out / "level1_units.csv") == read_file(expected("degurba_units.csv")));

    // The shared set gives the same Level 2 classes as a command of its own.
    TempDir alone;
    const RunResult own = run_regio({"degurba", "--grid", data("degurba_example_a.asc"), "--units", data("degurba_units.geojson"),
                                     "--unit-id", "unit", "--level", "2", "-o", (alone / "c.tif").string(), "--units-out",
                                     (alone / "u.csv").string(), "-q"});
    INFO("stderr: " << own.err);
    REQUIRE(own.exit_code == 0);
    CHECK(read_file(out / "level2_units.csv") == read_file(alone / "u.csv"));
}

}  // namespace degurba_run_cli_test
