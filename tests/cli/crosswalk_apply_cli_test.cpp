// End-to-end tests of `regio crosswalk apply` and `regio crosswalk chain`.
// The fixtures and what they hold: crosswalk_cli_fixtures.hpp.
#include "crosswalk_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_apply_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::crosswalk_cli;

// ---------------------------------------------------------------------------
// 3. apply. xw_data.csv has a row per 2020 unit but E (so DE, fed partly by
// E, is written empty rather than as D's part alone), and X, which the
// crosswalk does not know (discontinued).
//   --weight area:        count A 100, B2 200, C1 0.75 * 300 = 225, C2 75, DE empty,
//                         F 500 + 0.2 * 600 = 620, G 0.8 * 600 = 480,
//                         K 700 / 2, L 700 / 2 + 800 / 2 = 750, M 400;
//                         rate (pop-weighted) F (0.1 * 100 + 0.3 * 0.2 * 500) / (100 + 100) = 0.2,
//                         L (0.4 * 100 + 0.6 * 100) / 200 = 0.5, the others as their source.
//   --weight population:  C1 0.875 * 300 = 262.5, C2 37.5, K 175, L 0.75 * 700 + 0.5 * 800 = 925,
//                         rate L (0.4 * 150 + 0.6 * 100) / 250 = 0.48; the others as by area.
// count: 4500 before = 3600 after + 900 (X) not carried.
TEST_CASE("crosswalk apply: extensive and intensive columns by area and by population", "[cli][crosswalk][apply]") {
    const auto [weight, expected_csv] = GENERATE(table<std::string, std::string>(
        {{"area", "xw_apply_area.csv"}, {"population", "xw_apply_population.csv"}}));
    CAPTURE(weight);
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "report.json";
    const RunResult r = run_regio(apply_cmd(expected("xw_crosswalk_weights.csv"), data("xw_data.csv"), out_dir / "apply.csv",
                                            {"--extensive", "count", "--intensive", "rate:pop", "--weight", weight,
                                             "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out_dir / "apply.csv") == read_file(expected(expected_csv)));
    CHECK(list_dir(out_dir) == Names{"apply.csv", "report.json"});
    CHECK(r.err ==
          "weighting: " + weight + " (--weight)\n"
          "count: 4500 before = 3600 after + 900 not carried (400 of the after in targets written empty: a source of theirs has no value)\n"
          "regio: warning: 1 data rows have ids the crosswalk does not know (not carried): X\n"
          "regio: warning: 1 crosswalk sources have no data row: E\n");

    const std::string json = read_file(report);
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"crosswalk apply\""));
    CHECK_THAT(json, Contains("\"weight\": \"" + weight + "\""));
    CHECK(json_number(json, "count", "before") == 4500);
    CHECK(json_number(json, "count", "after") == 3600);
    CHECK(json_number(json, "count", "not_carried") == 900);
    CHECK(json_number(json, "count", "in_targets_written_empty") == 400);  // D's count in DE, written empty
    CHECK_THAT(json, Contains("\"preserved\": true"));
    CHECK_THAT(json, Contains("\"ids_not_in_crosswalk\": [\n    \"X\"\n  ]"));
    CHECK_THAT(json, Contains("\"sources_not_in_data\": [\n    \"E\"\n  ]"));
    // A and B2 come from one unmoved source each; C1 and K only from split ones.
    CHECK(json_number(json, "share_from_split_sources", "A") == 0);
    CHECK(json_number(json, "share_from_split_sources", "B2") == 0);
    CHECK(json_number(json, "share_from_split_sources", "C1") == 1);
    CHECK(json_number(json, "share_from_split_sources", "K") == 1);
}

TEST_CASE("crosswalk apply: the whole chain build -> apply on the fixtures", "[cli][crosswalk][apply]") {
    TempDir tmp;
    REQUIRE(run_regio(build_2020_2024(tmp / "cw.csv", {"-q", "--weights", data("xw_pop.asc")})).exit_code == 0);
    const RunResult r = run_regio(apply_cmd((tmp / "cw.csv").string(), data("xw_data.csv"), tmp / "out.csv",
                                            {"--extensive", "count", "--intensive", "rate:pop", "--weight", "population", "-q"}));
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(read_file(tmp / "out.csv") == read_file(expected("xw_apply_population.csv")));
}

TEST_CASE("crosswalk apply: --weight population needs a crosswalk with weights", "[cli][crosswalk][apply][bad]") {
    TempDir tmp;
    expect_failure(apply_cmd(expected("xw_crosswalk.csv"), data("xw_data.csv"), tmp / "apply.csv",
                             {"--extensive", "count", "--weight", "population"}),
                   1, "the crosswalk has no weight columns", tmp.path());
    // The same crosswalk by area is fine.
    const RunResult r = run_regio(apply_cmd(expected("xw_crosswalk.csv"), data("xw_data.csv"), tmp / "apply.csv",
                                            {"--extensive", "count", "--intensive", "rate:pop", "-q"}));
    CHECK(r.exit_code == 0);
    CHECK(read_file(tmp / "apply.csv") == read_file(expected("xw_apply_area.csv")));
}

// ---------------------------------------------------------------------------
// 4. chain: 2020 -> 2024 -> 2028. Shares multiply along the way; inside a
// middle unit the territory is taken as spread in proportion, so DE -> D9 +
// E9 (halves) gives D -> D9 and D -> E9 600000 m2 each (E: 400000 each),
// although D in fact holds all of D9 and E none of it. C -> C1 + C2 -> C9 and
// H -> K + L -> KL sum their two paths.
// A -> A and B -> B2 keep their area without the slivers; share_to is taken
// of the chained area of the target.
TEST_CASE("crosswalk chain: A->B and B->C give A->C", "[cli][crosswalk][chain]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    // The second step, built from the fixtures.
    const RunResult b = run_regio(build_cmd(data("xw_2024.geojson"), "unit", data("xw_2028.geojson"), "unit",
                                            out_dir / "bc.csv", {"--changes", (out_dir / "bc_changes.csv").string()}));
    INFO("stderr: " << b.err);
    REQUIRE(b.exit_code == 0);
    CHECK_THAT(b.err, StartsWith("crosswalk: 11 x 10 units -> 12 pieces, 12 rows kept, 0 slivers (0 m2) dropped\n"));
    CHECK(read_file(out_dir / "bc.csv") == read_file(expected("xw_crosswalk_2024_2028.csv")));
    CHECK(read_file(out_dir / "bc_changes.csv") == read_file(expected("xw_changes_2024_2028.csv")));

    const RunResult r = run_regio({"crosswalk", "chain", expected("xw_crosswalk.csv"), (out_dir / "bc.csv").string(), "-o",
                                   (out_dir / "ac.csv").string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    // N is a 2024 unit of the second table only (new in 2024): named (issue #18, item 9).
    CHECK(r.err == "chain: 13 rows\nregio: warning: " + (out_dir / "bc.csv").string() +
                       ": 1 units of the middle vintage have no predecessor (new: N); their targets get nothing from the chain "
                       "(--strict refuses this)\n");
    CHECK(read_file(out_dir / "ac.csv") == read_file(expected("xw_chain.csv")));
    CHECK(list_dir(out_dir) == Names{"ac.csv", "bc.csv", "bc_changes.csv"});
    for (const auto& [id, sum] : share_sums(read_file(out_dir / "ac.csv"), "area_share_from")) {
        CAPTURE(id);
        CHECK(sum == 1.0);
    }
    // Carrying the data through the chained crosswalk: counts are conserved.
    const RunResult a = run_regio(apply_cmd((out_dir / "ac.csv").string(), data("xw_data.csv"), out_dir / "apply.csv",
                                            {"--extensive", "count"}));
    INFO("apply stderr: " << a.err);
    CHECK(a.exit_code == 0);
    CHECK_THAT(a.err, StartsWith("weighting: area (the crosswalk has no population shares)\n"
                                 "count: 4500 before = 3600 after + 900 not carried (400 of the after in targets written empty: a source of theirs has no value)\n"));
}

TEST_CASE("crosswalk chain: the middle vintages must match", "[cli][crosswalk][chain][bad]") {
    TempDir tmp;
    // 2020 -> 2024 twice: the 2024 units B2, C1, ... are not 2020 units
    // (A, F and G are ids of both).
    expect_failure({"crosswalk", "chain", expected("xw_crosswalk.csv"), expected("xw_crosswalk.csv"), "-o", (tmp / "ac.csv").string()},
                   1, "units B2, C1, C2, DE, K, L, M of the middle vintage are not sources in it", tmp.path());
    // Reversed order: 2024 -> 2028 then 2020 -> 2024.
    expect_failure({"crosswalk", "chain", expected("xw_crosswalk_2024_2028.csv"), expected("xw_crosswalk.csv"), "-o",
                    (tmp / "ac.csv").string()},
                   1, "units B2, C9, D9, E9, KL, M, N of the middle vintage are not sources in it", tmp.path());
    expect_failure({"crosswalk", "chain", expected("xw_crosswalk.csv"), "-o", (tmp / "ac.csv").string()}, 2,
                   "chain needs at least two crosswalks", tmp.path());
}

}  // namespace crosswalk_apply_cli_test
