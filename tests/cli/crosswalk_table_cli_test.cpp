// Crosswalk tables are checked before `crosswalk apply` or `chain` moves
// anything through them (issue #12: nothing lost, nothing invented). A table
// whose shares of a source do not sum to 1, that repeats a source-target
// pair, or holds a share outside [0, 1] or an empty, NaN or infinite number is
// refused: exit 1, one line naming the file, the line, the field and the
// source id (and the sum found), no output, no temporary, the input as it was.
// --accept-loss applies an unbalanced table and the totals line says what was
// lost or invented.
// The fixtures: crosswalk_cli_fixtures.hpp; the tables below are
// tests/cli/expected/xw_crosswalk_weights.csv with one line changed.
#include "crosswalk_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_table_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::crosswalk_cli;

namespace {

// xw_crosswalk_weights.csv with the line starting with `row_start` replaced by
// `replacement` (or, with an empty row_start, `replacement` appended).
fs::path edited_table(const fs::path& dir, const std::string& row_start, const std::string& replacement) {
    std::string text = read_file(expected("xw_crosswalk_weights.csv"));
    if (row_start.empty()) {
        text += replacement + "\n";
    } else {
        const auto at = text.find("\n" + row_start);
        REQUIRE(at != std::string::npos);
        const auto end = text.find('\n', at + 1);
        text.replace(at + 1, end - at - 1, replacement);
    }
    const fs::path path = dir / "xw_bad.csv";
    write_file(path, text);
    return path;
}

// Runs `args`, which must fail with exit 1 and the one-line `message` (plus a
// hint line at most), leave `out_dir` empty and `table` as it was.
void expect_refused(const Args& args, const std::string& message, const fs::path& out_dir, const fs::path& table) {
    const std::string before = read_file(table);
    const RunResult r = expect_failure(args, 1, message, out_dir);
    const std::string first = r.err.substr(0, r.err.find('\n'));
    CHECK(first == "regio: error: " + message);
    const std::string rest = r.err.substr(first.size() + 1);
    CHECK((rest.empty() || (rest.rfind("hint: ", 0) == 0 && rest.find('\n') == rest.size() - 1)));
    CHECK(read_file(table) == before);
    CHECK(list_dir(table.parent_path()) == Names{table.filename().string()});
}

}  // namespace

TEST_CASE("crosswalk table: shares of a source that do not sum to 1 are refused", "[cli][crosswalk][apply][bad]") {
    TempDir tmp;
    const fs::path in = tmp.subdir("in"), out_dir = tmp.subdir("out");
    SECTION("area shares of C sum to 0.9 (population would be lost)") {
        const fs::path t = edited_table(in, "C,C2,", "C,C2,500000,0.15,1,5,0.125,1");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", {"--extensive", "count", "--weight", "area"}),
                       t.string() + ": line 4: field 'area_share_from': source 'C': its shares sum to 0.9, not 1", out_dir, t);
    }
    SECTION("weight shares of H sum to 1.1 (population would be invented); by area the table is fine") {
        const fs::path t = edited_table(in, "H,L,", "H,L,1000000,0.5,0.5,30,0.85,0.6");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", {"--extensive", "count", "--weight", "population"}),
                       t.string() + ": line 11: field 'weight_share_from': source 'H': its shares sum to 1.1, not 1", out_dir, t);
        const RunResult r = run_regio(
            apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", {"--extensive", "count", "--intensive", "rate:pop", "--weight", "area", "-q"}));
        CHECK(r.exit_code == 0);
        CHECK(read_file(out_dir / "a.csv") == read_file(expected("xw_apply_area.csv")));
    }
    SECTION("chain reads the same tables and refuses them the same way") {
        const fs::path t = edited_table(in, "C,C2,", "C,C2,500000,0.15,1,5,0.125,1");
        expect_refused({"crosswalk", "chain", t.string(), expected("xw_crosswalk_2024_2028.csv"), "-o", (out_dir / "ac.csv").string()},
                       t.string() + ": line 4: field 'area_share_from': source 'C': its shares sum to 0.9, not 1", out_dir, t);
    }
}

TEST_CASE("crosswalk table: malformed rows are refused whatever the sums", "[cli][crosswalk][apply][bad]") {
    TempDir tmp;
    const fs::path in = tmp.subdir("in"), out_dir = tmp.subdir("out");
    const Args count{"--extensive", "count"};
    SECTION("a repeated source-target pair (C -> C1 in two rows that sum to the right share)") {
        const fs::path t = edited_table(in, "C,C2,", "C,C1,500000,0.25,1,5,0.125,1");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", count),
                       t.string() + ": line 5: field 'to_id': source 'C' and target 'C1' repeat the pair of line 4", out_dir, t);
    }
    SECTION("a negative share") {
        const fs::path t = edited_table(in, "G,F,", "G,F,200000,-0.2,0.16666666666666666,10,0.2,0.2");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", count),
                       t.string() + ": line 9: field 'area_share_from': source 'G': share -0.2 is outside [0, 1]", out_dir, t);
    }
    SECTION("a share above 1") {
        const fs::path t = edited_table(in, "D,DE,", "D,DE,1200000,1.5,0.6,32,1,0.4");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", count),
                       t.string() + ": line 6: field 'area_share_from': source 'D': share 1.5 is outside [0, 1]", out_dir, t);
    }
    SECTION("an empty share") {
        const fs::path t = edited_table(in, "D,DE,", "D,DE,1200000,,0.6,32,1,0.4");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", count),
                       t.string() + ": line 6: field 'area_share_from': source 'D': the value is empty or NaN", out_dir, t);
    }
    SECTION("NaN and infinity") {
        const fs::path t = edited_table(in, "D,DE,", "D,DE,1200000,nan,0.6,32,1,0.4");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", count),
                       t.string() + ": line 6: field 'area_share_from': source 'D': value is not finite (nan)", out_dir, t);
        const fs::path u = edited_table(in, "D,DE,", "D,DE,inf,1,0.6,32,1,0.4");
        expect_refused(apply_cmd(u.string(), data("xw_data.csv"), out_dir / "a.csv", count),
                       u.string() + ": line 6: field 'area_m2': source 'D': value is not finite (inf)", out_dir, u);
    }
    SECTION("an empty target id") {
        const fs::path t = edited_table(in, "F,F,", "F,,1000000,1,0.8333333333333334,40,1,0.8");
        expect_refused(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv", count),
                       t.string() + ": line 8: field 'to_id': source 'F': empty target id", out_dir, t);
    }
}

TEST_CASE("crosswalk table: --accept-loss applies an unbalanced table and states the loss", "[cli][crosswalk][apply]") {
    TempDir tmp;
    const fs::path in = tmp.subdir("in"), out_dir = tmp.subdir("out");
    // C (count 300) sends 0.75 + 0.15 of itself: 30 are lost.
    const fs::path t = edited_table(in, "C,C2,", "C,C2,500000,0.15,1,5,0.125,1");
    const fs::path report = out_dir / "report.json";
    const RunResult r = run_regio(apply_cmd(t.string(), data("xw_data.csv"), out_dir / "a.csv",
                                            {"--extensive", "count", "--weight", "area", "--accept-loss", "--report", report.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, StartsWith("weighting: area (--weight)\n"
                                 "count: 4500 before = 3570 after + 900 not carried + 30 lost by shares below 1 (400 of the after in targets written empty: a source of theirs has no value)\n"
                                 "regio: warning: " + t.string() +
                                 ": line 4: field 'area_share_from': source 'C': its shares sum to 0.9, not 1 (accepted by --accept-loss)\n"));
    const std::string json = read_file(report);
    CHECK(json_number(json, "count", "after") == 3570);
    CHECK(json_number(json, "count", "lost_by_shares") == Approx(30));
    CHECK_THAT(json, Contains("\"preserved\": false"));
    CHECK_THAT(json, Contains("\"from_id\": \"C\""));
    CHECK(list_dir(out_dir) == Names{"a.csv", "report.json"});
    // Shares above 1 invent: G sends 0.2 + 0.9 of its 600.
    const fs::path u = edited_table(in, "G,G,", "G,G,800000,0.9,1,40,0.8,1");
    const RunResult v = run_regio(apply_cmd(u.string(), data("xw_data.csv"), out_dir / "b.csv", {"--extensive", "count", "--weight", "area", "--accept-loss"}));
    CHECK(v.exit_code == 0);
    CHECK_THAT(v.err, StartsWith("weighting: area (--weight)\ncount: 4500 before = 3660 after + 900 not carried - 60 invented by shares above 1 (400 of the after in targets written empty: a source of theirs has no value)\n"));
}

}  // namespace crosswalk_table_cli_test
