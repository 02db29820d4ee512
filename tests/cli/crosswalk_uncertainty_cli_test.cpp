// End-to-end tests of the near-boundary share (issue #19) on the hand-made
// vintages of crosswalk_cli_fixtures.hpp at D = 300 m:
//   C -> C1 / C2 (split at x = 3500): the 300 m strips on both sides,
//     0.2 of C1's 1.5e6 m2 and 0.6 of C2's 0.5e6 m2;
//   H -> K / L and I -> L / M (split at x = 1000 and 3000): 0.3 each;
//   G -> G gets the 200 m strip G -> F as noise: 0.2; A, B2 their 1 cm
//   slivers (3.90625 m2 of 1e6); D, E, F go whole into one target: 0.
// With xw_pop.asc the bands are weighed by exact cell coverage: C -> C1's
// strip x 3200..3500 holds 0.3 of the cell of 10 (3 of 35).
#include "crosswalk_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_uncertainty_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::crosswalk_cli;

TEST_CASE("crosswalk build: near-boundary shares per row with a tolerance, none without", "[cli][crosswalk][build]") {
    TempDir tmp;
    SECTION("area") {
        const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv", {"--boundary-tolerance", "300", "--report", (tmp / "r.json").string()}));
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(read_file(tmp / "cw.csv") == read_file(expected("xw_crosswalk_near.csv")));
        CHECK_THAT(r.err, Contains("near boundary (within 300 m of a line that splits a source, or noise): 16.67 % of the area, "
                                   "largest in C -> C2 (60 %)\n"));
        const std::string json = read_file(tmp / "r.json");
        CHECK(json_number(json, "near_boundary", "distance_m") == 300.0);
        CHECK(json_number(json, "near_boundary", "max_share") == 0.6);
        CHECK_THAT(json, Contains("\"weight_share\": null"));
    }
    SECTION("population from a grid, measured in the bands") {
        const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv", {"--boundary-tolerance", "300", "--weights", data("xw_pop.asc"),
                                                                       "--report", (tmp / "r.json").string()}));
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(read_file(tmp / "cw.csv") == read_file(expected("xw_crosswalk_near_pop.csv")));
        CHECK_THAT(read_file(tmp / "r.json"), Contains("\"weight_in_bands\": \"measured in the band\""));
    }
    SECTION("population from points: apportioned by area within the piece") {
        const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv", {"--boundary-tolerance", "300", "--weights", data("xw_points.csv"),
                                                                       "--weights-crs", "EPSG:3035", "--report", (tmp / "r.json").string()}));
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(read_file(tmp / "cw.csv"), Contains(",near_boundary_area_share,near_boundary_weight_share\n"));
        CHECK_THAT(read_file(tmp / "r.json"), Contains("\"weight_in_bands\": \"apportioned by area within the piece\""));
    }
    SECTION("no tolerance (D = 0): the file as before, without the columns") {
        const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv"));
        CHECK_THAT(read_file(tmp / "cw.csv"), !Contains("near_boundary"));
        CHECK_THAT(r.err, !Contains("near boundary"));
    }
}

TEST_CASE("crosswalk apply: the share of each target's value from near-boundary weight", "[cli][crosswalk][apply]") {
    TempDir tmp;
    const std::string cw = expected("xw_crosswalk_near_pop.csv");
    SECTION("--uncertainty-column, the report and the five largest") {
        const RunResult r = run_regio(apply_cmd(cw, data("xw_data.csv"), tmp / "out.csv",
                                                {"--extensive", "count", "--accept-loss", "--uncertainty-column", "near_boundary_share",
                                                 "--report", (tmp / "r.json").string()}));
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        // DE is written empty (E has no row), and so is its share.
        CHECK(read_file(tmp / "out.csv") == "code,count,near_boundary_share\n"
                                            "A,100,3.90625e-06\nB2,200,3.90625e-06\nC1,262.5,0.08571428571428572\nC2,37.5,0.6\n"
                                            "DE,,\nF,500,0\nG,600,0.2\nK,175,0.3\nL,925,0.3\nM,400,0.3\n");
        CHECK_THAT(r.err, Contains("near boundary: targets whose value ('count') comes most from near-boundary weight: "
                                   "C2 0.6, K 0.3, L 0.3, M 0.3, G 0.2\n"));
        CHECK(json_number(read_file(tmp / "r.json"), "share_from_near_boundary_weight", "C1") == 0.08571428571428572);
    }
    SECTION("by area: the area shares") {
        const RunResult r = run_regio(apply_cmd(cw, data("xw_data.csv"), tmp / "out.csv",
                                                {"--extensive", "count", "--accept-loss", "--weight", "area", "--uncertainty-column", "u"}));
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(read_file(tmp / "out.csv"), Contains("\nC1,225,0.2\n"));
    }
    SECTION("without the option the output is as before; the report still has the shares") {
        const RunResult r = run_regio(apply_cmd(cw, data("xw_data.csv"), tmp / "out.csv", {"--extensive", "count", "--accept-loss"}));
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(read_file(tmp / "out.csv"), StartsWith("code,count\n"));
        CHECK_THAT(r.err, Contains("near boundary: "));
    }
}

TEST_CASE("crosswalk apply: --uncertainty-column needs the columns and a free name", "[cli][crosswalk][apply]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    SECTION("a crosswalk built without a tolerance") {
        const RunResult r = run_regio(apply_cmd(expected("xw_crosswalk.csv"), data("xw_data.csv"), out / "o.csv",
                                                {"--extensive", "count", "--accept-loss", "--uncertainty-column", "u"}));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains("xw_crosswalk.csv: --uncertainty-column: the crosswalk has no near_boundary_area_share column"));
        CHECK_THAT(r.err, Contains("hint: build it with --boundary-tolerance D"));
    }
    SECTION("a name the output already has") {
        const RunResult r = run_regio(apply_cmd(expected("xw_crosswalk_near.csv"), data("xw_data.csv"), out / "o.csv",
                                                {"--extensive", "count", "--accept-loss", "--uncertainty-column", "count"}));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("--uncertainty-column 'count' is already a column of the output"));
    }
    CHECK(list_dir(out).empty());
}

TEST_CASE("crosswalk chain: near-boundary shares composed, or dropped when a table has none", "[cli][crosswalk][chain]") {
    TempDir tmp;
    const Args tolerance{"--boundary-tolerance", "300"};
    REQUIRE(run_regio(build_2020_2024(tmp / "ab.csv", tolerance)).exit_code == 0);
    REQUIRE(run_regio(build_cmd(data("xw_2024.geojson"), "unit", data("xw_2028.geojson"), "unit", tmp / "bc.csv", tolerance)).exit_code == 0);
    REQUIRE(run_regio(build_cmd(data("xw_2024.geojson"), "unit", data("xw_2028.geojson"), "unit", tmp / "bc0.csv")).exit_code == 0);
    SECTION("composed: 1 - (1 - u1)(1 - u2) per path, weighted by area") {
        const RunResult r = run_regio({"crosswalk", "chain", (tmp / "ab.csv").string(), (tmp / "bc.csv").string(), "-o", (tmp / "ac.csv").string()});
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        const std::string csv = read_file(tmp / "ac.csv");
        // DE -> D9 is split in halves at x = 1000 (0.3 each); C -> C1 (0.2) and
        // C -> C2 (0.6) merge into C9: (1.5e6 * 0.2 + 0.5e6 * 0.6) / 2e6.
        CHECK_THAT(csv, Contains("\nC,C9,2000000,1,1,0.3\n") && Contains("\nD,D9,600000,0.5,0.6,0.30000000000000004\n") &&
                            Contains("\nF,F,1000000,1,1,0\n"));
    }
    SECTION("a table without them: dropped, with a warning") {
        const RunResult r = run_regio({"crosswalk", "chain", (tmp / "ab.csv").string(), (tmp / "bc0.csv").string(), "-o", (tmp / "ac.csv").string()});
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(read_file(tmp / "ac.csv"), !Contains("near_boundary"));
        CHECK_THAT(r.err, Contains("regio: warning: the near-boundary shares are dropped: only 1 of the 2 crosswalks have them"));
    }
}

}  // namespace crosswalk_uncertainty_cli_test
