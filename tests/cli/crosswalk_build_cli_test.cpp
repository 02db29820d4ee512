// End-to-end tests of `regio crosswalk build`: rows, changes, weights (raster
// and points), names, checks, the demo city.
// The fixtures and what they hold: crosswalk_cli_fixtures.hpp.
#include "crosswalk_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_build_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::crosswalk_cli;

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

}  // namespace crosswalk_build_cli_test
