// Issue #12, delimited text: every CSV-reading command goes through the shared
// reader, so pipes are detected, --delimiter names any other, a header that
// looks like data or repeats a name is an error naming file, line and
// columns, and gzip-compressed files are read transparently. Each failure:
// the exit code, one line naming where, nothing left behind.
#include "aggregate_points_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace inputs_csv_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::points_cli;

namespace {

// points_edges.csv with another delimiter (its one quoted field keeps its comma).
std::string edges_with(char delimiter) {
    std::string text = read_file(data("points_edges.csv"));
    bool quoted = false;
    for (char& c : text) {
        if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) c = delimiter;
    }
    return text;
}

Args grid_table_cmd(const std::string& table, const fs::path& output) {
    return {"aggregate", "grid", "--regions", data("regions_grid.geojson"), "--id", "region_id", "--grid-table", table,
            "--cell-id", "GRD_ID", "--value", "T", "-o", output.string()};
}

}  // namespace

TEST_CASE("csv: a pipe-delimited file is detected", "[cli][csv]") {
    TempDir tmp;
    write_file(tmp / "pipe.csv", edges_with('|'));
    const std::string out = run_and_read(csv_cmd(data("regions_abc.geojson"), (tmp / "pipe.csv").string(), tmp / "r.csv"),
                                         tmp / "r.csv");
    CHECK(out == read_file(expected("edges_count.csv")));
}

TEST_CASE("csv: --delimiter names the delimiter detection would miss", "[cli][csv]") {
    TempDir tmp;
    // More commas than pipes in the header: detection would split at ','.
    write_file(tmp / "p.csv", "id|x|y|note,with,commas,here\np1|4000250|3000250|a\np2|4001500|3000500|b\n");
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.csv"), 2,
                   "cannot tell the coordinate columns", out_dir);
    const std::string out = run_and_read(
        csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), tmp / "r.csv", {"--delimiter", "|"}), tmp / "r.csv");
    CHECK(out == "region_id,count\nA,1\nB,1\nC,0\nD,0\nE,0\n");
    expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.csv", {"--delimiter", "ab"}),
                   2, "--delimiter 'ab' is not a delimiter", out_dir);
}

TEST_CASE("csv: a spreadsheet's sep= line names the delimiter", "[cli][csv]") {
    TempDir tmp;
    write_file(tmp / "p.csv", "\xEF\xBB\xBFsep=|\r\nid|x|y|note,with,commas,here\r\np1|4000250|3000250|a\r\np2|4001500|3000500|b\r\n");
    const std::string out = run_and_read(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), tmp / "r.csv"), tmp / "r.csv");
    CHECK(out == "region_id,count\nA,1\nB,1\nC,0\nD,0\nE,0\n");
    write_file(tmp / "t.csv", "sep=;\ncode;gap\nA;1,5\nB;2\nC;3\n");
    const std::string json = run_and_read({"classify", "--data", (tmp / "t.csv").string(), "--field", "gap", "--classes", "3",
                                           "-o", (tmp / "b.json").string()},
                                          tmp / "b.json");
    CHECK_THAT(json, Contains("\"lowest\": 1.5"));
}

TEST_CASE("csv: a one-column header gets a hint that helps", "[cli][csv]") {
    TempDir tmp;
    write_file(tmp / "colon.csv", "id:x:y\np1:4000250:3000250\n");
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(
        csv_cmd(data("regions_abc.geojson"), (tmp / "colon.csv").string(), out_dir / "r.csv", {"--x", "x", "--y", "y"}), 1,
        (tmp / "colon.csv").string() + ": field 'x': no column 'x' for x (columns: id:x:y)", out_dir);
    CHECK_THAT(r.err, Contains("hint: the header has one column when split at ','; name the delimiter with --delimiter"));
}

TEST_CASE("csv: a file without a header row is an error saying so", "[cli][csv]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    SECTION("points") {
        write_file(tmp / "p.csv", "4000250,3000250,2\n4001500,3000500,3\n");
        const RunResult r = expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.csv"), 1,
                                           (tmp / "p.csv").string() +
                                               ": line 1: the first line looks like data, not a header: column 1 is the "
                                               "number '4000250' where a column name should be",
                                           out_dir);
        CHECK_THAT(r.err, Contains("hint: the first line must name the columns; add a header row"));
    }
    SECTION("a grid table") {
        write_file(tmp / "g.csv", "CRS3035RES1000mN3000000E4000000,30\nCRS3035RES1000mN3000000E4001000,60\n");
        expect_failure(grid_table_cmd((tmp / "g.csv").string(), out_dir / "r.csv"), 1,
                       (tmp / "g.csv").string() + ": line 1: the first line looks like data, not a header: column 2 is the "
                                                  "number '30'",
                       out_dir);
    }
}

TEST_CASE("csv: a zip archive or another compression is named, not read as text", "[cli][csv]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    write_file(tmp / "p.csv", std::string("PK\x03\x04\x14\0\0\0", 8));
    const RunResult r = expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.csv"), 1,
                                       (tmp / "p.csv").string() + ": the file is a zip archive (or an .xlsx workbook), not text",
                                       out_dir);
    CHECK_THAT(r.err, Contains("hint: unpack it (unzip), or save the sheet as CSV UTF-8"));
    write_file(tmp / "t.csv", "BZh91AY&SY");
    expect_failure({"classify", "--data", (tmp / "t.csv").string(), "--field", "rate"}, 1,
                   (tmp / "t.csv").string() + ": the file is bzip2-compressed", out_dir);
}

TEST_CASE("csv: duplicate column names are an error naming both", "[cli][csv]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    SECTION("points") {
        write_file(tmp / "p.csv", "id,x,y,persons,persons\np1,4000250,3000250,2,3\n");
        expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv").string(), out_dir / "r.csv", {"--weight", "persons"}),
                       1, (tmp / "p.csv").string() + ": line 1: field 'persons': columns 4 and 5 are both named 'persons'",
                       out_dir);
    }
    SECTION("a table (crosswalk apply --data)") {
        write_file(tmp / "d.csv", "\xEF\xBB\xBFid,pop,area,pop\nA,1,2,3\n");
        const Args args{"crosswalk", "apply", "--crosswalk", expected("xw_crosswalk.csv"), "--data", (tmp / "d.csv").string(),
                        "--id", "id", "--extensive", "pop", "-o", (out_dir / "r.csv").string()};
        expect_failure(args, 1, (tmp / "d.csv").string() + ": line 1: field 'pop': columns 2 and 4 are both named 'pop'", out_dir);
    }
}

TEST_CASE("csv: gzip-compressed inputs are read as they are", "[cli][csv][gzip]") {
    TempDir tmp;
    fs::copy_file(data("points_edges.csv"), tmp / "p.csv");
    fs::copy_file(data("grid_4x4_inspire.csv"), tmp / "g.csv");
    if (!run_tool("gzip", {"-n", (tmp / "p.csv").string()}) || !run_tool("gzip", {"-n", (tmp / "g.csv").string()})) return;
    SECTION("points") {
        const std::string out = run_and_read(
            csv_cmd(data("regions_abc.geojson"), (tmp / "p.csv.gz").string(), tmp / "r.csv"), tmp / "r.csv");
        CHECK(out == read_file(expected("edges_count.csv")));
    }
    SECTION("a grid table, the same as uncompressed") {
        const std::string gz = run_and_read(grid_table_cmd((tmp / "g.csv.gz").string(), tmp / "gz.csv"), tmp / "gz.csv");
        const std::string plain = run_and_read(grid_table_cmd(data("grid_4x4_inspire.csv"), tmp / "plain.csv"), tmp / "plain.csv");
        CHECK(gz == plain);
    }
    SECTION("a truncated gzip file is an error, not a short table") {
        const std::string whole = read_file(tmp / "p.csv.gz");
        write_file(tmp / "cut.csv.gz", whole.substr(0, whole.size() / 2));
        const fs::path out_dir = tmp.subdir("out");
        expect_failure(csv_cmd(data("regions_abc.geojson"), (tmp / "cut.csv.gz").string(), out_dir / "r.csv"), 1,
                       (tmp / "cut.csv.gz").string() + ": cannot decompress", out_dir);
    }
}

TEST_CASE("csv: regio run checks headers by the same rule before any step runs", "[cli][csv][run]") {
    TempDir tmp;
    write_file(tmp / "pipe.csv", "sep=|\n" + edges_with('|'));
    if (!run_tool("gzip", {"-n", (tmp / "pipe.csv").string()})) return;
    write_file(tmp / "d.csv", "id,pop,area,pop\nA,1,2,3\n");
    write_file(tmp / "p.toml", R"([[step]]
name = "counts"
run = "aggregate points"
[step.args]
regions = ")" + data("regions_abc.geojson") + R"("
id = "region_id"
points = ")" + (tmp / "pipe.csv.gz").string() + R"("
x = "x"
y = "y"
points-crs = "EPSG:3035"
output = "counts.csv"

[[step]]
name = "carry"
run = "crosswalk apply"
[step.args]
crosswalk = ")" + expected("xw_crosswalk.csv") + R"("
data = ")" + (tmp / "d.csv").string() + R"("
id = "id"
extensive = "pop"
output = "carried.csv"
)");
    const fs::path out = tmp / "out";
    const RunResult r = run_regio({"run", (tmp / "p.toml").string(), "--out", out.string()});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains("step carry") && Contains("columns 2 and 4 are both named 'pop'") && Contains("nothing was run"));
    CHECK_THAT(r.err, !Contains("step counts"));  // the gzip file's header, after its sep= line, has x and y
    CHECK(!fs::exists(out / "counts.csv"));
}

}  // namespace inputs_csv_cli_test
