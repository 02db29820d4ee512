// End-to-end tests of crosswalk build's boundary noise options (issue #19) on
// the hand-made vintages of crosswalk_cli_fixtures.hpp: --boundary-tolerance
// turns the 200 m strip G -> F and the two 1 cm slivers into noise, given back
// to their sources; --within-prefix and --within check their parents.
#include "crosswalk_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_tolerance_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::crosswalk_cli;

TEST_CASE("crosswalk build: --boundary-tolerance gives thin pieces back to their source", "[cli][crosswalk][build]") {
    TempDir tmp;
    const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv", {"--boundary-tolerance", "300", "--changes", (tmp / "ch.csv").string(),
                                                                   "--report", (tmp / "r.json").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, StartsWith("crosswalk: 10 x 11 units -> 12 pieces, 12 rows kept, 0 slivers (0 m2) dropped\n"
                                 "area: from 13000000 m2, to 13000000 m2\n"
                                 "boundary noise: 3 pieces (200008 m2, weight 0) given to their source's main target (tolerance 300 m)\n"));
    const std::string csv = read_file(tmp / "cw.csv");
    // G keeps all of itself; F is F; A and B2 are whole again. The last
    // column: the near-boundary share (the noise each row received).
    CHECK_THAT(csv, Contains("\nA,A,1000000,1,1,3.90625e-06\n") && Contains("\nB,B2,1000000,1,1,3.90625e-06\n") &&
                        Contains("\nF,F,1000000,1,1,0\n") && Contains("\nG,G,1000000,1,1,0.2\n") && !Contains("G,F,"));
    const std::string changes = read_file(tmp / "ch.csv");
    CHECK_THAT(changes, Contains("from,F,unchanged,F,\n") && Contains("from,G,unchanged,G,\n") && Contains("from,A,unchanged,A,\n"));
    const std::string json = read_file(tmp / "r.json");
    INFO(json);
    CHECK_THAT(json, Contains("\"tolerance_m\": 300.0,\n    \"tolerance_source\": \"option\",\n    \"within\": null,\n    \"pieces\": 3,"));
    CHECK_THAT(json, Contains("{\n        \"from_id\": \"G\",\n        \"to_id\": \"F\",\n        \"given_to\": \"G\",\n"
                              "        \"area_m2\": 200000.0,\n        \"weight\": 0.0,\n"));
    CHECK_THAT(json, Contains("\"reason\": \"thin\""));
}

TEST_CASE("crosswalk build: a tolerance below the strip's width keeps the real shift", "[cli][crosswalk][build]") {
    TempDir tmp;
    const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv", {"--boundary-tolerance", "150"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("boundary noise: 2 pieces (7.8125 m2, weight 0) given to their source's main target (tolerance 150 m)\n"));
    CHECK_THAT(read_file(tmp / "cw.csv"), Contains("\nG,F,200000,0.2,"));
}

TEST_CASE("crosswalk build: no scale in the file names, no tolerance: the exact overlay", "[cli][crosswalk][build]") {
    TempDir tmp;
    const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv"));
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, !Contains("boundary noise"));
    CHECK(read_file(tmp / "cw.csv") == read_file(expected("xw_crosswalk.csv")));
}

TEST_CASE("crosswalk build: parents that changed are an error; parents named wrongly are usage errors", "[cli][crosswalk][build]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    SECTION("--within-prefix 1: E went into DE (parent D)") {
        const RunResult r = run_regio(build_2020_2024(out / "cw.csv", {"--within-prefix", "1"}));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains("unit E lies wholly outside its parent E in the second vintage: the parents changed"));
        CHECK_THAT(r.err, Contains("xw_2020.geojson"));
    }
    SECTION("--within without '='") {
        const RunResult r = run_regio(build_2020_2024(out / "cw.csv", {"--within", "code"}));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("--within takes FROM_FIELD=TO_FIELD, got 'code'"));
    }
    SECTION("both rules") {
        const RunResult r = run_regio(build_2020_2024(out / "cw.csv", {"--within", "code=unit", "--within-prefix", "1"}));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("--within-prefix and --within name the parents twice"));
    }
    SECTION("--within with the id fields: every piece across ids is noise, B (now B2) has no piece in B") {
        const RunResult r = run_regio(build_2020_2024(out / "cw.csv", {"--within", "code=unit"}));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains("unit B lies wholly outside its parent B"));
    }
    CHECK(list_dir(out).empty());
}

}  // namespace crosswalk_tolerance_cli_test
