// `crosswalk apply` weights you can see (issue #18, item 3): population
// shares are the default when the crosswalk carries them, area otherwise,
// and the weighting in use is always printed and reported.
#include "crosswalk_cli_fixtures.hpp"

#include <nlohmann/json.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_apply_weight_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::crosswalk_cli;

TEST_CASE("crosswalk apply: population weights by default when the crosswalk has them", "[cli][crosswalk][apply]") {
    TempDir tmp;
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(apply_cmd(expected("xw_crosswalk_weights.csv"), data("xw_data.csv"), tmp / "apply.csv",
                                            {"--extensive", "count", "--intensive", "rate:pop", "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "apply.csv") == read_file(expected("xw_apply_population.csv")));
    CHECK_THAT(r.err, StartsWith("weighting: population (the crosswalk's population shares, the default when it has them; "
                                 "--weight area for area shares)\n"));
    const auto j = nlohmann::json::parse(read_file(report));
    CHECK(j["weight"] == "population");
    CHECK(j["weight_chosen"] == "default");
}

TEST_CASE("crosswalk apply: area weights by default when the crosswalk has no population shares", "[cli][crosswalk][apply]") {
    TempDir tmp;
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(apply_cmd(expected("xw_crosswalk.csv"), data("xw_data.csv"), tmp / "apply.csv",
                                            {"--extensive", "count", "--intensive", "rate:pop", "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "apply.csv") == read_file(expected("xw_apply_area.csv")));
    CHECK_THAT(r.err, StartsWith("weighting: area (the crosswalk has no population shares)\n"));
    const auto j = nlohmann::json::parse(read_file(report));
    CHECK(j["weight"] == "area");
    CHECK(j["weight_chosen"] == "default");
}

TEST_CASE("crosswalk apply: --weight area still splits by area, and says so", "[cli][crosswalk][apply]") {
    TempDir tmp;
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(apply_cmd(expected("xw_crosswalk_weights.csv"), data("xw_data.csv"), tmp / "apply.csv",
                                            {"--extensive", "count", "--intensive", "rate:pop", "--weight", "area", "--report",
                                             report.string()}));
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "apply.csv") == read_file(expected("xw_apply_area.csv")));
    CHECK_THAT(r.err, StartsWith("weighting: area (--weight)\n"));
    CHECK(nlohmann::json::parse(read_file(report))["weight_chosen"] == "by --weight");
}

}  // namespace crosswalk_apply_weight_cli_test
