// End-to-end tests of `regio crosswalk build | apply | chain`: the binary on
// hand-made vintages in tests/data, outputs compared byte for byte with
// tests/cli/expected/xw_*.csv, and on the demo city of regio-make-demo.
//
// The vintages (EPSG:3035; offsets in metres from (4000000, 3000000); every
// coordinate is exact in binary, so every area below is exact):
//
//   xw_2020.geojson (field code)          xw_2024.geojson (field unit)
//   y 2000..3000  H (x 0..2000)           K (x 0..1000)   L (1000..3000)
//                 I (x 2000..4000)        M (3000..4000)
//   y 1000..2000  D (x 0..1200)           DE (0..2000)  F (2000..3200)
//                 E (1200..2000)          G (3200..4000)
//                 F G X (1000 m squares)
//   y 0..1000     A B (squares)           A B2 (A, B but for the sliver)
//                 C (x 2000..4000)        C1 (2000..3500) C2 (3500..4000)
//                                         N (4000..5000)
//
//   A -> A    unchanged. The A|B border x = 1000 becomes a zigzag: at
//             x = 1000 - w for y 0..500, at 1000 + w for y 500..1000, with
//             w = 1/128 m (a generalisation sliver of about 1 cm, a power of
//             two so that its area is exact). A and B2 keep 1e6 m2 each; the
//             two slivers A->B2 and B->A have 500 w = 3.90625 m2 and shares
//             3.90625e-6, far below the default --min-share: dropped and reported. The kept
//             rows have area 999996.09375, share_from renormalised to 1 and
//             share_to 0.99999609375.
//   B -> B2   recoded (same territory, new id).
//   C -> C1 + C2   split 0.75 / 0.25 (C1 holds most of C and all of C1 is
//             C: still a split, not a boundary shift of C into C1).
//   D + E -> DE    merged, share_to 0.6 / 0.4 (D is most of DE: still merged).
//   F, G      boundary shift: the 200 x 1000 m strip x 3000..3200 moves from
//             G to F. F->F (share_to 1e6 / 1.2e6), G->F 0.2 (share_to 1/6),
//             G->G 0.8; "major" on both sides of both (the strip is 20 % of G).
//   H, I -> K, L, M   many-to-many: H -> K (west half) and L (east half),
//             I -> L (west half) and M (east half): split_merge on both sides.
//   X         discontinued (x 4000..5000, y 1000..2000: not in 2024).
//   N         new (x 4000..5000, y 0..1000: not in 2020).
// 15 pieces, 13 rows kept, 2 slivers (7.8125 m2); 13e6 m2 on each side.
//
// xw_pop.asc (1000 m cells over the vintages; rows from the north):
//     y 2..3   10  30  20  20   3        H: 10 | 30   I: 20 | 20
//     y 1..2   20  60  40  50   5        D 20, E 60, F 40, G 50, X 5
//     y 0..1   64  64  30  10   7        A 64, B 64, C: 30 | 10, N 7
// Weights of the pieces: A->A 64 (1 - 3.90625e-6) = 63.99975 (the slivers
// 0.00025 each), C->C1 30 + 10 / 2 = 35, C->C2 5 (shares 0.875 / 0.125),
// D->DE 20 + 0.2 * 60 = 32, E->DE 48 (share_to 0.4 / 0.6),
// G->F 10 and G->G 40, F 40 + 10 (share_to 0.8 / 0.2),
// H->K 10, H->L 30 (0.25 / 0.75), I->L 20, I->M 20 (0.5 / 0.5), L 30 + 20
// (share_to 0.6 / 0.4). 418 in pieces; the cells of N, X and the north-east
// corner are in no piece.
//
// xw_2028.geojson (field unit) continues 2024: C1 + C2 -> C9 merged,
// DE -> D9 + E9 split in halves (at x = 1000, not the 2020 D|E border at
// 1200), K + L -> KL merged; A, B2, F, G, M, N unchanged.
//
// Every failing run must leave nothing behind: no output and no temporary
// ".regio-*" file. Outputs of failing runs therefore go to a fresh directory
// that must still be empty afterwards (or hold only the pre-existing file).
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

// crosswalk build from `from` (id field from_id) to `to` (id field to_id).
Args build_cmd(const std::string& from, const std::string& from_id, const std::string& to, const std::string& to_id,
               const fs::path& output, const Args& extra = {}) {
    Args args{"crosswalk", "build", "--from", from, "--from-id", from_id, "--to", to, "--to-id", to_id, "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The hand-made 2020 -> 2024 build.
Args build_2020_2024(const fs::path& output, const Args& extra = {}) {
    return build_cmd(data("xw_2020.geojson"), "code", data("xw_2024.geojson"), "unit", output, extra);
}

// crosswalk apply of xw_data.csv (id column code) through `crosswalk`.
Args apply_cmd(const std::string& crosswalk, const std::string& data_csv, const fs::path& output, const Args& extra = {}) {
    Args args{"crosswalk", "apply", "--crosswalk", crosswalk, "--data", data_csv, "--id", "code", "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// A CSV as rows of fields, header included; quoted fields (CHANGES.csv
// quotes counterparts joined by ';') lose their quotes.
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields(1);
        bool quoted = false;
        for (const char c : line) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) fields.emplace_back();
            else fields.back() += c;
        }
        rows.push_back(fields);
    }
    return rows;
}

// Sums of a share column per source (from_id) of a crosswalk CSV, in file order.
std::map<std::string, double> share_sums(const std::string& crosswalk_csv, const std::string& column) {
    const auto rows = csv_rows(crosswalk_csv);
    REQUIRE(!rows.empty());
    const auto& header = rows[0];
    const auto col = static_cast<std::size_t>(std::find(header.begin(), header.end(), column) - header.begin());
    REQUIRE(col < header.size());
    std::map<std::string, double> sums;
    for (std::size_t r = 1; r < rows.size(); ++r) sums[rows[r][0]] += std::stod(rows[r][col]);
    return sums;
}

// Runs a GDAL/OGR utility found on PATH; false (with a warning) if it is not installed.
bool run_tool(const std::string& tool, const Args& args) {
    const auto program = find_on_path(tool);
    if (!program) {
        WARN(tool << " is not on PATH: skipping this part of the test");
        return false;
    }
    const RunResult r = run_program(*program, args);
    INFO(tool << " stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. build: every kind of change on the hand-made vintages.
TEST_CASE("crosswalk build: exact rows and typed changes on hand-made vintages", "[cli][crosswalk][build]") {
    const std::string threads = GENERATE(as<std::string>{}, "1", "4");
    CAPTURE(threads);
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "report.json";
    const RunResult r = run_regio(build_2020_2024(out_dir / "CROSSWALK.csv", {"--changes", (out_dir / "CHANGES.csv").string(),
                                                                              "--report", report.string(), "--threads", threads}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out_dir / "CROSSWALK.csv") == read_file(expected("xw_crosswalk.csv")));
    CHECK(read_file(out_dir / "CHANGES.csv") == read_file(expected("xw_changes.csv")));
    CHECK(list_dir(out_dir) == Names{"CHANGES.csv", "CROSSWALK.csv", "report.json"});  // no .regio-* left

    CHECK_THAT(r.err, StartsWith("crosswalk: 10 x 11 units -> 15 pieces, 13 rows kept, 2 slivers (7.8125 m2) dropped\n"
                                 "area: from 13000000 m2, to 13000000 m2\n"
                                 "1 source units have no counterpart (discontinued without successor)\n"
                                 "1 target units have no counterpart (new territory)\n"));
    CHECK_THAT(r.err, Contains("(" + threads + " threads)\n"));
    CHECK_THAT(r.err, !Contains("warning"));

    // The kept shares of each source sum to exactly 1 (the slivers of A and B
    // are gone, their shares renormalised); X has no row.
    const auto sums = share_sums(read_file(out_dir / "CROSSWALK.csv"), "area_share_from");
    CHECK(sums.size() == 9);
    for (const auto& [id, sum] : sums) {
        CAPTURE(id);
        CHECK(sum == 1.0);
    }
    CHECK_THAT(read_file(out_dir / "CROSSWALK.csv"), !Contains("\nA,B2,") && !Contains("\nB,A,") && !Contains("\nX,"));

    const std::string json = read_file(report);
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"crosswalk build\""));
    CHECK(json_number(json, "from", "units") == 10);
    CHECK(json_number(json, "from", "area_m2") == 13e6);
    CHECK(json_number(json, "to", "units") == 11);
    CHECK(json_number(json, "to", "area_m2") == 13e6);
    CHECK_THAT(json, Contains("\"pieces\": 15,") && Contains("\"rows\": 13,"));
    // Both slivers, with their areas.
    CHECK_THAT(json, Contains("\"from_id\": \"A\",\n      \"to_id\": \"B2\",\n      \"area_m2\": 3.90625,"));
    CHECK_THAT(json, Contains("\"from_id\": \"B\",\n      \"to_id\": \"A\",\n      \"area_m2\": 3.90625,"));
    CHECK_THAT(json, Contains("\"unmatched_from\": [\n    \"X\"\n  ]"));
    CHECK_THAT(json, Contains("\"unmatched_to\": [\n    \"N\"\n  ]"));
    CHECK(json_number(json, "changes", "from:split") == 1);
    CHECK(json_number(json, "changes", "from:merged") == 2);
    CHECK(json_number(json, "changes", "from:split_merge") == 2);
    CHECK(json_number(json, "changes", "to:split_merge") == 3);
    CHECK(json_number(json, "changes", "to:new") == 1);
    CHECK(json_number(json, "changes", "from:discontinued") == 1);
}

TEST_CASE("crosswalk build: a higher --min-area also drops real pieces as slivers", "[cli][crosswalk][build]") {
    // --min-area 250000 (m2) drops G->F (200000 m2) as well: G keeps only G
    // (share 1 after renormalising), and the change is then seen from G's side
    // as G -> G alone.
    TempDir tmp;
    const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv", {"--min-area", "250000", "--report", (tmp / "r.json").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, StartsWith("crosswalk: 10 x 11 units -> 15 pieces, 12 rows kept, 3 slivers (200008 m2) dropped\n"));
    const std::string csv = read_file(tmp / "cw.csv");
    CHECK_THAT(csv, !Contains("G,F,"));
    CHECK_THAT(csv, Contains("\nG,G,800000,1,1\n"));
    CHECK_THAT(read_file(tmp / "r.json"), Contains("\"from_id\": \"G\",\n      \"to_id\": \"F\",\n      \"area_m2\": 200000.0,"));
}

TEST_CASE("crosswalk build: -q prints nothing on success", "[cli][crosswalk][build]") {
    TempDir tmp;
    const RunResult r = run_regio(build_2020_2024(tmp / "cw.csv", {"-q"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(read_file(tmp / "cw.csv") == read_file(expected("xw_crosswalk.csv")));
}

// ---------------------------------------------------------------------------
// 2. build --weights: population of each piece by exact cell coverage.
TEST_CASE("crosswalk build --weights: population weights of the pieces", "[cli][crosswalk][build][weights]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "report.json";
    const RunResult r = run_regio(
        build_2020_2024(out_dir / "CROSSWALK.csv", {"--weights", data("xw_pop.asc"), "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string csv = read_file(out_dir / "CROSSWALK.csv");
    CHECK(csv == read_file(expected("xw_crosswalk_weights.csv")));
    CHECK(list_dir(out_dir) == Names{"CROSSWALK.csv", "report.json"});
    // The area columns are those of the build without weights.
    std::string area_only;
    for (const auto& row : csv_rows(csv)) area_only += row[0] + ',' + row[1] + ',' + row[2] + ',' + row[3] + ',' + row[4] + '\n';
    CHECK(area_only == read_file(expected("xw_crosswalk.csv")));

    CHECK_THAT(r.err, StartsWith("crosswalk: 10 x 11 units -> 15 pieces, 13 rows kept, 2 slivers (7.8125 m2) dropped\n"));
    CHECK_THAT(r.err, Contains("\nweights: 418 in pieces, 0.0005 in slivers\n"));
    for (const auto& [id, sum] : share_sums(csv, "weight_share_from")) {
        CAPTURE(id);
        CHECK(sum == 1.0);
    }
    const std::string json = read_file(report);
    INFO(json);
    CHECK(json_number(json, "weights", "total_in_pieces") == 418);
    CHECK(json_number(json, "weights", "in_slivers") == 0.0005);
    CHECK_THAT(json, Contains("\"to_id\": \"B2\",\n      \"area_m2\": 3.90625,\n      \"weight\": 0.00025\n"));
}

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
          "count: 4500 before = 3600 after + 900 not carried\n"
          "regio: warning: 1 data rows have ids the crosswalk does not know (not carried): X\n"
          "regio: warning: 1 crosswalk sources have no data row: E\n");

    const std::string json = read_file(report);
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"crosswalk apply\""));
    CHECK_THAT(json, Contains("\"weight\": \"" + weight + "\""));
    CHECK(json_number(json, "count", "before") == 4500);
    CHECK(json_number(json, "count", "after") == 3600);
    CHECK(json_number(json, "count", "not_carried") == 900);
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
    CHECK(r.err == "chain: 13 rows\n");
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
    CHECK_THAT(a.err, StartsWith("count: 4500 before = 3600 after + 900 not carried\n"));
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

// ---------------------------------------------------------------------------
// 5. Bad inputs: errors with their exit codes, nothing left behind.
TEST_CASE("bad crosswalk input: build", "[cli][crosswalk][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path out = out_dir / "cw.csv";
    SECTION("a --from file that does not exist") {
        expect_failure(build_cmd(data("xw_nope.geojson"), "code", data("xw_2024.geojson"), "unit", out), 1,
                       "xw_nope.geojson: no such file", out_dir);
    }
    SECTION("an id field that does not exist") {
        expect_failure(build_cmd(data("xw_2020.geojson"), "unit", data("xw_2024.geojson"), "unit", out), 1,
                       "field 'unit': no such field (fields: code, name)", out_dir);
        expect_failure(build_cmd(data("xw_2020.geojson"), "code", data("xw_2024.geojson"), "code", out), 1,
                       "field 'code': no such field (fields: unit, name)", out_dir);
    }
    SECTION("an output that is not .csv") {
        expect_failure(build_2020_2024(out_dir / "cw.gpkg"), 2, "the crosswalk is written as CSV: name it .csv", out_dir);
    }
    SECTION("a --weights raster that does not exist") {
        expect_failure(build_2020_2024(out, {"--weights", data("xw_nope.asc")}), 1, "xw_nope.asc: no such file", out_dir);
    }
    SECTION("a --weights raster without a CRS") {
        expect_failure(build_2020_2024(out, {"--weights", data("grid_nocrs.asc")}), 1, "the raster has no CRS", out_dir);
    }
    SECTION("existing outputs without --overwrite stay untouched") {
        write_file(out, "keep me\n");
        expect_failure(build_2020_2024(out), 2, "exists", out_dir, {"cw.csv"});
        CHECK(read_file(out) == "keep me\n");
        // The same for an existing --changes file (the crosswalk is not written either).
        const fs::path changes = out_dir / "changes.csv";
        fs::rename(out, changes);
        expect_failure(build_2020_2024(out, {"--changes", changes.string()}), 2, "exists", out_dir, {"changes.csv"});
        CHECK(read_file(changes) == "keep me\n");
        // --overwrite replaces it.
        const RunResult r = run_regio(build_2020_2024(out, {"--changes", changes.string(), "--overwrite", "-q"}));
        CHECK(r.exit_code == 0);
        CHECK(read_file(changes) == read_file(expected("xw_changes.csv")));
        CHECK(read_file(out) == read_file(expected("xw_crosswalk.csv")));
        CHECK(list_dir(out_dir) == Names{"changes.csv", "cw.csv"});
    }
}

TEST_CASE("bad crosswalk input: apply", "[cli][crosswalk][apply][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path out = out_dir / "apply.csv";
    const std::string cw = expected("xw_crosswalk_weights.csv");
    SECTION("--intensive without :DENOMINATOR") {
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out, {"--extensive", "count", "--intensive", "rate"}), 2,
                       "--intensive takes COLUMN:DENOMINATOR_COLUMN, got 'rate'", out_dir);
    }
    SECTION("an unknown --weight") {
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out, {"--extensive", "count", "--weight", "people"}), 2,
                       "unknown --weight 'people' (known: area, population)", out_dir);
    }
    SECTION("no column to carry") {
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out), 2, "--extensive and/or --intensive", out_dir);
    }
    SECTION("an output that is not .csv") {
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out_dir / "apply.gpkg", {"--extensive", "count"}), 2,
                       "name the output .csv", out_dir);
    }
    SECTION("an existing output without --overwrite") {
        write_file(out, "keep me\n");
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out, {"--extensive", "count"}), 2, "exists", out_dir, {"apply.csv"});
        CHECK(read_file(out) == "keep me\n");
    }
    SECTION("a column that does not exist") {
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out, {"--extensive", "persons"}), 1,
                       "no column 'persons' (columns: code, name, count, rate, pop)", out_dir);
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out, {"--extensive", "count", "--intensive", "rate:people"}), 1,
                       "no column 'people'", out_dir);
    }
    SECTION("a data file that does not exist") {
        expect_failure(apply_cmd(cw, data("xw_nope.csv"), out, {"--extensive", "count"}), 1, "xw_nope.csv: no such file", out_dir);
    }
    SECTION("a duplicate id in the data") {
        const RunResult r = expect_failure(apply_cmd(cw, data("xw_data_dup.csv"), out, {"--extensive", "count"}), 1,
                                           "duplicate id 'B'", out_dir);
        CHECK_THAT(r.err, Contains("xw_data_dup.csv: line 5: field 'code': duplicate id 'B'"));
    }
    SECTION("a value that is not a number") {
        // Line 5 (after a blank line 4), column rate.
        expect_failure(apply_cmd(cw, data("xw_data_bad.csv"), out, {"--extensive", "count", "--intensive", "rate:pop"}), 1,
                       "xw_data_bad.csv: line 5: field 'rate': value 'n/a' is not a number", out_dir);
    }
}

TEST_CASE("bad crosswalk input: regions in degrees need --work-crs", "[cli][crosswalk][bad][crs]") {
    TempDir tmp;
    const fs::path in_dir = tmp.subdir("in");
    const fs::path lonlat = in_dir / "xw_2020_4326.geojson";
    if (!run_tool("ogr2ogr", {"-t_srs", "EPSG:4326", lonlat.string(), data("xw_2020.geojson")})) return;
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(build_cmd(lonlat.string(), "code", data("xw_2024.geojson"), "unit", out_dir / "cw.csv"), 1,
                                       "(degrees): areas need a projected, equal-area CRS", out_dir);
    CHECK_THAT(r.err, Contains("\nhint: pass --work-crs"));
    // With --work-crs both vintages are overlaid in EPSG:3035: the same rows
    // as from the projected file, up to the round trip through degrees
    // (which leaves a few more slivers).
    const RunResult ok =
        run_regio(build_cmd(lonlat.string(), "code", data("xw_2024.geojson"), "unit", out_dir / "cw.csv", {"--work-crs", "EPSG:3035"}));
    INFO("stderr: " << ok.err);
    REQUIRE(ok.exit_code == 0);
    CHECK_THAT(ok.err, Contains(" 13 rows kept, "));
    const auto got = csv_rows(read_file(out_dir / "cw.csv"));
    const auto want = csv_rows(read_file(expected("xw_crosswalk.csv")));
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 1; i < got.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i][0] == want[i][0]);
        CHECK(got[i][1] == want[i][1]);
        CHECK(std::stod(got[i][2]) == Approx(std::stod(want[i][2])).epsilon(1e-5));
        CHECK(std::stod(got[i][3]) == Approx(std::stod(want[i][3])).epsilon(1e-5));
    }
}

// ---------------------------------------------------------------------------
// 6. The demo city: the planted changes between districts_2023 and
// districts_2024 (changes_2023_2024.txt, read at test time) must come out of
// CHANGES.csv with their types; every other district is unchanged.
namespace {

struct Planted {
    // Expected type and counterparts per (side, id).
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> changes;
    std::string shift_from, shift_to;
    double shift_area = 0;
    int districts_2023 = 0, districts_2024 = 0;
};

std::string join(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ";") + id;
    return out;
}

// Parses changes_2023_2024.txt: "split A -> B C", "merge A B -> C",
// "shift A B (N m2 moved from A to B, ...)", "recode A -> B".
Planted read_planted(const fs::path& manifest, const std::string& generator_stdout) {
    Planted p;
    std::istringstream lines(read_file(manifest));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        INFO("manifest line: " << line);
        std::istringstream words(line);
        std::string kind, w;
        words >> kind;
        std::vector<std::string> before, after;
        bool arrow = false;
        while (words >> w && w.front() != '(') {
            if (w == "->") arrow = true;
            else (arrow ? after : before).push_back(w);
        }
        if (kind == "split" || kind == "merge") {
            REQUIRE(!before.empty());
            REQUIRE(!after.empty());
            const std::string type = kind == "split" ? "split" : "merged";
            for (const auto& id : before) p.changes[{"from", id}] = {type, join(after)};
            for (const auto& id : after) p.changes[{"to", id}] = {type, join(before)};
        } else if (kind == "recode") {
            REQUIRE(before.size() == 1);
            REQUIRE(after.size() == 1);
            p.changes[{"from", before[0]}] = {"recoded", after[0]};
            p.changes[{"to", after[0]}] = {"recoded", before[0]};
        } else if (kind == "shift") {
            REQUIRE(before.size() == 2);
            REQUIRE(!arrow);
            // "(1310043 m2 moved from D12 to D13, ...)"
            const auto open = line.find('(');
            REQUIRE(open != std::string::npos);
            std::istringstream detail(line.substr(open + 1));
            std::string m2, moved, from, a, to, b;
            detail >> p.shift_area >> m2 >> moved >> from >> a >> to >> b;
            REQUIRE(m2 == "m2");
            if (!b.empty() && b.back() == ',') b.pop_back();
            p.shift_from = a;
            p.shift_to = b;
            REQUIRE(std::set<std::string>{a, b} == std::set<std::string>{before[0], before[1]});
            p.changes[{"from", a}] = {"boundary_shift", join({a, b})};
            p.changes[{"from", b}] = {"boundary_shift", b};
            p.changes[{"to", a}] = {"boundary_shift", a};
            p.changes[{"to", b}] = {"boundary_shift", join({a, b})};
        } else {
            FAIL("unknown change kind '" << kind << "' in " << manifest);
        }
    }
    // "districts.gpkg: districts_2023 21 districts, districts_2024 21 districts, ..."
    const auto summary = line_starting_with(generator_stdout, "districts.gpkg: ");
    REQUIRE(summary);
    std::istringstream words(*summary);
    std::string w, layer;
    words >> w >> layer >> p.districts_2023 >> w >> layer >> p.districts_2024;
    REQUIRE(p.districts_2023 > 0);
    REQUIRE(p.districts_2024 > 0);
    return p;
}

// The demo generator next to the regio binary (both in the build root);
// nullopt with a warning if it was not built.
std::optional<std::string> demo_generator() {
    const fs::path generator = fs::path(REGIO_BINARY).parent_path() / "regio-make-demo";
    if (!fs::exists(generator)) {
        WARN(generator.string() << " is not built (REGIO_BUILD_TOOLS=OFF or target not built): skipping the demo test");
        return std::nullopt;
    }
    return generator.string();
}

struct DemoRun {
    Planted planted;
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> changes;  // (side, id) -> type, counterparts, detail
    std::string crosswalk;
    std::string stderr_text;
};

// Generates the demo city in `tmp` and builds its crosswalk with --changes.
std::optional<DemoRun> run_demo(const TempDir& tmp) {
    const auto generator = demo_generator();
    if (!generator) return std::nullopt;
    const fs::path demo = tmp.subdir("demo");
    const RunResult g = run_program(*generator, {"--out", demo.string()});
    INFO("regio-make-demo stderr: " << g.err);
    REQUIRE(g.exit_code == 0);
    DemoRun run;
    run.planted = read_planted(demo / "changes_2023_2024.txt", g.out + g.err);

    const fs::path out_dir = tmp.subdir("out");
    const std::string gpkg = (demo / "districts.gpkg").string();
    const RunResult r = run_regio(build_cmd(gpkg + ":districts_2023", "district_id", gpkg + ":districts_2024", "district_id",
                                            out_dir / "CROSSWALK.csv", {"--changes", (out_dir / "CHANGES.csv").string()}));
    INFO("regio stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    run.stderr_text = r.err;
    run.crosswalk = read_file(out_dir / "CROSSWALK.csv");
    const auto rows = csv_rows(read_file(out_dir / "CHANGES.csv"));
    REQUIRE(!rows.empty());
    REQUIRE(rows[0] == std::vector<std::string>{"side", "id", "type", "counterparts", "detail"});
    for (std::size_t i = 1; i < rows.size(); ++i) {
        REQUIRE(rows[i].size() == 5);
        run.changes[{rows[i][0], rows[i][1]}] = {rows[i][2], rows[i][3], rows[i][4]};
    }
    return run;
}

}  // namespace

TEST_CASE("crosswalk build: the demo city's planted changes", "[cli][crosswalk][demo]") {
    TempDir tmp;
    const auto run = run_demo(tmp);
    if (!run) return;
    const Planted& p = run->planted;
    INFO("stderr: " << run->stderr_text);
    CHECK_THAT(run->stderr_text, StartsWith("crosswalk: " + std::to_string(p.districts_2023) + " x " +
                                            std::to_string(p.districts_2024) + " units -> "));
    CHECK_THAT(run->stderr_text, Contains(" 0 slivers (0 m2) dropped\n"));  // the vintages share their vertices

    int from_rows = 0, to_rows = 0, unchanged = 0;
    for (const auto& [key, got] : run->changes) {
        const auto& [side, id] = key;
        CAPTURE(side, id, got[0], got[1], got[2]);
        (side == "from" ? from_rows : to_rows) += 1;
        const auto planted = p.changes.find(key);
        if (planted == p.changes.end()) {
            // Not planted: the same district in both vintages.
            CHECK(got[0] == "unchanged");
            CHECK(got[1] == id);
            CHECK(got[2].empty());
            ++unchanged;
            continue;
        }
        CHECK(got[0] == planted->second.first);
        CHECK(got[1] == planted->second.second);  // counterparts
        if (got[0] == "boundary_shift") CHECK((got[2] == "minor" || got[2] == "major"));
        else CHECK(got[2].empty());
    }
    CHECK(from_rows == p.districts_2023);
    CHECK(to_rows == p.districts_2024);
    // Every planted change is in CHANGES.csv.
    for (const auto& [key, want] : p.changes) {
        CAPTURE(key.first, key.second);
        CHECK(run->changes.count(key) == 1);
    }
    CHECK(unchanged == p.districts_2023 + p.districts_2024 - static_cast<int>(p.changes.size()));

    // The shifted area is the manifest's figure (rounded to m2 there), and
    // every source's shares sum to exactly 1.
    const auto rows = csv_rows(run->crosswalk);
    bool found = false;
    for (const auto& row : rows)
        if (row[0] == p.shift_from && row[1] == p.shift_to) {
            found = true;
            CHECK(std::abs(std::stod(row[2]) - p.shift_area) <= 0.5);
        }
    CHECK(found);
    for (const auto& [id, sum] : share_sums(run->crosswalk, "area_share_from")) {
        CAPTURE(id);
        CHECK(sum == 1.0);
    }
}

// ---------------------------------------------------------------------------
// build --weights with points: xw_points.csv (EPSG:3035, column pop) has one
// point in each kept piece (A->A two: 10 + 5), one in X (a 2020 unit only:
// outside all pieces, pop 100) and one with x 'abc' (invalid, line 17).
// Weights: A 15, B2 7, C1 20, C2 4 (C: 20/24, 4/24), DE 8 + 12, F 2, G->F 3,
// G->G 6, H->K 9, H->L 1, I->L 3, I->M 11: 101 in pieces.
TEST_CASE("crosswalk build --weights: address points located in both vintages", "[cli][crosswalk][build][weights][points]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "report.json";
    const RunResult r = run_regio(build_2020_2024(out_dir / "CROSSWALK.csv", {"--weights", data("xw_points.csv"), "--weights-crs",
                                                                              "EPSG:3035", "--weights-field", "pop", "--report",
                                                                              report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out_dir / "CROSSWALK.csv") ==
          "from_id,to_id,area_m2,area_share_from,area_share_to,weight,weight_share_from,weight_share_to\n"
          "A,A,999996.09375,1,0.99999609375,15,1,1\n"
          "B,B2,999996.09375,1,0.99999609375,7,1,1\n"
          "C,C1,1500000,0.75,1,20,0.8333333333333334,1\n"
          "C,C2,500000,0.25,1,4,0.16666666666666666,1\n"
          "D,DE,1200000,1,0.6,8,1,0.4\n"
          "E,DE,800000,1,0.4,12,1,0.6\n"
          "F,F,1000000,1,0.8333333333333334,2,1,0.4\n"
          "G,F,200000,0.2,0.16666666666666666,3,0.3333333333333333,0.6\n"
          "G,G,800000,0.8,1,6,0.6666666666666666,1\n"
          "H,K,1000000,0.5,1,9,0.9,1\n"
          "H,L,1000000,0.5,0.5,1,0.1,0.25\n"
          "I,L,1000000,0.5,0.5,3,0.21428571428571427,0.75\n"
          "I,M,1000000,0.5,1,11,0.7857142857142857,1\n");
    CHECK(list_dir(out_dir) == Names{"CROSSWALK.csv", "report.json"});
    CHECK_THAT(r.err, Contains("\nweights: 101 in pieces, 0 in slivers\n"));
    CHECK_THAT(r.err, Contains("\nweight points: 16 read = 14 in pieces + 1 outside all pieces + 1 invalid\n"));
    CHECK_THAT(r.err, Contains("regio: warning: 1 weight points (100) are outside all pieces"));
    CHECK_THAT(r.err, Contains("xw_points.csv line 17: x 'abc' is not a number\n"));
    const std::string json = read_file(report);
    INFO(json);
    CHECK(json_number(json, "weights", "total_in_pieces") == 101);
    CHECK(json_number(json, "weights", "points_read") == 16);
    CHECK(json_number(json, "weights", "points_in_pieces") == 14);
    CHECK(json_number(json, "weights", "points_outside") == 1);
    CHECK(json_number(json, "weights", "points_invalid") == 1);
    CHECK(json_number(json, "weights", "outside") == 100);
    CHECK_THAT(json, Contains("\"kind\": \"points\"") && Contains("\"line\": 17,"));
}

TEST_CASE("crosswalk build --weights: points without --weights-field are counted", "[cli][crosswalk][build][weights][points]") {
    TempDir tmp;
    const RunResult r = run_regio(
        build_2020_2024(tmp / "cw.csv", {"--weights", data("xw_points.csv"), "--weights-crs", "EPSG:3035", "--weights-x", "x",
                                         "--weights-y", "y"}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string csv = read_file(tmp / "cw.csv");
    CHECK_THAT(csv, Contains("\nA,A,999996.09375,1,0.99999609375,2,1,1\n"));
    CHECK_THAT(csv, Contains("\nC,C1,1500000,0.75,1,1,0.5,1\n"));
    CHECK_THAT(csv, Contains("\nG,F,200000,0.2,0.16666666666666666,1,0.5,0.5\n"));
    CHECK_THAT(r.err, Contains("\nweights: 14 in pieces, 0 in slivers\n"));
    CHECK_THAT(r.err, Contains("\nweight points: 16 read = 14 in pieces + 1 outside all pieces + 1 invalid\n"));
    for (const auto& [id, sum] : share_sums(csv, "weight_share_from")) {
        CAPTURE(id);
        CHECK(sum == 1.0);
    }
}

TEST_CASE("bad crosswalk input: weight points and names", "[cli][crosswalk][bad][points]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path out = out_dir / "cw.csv";
    SECTION("CSV weight points need --weights-crs") {
        expect_failure(build_2020_2024(out, {"--weights", data("xw_points.csv")}), 2, "name it with --weights-crs", out_dir);
    }
    SECTION("a --weights-field that does not exist") {
        const RunResult r = run_regio(
            build_2020_2024(out, {"--weights", data("xw_points.csv"), "--weights-crs", "EPSG:3035", "--weights-field", "nope"}));
        CHECK(r.exit_code != 0);
        CHECK_THAT(r.err, StartsWith("regio: error: ") && Contains("nope"));
        CHECK(list_dir(out_dir).empty());
    }
    SECTION("points options with a raster") {
        expect_failure(build_2020_2024(out, {"--weights", data("xw_pop.asc"), "--weights-crs", "EPSG:3035"}), 2,
                       "apply to --weights points", out_dir);
    }
    SECTION("--from-name without --to-name") {
        expect_failure(build_2020_2024(out, {"--changes", (out_dir / "ch.csv").string(), "--from-name", "name"}), 2,
                       "--from-name and --to-name go together", out_dir);
    }
    SECTION("names without --changes") {
        expect_failure(build_2020_2024(out, {"--from-name", "name", "--to-name", "name"}), 2, "add --changes", out_dir);
    }
}

// build --from-name/--to-name: A keeps its id and territory; its name differs
// between the vintages (field name), so it is renamed. With the ids as names
// (code/unit) A is unchanged again and B -> B2 stays recoded.
TEST_CASE("crosswalk build: --from-name/--to-name type renamed units", "[cli][crosswalk][build][names]") {
    TempDir tmp;
    const fs::path changes = tmp / "CHANGES.csv";
    const RunResult r = run_regio(build_2020_2024(
        tmp / "cw.csv", {"--changes", changes.string(), "--from-name", "name", "--to-name", "name", "--report", (tmp / "r.json").string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    std::string want = read_file(expected("xw_changes.csv"));
    for (const std::string side : {"from", "to"}) {
        const std::string before = side + ",A,unchanged,A,\n";
        const auto at = want.find(before);
        REQUIRE(at != std::string::npos);
        want.replace(at, before.size(), side + ",A,renamed,A,\n");
    }
    CHECK(read_file(changes) == want);
    CHECK(read_file(tmp / "cw.csv") == read_file(expected("xw_crosswalk.csv")));
    const std::string json = read_file(tmp / "r.json");
    CHECK(json_number(json, "changes", "from:renamed") == 1);
    CHECK(json_number(json, "changes", "to:renamed") == 1);

    const RunResult same = run_regio(build_2020_2024(
        tmp / "cw2.csv", {"--changes", (tmp / "CH2.csv").string(), "--from-name", "code", "--to-name", "unit", "-q"}));
    REQUIRE(same.exit_code == 0);
    CHECK(read_file(tmp / "CH2.csv") == read_file(expected("xw_changes.csv")));
}

TEST_CASE("crosswalk build: unchanged units are checked once, their repairs and overlaps reported on both sides",
          "[cli][crosswalk][build][checks]") {
    // Both vintages (EPSG:3035, metres): P a bow-tie (invalid, repaired), Q
    // and R overlapping by a 0.001 m strip (tolerated), S changed (2024
    // moves its east edge). P, Q, R are identical in both vintages but
    // listed in another order and under other codes in 2024.
    auto feature = [](const std::string& id, const std::string& ring) {
        return R"({"type":"Feature","properties":{"id":")" + id + R"("},"geometry":{"type":"Polygon","coordinates":[[)" + ring + "]]}}";
    };
    const std::string bowtie = "[4000000,3000000],[4001000,3001000],[4001000,3000000],[4000000,3001000],[4000000,3000000]";
    const std::string q = "[4002000,3000000],[4003000.001,3000000],[4003000.001,3001000],[4002000,3001000],[4002000,3000000]";
    const std::string r = "[4003000,3000000],[4004000,3000000],[4004000,3001000],[4003000,3001000],[4003000,3000000]";
    const std::string s20 = "[4005000,3000000],[4006000,3000000],[4006000,3001000],[4005000,3001000],[4005000,3000000]";
    const std::string s24 = "[4005000,3000000],[4006500,3000000],[4006500,3001000],[4005000,3001000],[4005000,3000000]";
    auto layer = [](const std::vector<std::string>& features) {
        std::string out = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3035"}},"features":[)";
        for (std::size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
        return out + "]}";
    };
    TempDir tmp;
    write_file(tmp / "v2020.geojson", layer({feature("P", bowtie), feature("Q", q), feature("R", r), feature("S", s20)}));
    write_file(tmp / "v2024.geojson", layer({feature("S4", s24), feature("R4", r), feature("Q4", q), feature("P4", bowtie)}));
    const RunResult run = run_regio(build_cmd((tmp / "v2020.geojson").string(), "id", (tmp / "v2024.geojson").string(), "id",
                                              tmp / "cw.csv", {"--report", (tmp / "r.json").string()}));
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    // Each side names its own units; the overlap goes to the first in that side's input order.
    CHECK_THAT(run.err, Contains("region 'P' was invalid (Self-intersection"));
    CHECK_THAT(run.err, Contains("region 'P4' was invalid (Self-intersection"));
    CHECK_THAT(run.err, Contains("regions 'Q' and 'R' overlap by 1 square units (within --overlap-tolerance); the overlap goes to 'Q'"));
    CHECK_THAT(run.err, Contains("regions 'R4' and 'Q4' overlap by 1 square units (within --overlap-tolerance); the overlap goes to 'R4'"));
    // The repaired bow-tie is the same unit on both sides: one row, share 1.
    const std::string cw = read_file(tmp / "cw.csv");
    CHECK_THAT(cw, Contains("\nP,P4,500000,1,1\n"));  // two triangles
    CHECK_THAT(cw, Contains("\nS,S4,1000000,1,0.6666666666666666"));
}
