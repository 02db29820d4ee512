// End-to-end tests of `regio aggregate grid`: the binary on the fixtures in
// tests/data, outputs compared byte for byte with tests/cli/expected.
//
// The grid (grid_4x4.asc + .prj, EPSG:3035) has 4 x 4 cells of 1000 m with
// the south-west corner at (4000000, 3000000). Cell (c, j), column c from
// the west and row j from the south, holds 30 * (1 + c + 4j):
//
//     j=3   390 420 450 480
//     j=2   270 300 330 360        grid total 4080
//     j=1   150 180 210 240
//     j=0    30  60  90 120
//          c=0  c=1 c=2 c=3
//
// regions_grid.geojson (offsets in metres from the corner):
//   A  x 0..1500,    y 0..2000:    cells (0,0),(0,1) whole, (1,0),(1,1) west halves
//      sum 30 + 150 + 60/2 + 180/2 = 300, count 3, mean 100, area 3e6
//   B  x 1500..3000, y 0..2000:    (1,0),(1,1) east halves, (2,0),(2,1) whole
//      sum 30 + 90 + 90 + 210 = 420, count 3, mean 140, area 3e6
//   C  x 2500..5000, y 2500..4500 (reaches beyond the grid): (2,2) a quarter,
//      (3,2) and (2,3) halves, (3,3) whole
//      sum 330/4 + 360/2 + 450/2 + 480 = 967.5, count 2.25, mean 430, area 2.25e6
//   D  triangle (3000,0) (4000,0) (4000,1000): the south-east half of (3,0)
//      sum 60, count 0.5, mean 120, area 5e5
//   E  far east of the grid: sum 0, count 0, mean empty, area 0
// Allocated 1747.5, outside 4080 - 1747.5 = 2332.5.
//
// Every failing run must leave nothing behind: no output and no temporary
// ".regio-*" file. Outputs of failing runs therefore go to a fresh directory
// that must still be empty afterwards.
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

const std::string kAllStats = "sum,mean,count,area";

// aggregate grid on `regions` (id field region_id) with the grid input
// options `grid` (e.g. {"--grid", FILE}), output to `output`.
Args grid_cmd(const std::string& regions, const Args& grid, const fs::path& output, const Args& extra = {}) {
    Args args{"aggregate", "grid", "--regions", regions, "--id", "region_id"};
    args.insert(args.end(), grid.begin(), grid.end());
    args.insert(args.end(), {"-o", output.string()});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

Args raster(const std::string& spec) { return {"--grid", spec}; }
Args cell_table(const std::string& path, const std::string& cell_id = "GRD_ID") {
    return {"--grid-table", path, "--cell-id", cell_id, "--value", "T"};
}
Args layer(const std::string& spec) { return {"--grid-layer", spec, "--value", "T"}; }

// An expected raster output with its value name "band1" replaced by `name`
// in the header: tables and layers name columns after their value field.
std::string renamed(const std::string& csv, const std::string& name) {
    const auto eol = csv.find('\n');
    std::string header = csv.substr(0, eol);
    for (std::size_t at = header.find("band1_"); at != std::string::npos; at = header.find("band1_", at + name.size()))
        header.replace(at, 5, name);
    return header + csv.substr(eol);
}

// The summary line regio prints on stderr for one value column.
std::string summary(const std::string& value, const std::string& total, const std::string& allocated,
                    const std::string& outside, int nodata, const std::string& unallocated = "") {
    std::string line = value + ": grid total " + total + " = " + allocated + " allocated + " + outside +
                       " outside all regions";
    if (!unallocated.empty()) line += " (+ " + unallocated + " in rows without a cell)";
    return line + "; " + std::to_string(nodata) + " no-data cells; conservation error 0.00e+00\n";
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

// The raster fixture `asc` as given ("asc"), or converted to a GeoTIFF in
// `dir` at test time ("tif"); nullopt if gdal_translate is missing.
std::optional<std::string> raster_fixture(const std::string& asc, const std::string& format, const fs::path& dir) {
    if (format == "asc") return data(asc);
    const fs::path tif = dir / (fs::path(asc).stem().string() + ".tif");
    if (!run_tool("gdal_translate", {"-q", "-of", "GTiff", data(asc), tif.string()})) return std::nullopt;
    return tif.string();
}

// A CSV as rows of fields (no quoting: regio's outputs here need none).
std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::size_t pos = 0;
        while (true) {
            const auto comma = line.find(',', pos);
            fields.push_back(line.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
            if (comma == std::string::npos) break;
            pos = comma + 1;
        }
        rows.push_back(fields);
    }
    return rows;
}

}  // namespace

// ---------------------------------------------------------------------------
// 1. Area method: exact partial cells (halves, quarters, a diagonal half, a
// region reaching beyond the grid, one far away).
TEST_CASE("aggregate grid: area method gives exact shares of cells", "[cli][grid][area]") {
    const std::string format = GENERATE(as<std::string>{}, "asc", "tif");
    const std::string threads = GENERATE(as<std::string>{}, "1", "4");
    CAPTURE(format, threads);
    TempDir tmp;
    const auto grid = raster_fixture("grid_4x4.asc", format, tmp.subdir("in"));
    if (!grid) return;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "report.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(*grid), out_dir / "grid.csv",
                                           {"--stat", kAllStats, "--threads", threads, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(read_file(out_dir / "grid.csv") == read_file(expected("grid_area.csv")));
    CHECK(list_dir(out_dir) == Names{"grid.csv", "report.json"});  // no .regio-* left

    // grid total = allocated + outside, and the allocated share is conserved.
    CHECK_THAT(r.err, StartsWith(summary("band1", "4080", "1747.5", "2332.5", 0)));
    CHECK_THAT(r.err, Contains("(" + threads + " threads, 16 cells)\n"));
    CHECK_THAT(r.err, !Contains("warning"));

    const std::string json = read_file(report);
    INFO(json);
    CHECK_THAT(json, Contains("\"command\": \"aggregate grid\""));
    CHECK_THAT(json, Contains("\"method\": \"area\""));
    CHECK(json_number(json, "grid", "cells") == 16);
    CHECK(json_number(json, "grid", "cell_area") == 1e6);
    CHECK(json_number(json, "band1", "grid_total") == 4080);
    CHECK(json_number(json, "band1", "allocated") == 1747.5);
    CHECK(json_number(json, "band1", "outside") == 2332.5);
    CHECK(json_number(json, "band1", "inside_regions") == 1747.5);
    CHECK(json_number(json, "band1", "nodata_cells") == 0);
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

TEST_CASE("aggregate grid: --quiet prints nothing on success", "[cli][grid]") {
    TempDir tmp;
    const RunResult r = run_regio(
        grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc")), tmp / "q.csv", {"--stat", kAllStats, "-q"}));
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    CHECK(read_file(tmp / "q.csv") == read_file(expected("grid_area.csv")));
}

// ---------------------------------------------------------------------------
// 2. Centroid method: whole cells by their centre. Centres on region edges
// follow the point rule (east, then north):
//   (1500, 500) and (1500, 1500) lie on the A|B edge -> B (east of it);
//   (2500, 2500) is C's south-west corner, (3500, 2500) on its south edge and
//   (2500, 3500) on its west edge -> C (north / east of them);
//   (3500, 500) lies on D's diagonal -> D (east of it).
// A 30 + 150 = 180; B 60 + 180 + 90 + 210 = 540; C 330 + 360 + 450 + 480 =
// 1620; D 120. Allocated 2460, outside 1620.
TEST_CASE("aggregate grid: centroid method takes whole cells by their centre", "[cli][grid][centroid]") {
    TempDir tmp;
    const fs::path report = tmp / "report.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc")), tmp / "c.csv",
                                           {"--method", "centroid", "--stat", kAllStats, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "c.csv") == read_file(expected("grid_centroid.csv")));
    CHECK(list_dir(tmp.path()) == Names{"c.csv", "report.json"});
    CHECK_THAT(r.err, StartsWith(summary("band1", "4080", "2460", "1620", 0)));
    const std::string json = read_file(report);
    CHECK_THAT(json, Contains("\"method\": \"centroid\""));
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

// ---------------------------------------------------------------------------
// 3. No data: grid_4x4_nodata.asc is grid_4x4.asc with (1,1) (180, split
// between A and B) and (0,3) (390, outside all regions) at NODATA_value.
// Both still count in the covered area, not in sum, mean or count:
// A 300 - 90 = 210 over 2.5 cells (mean 84), B 420 - 90 = 330 (mean 132).
TEST_CASE("aggregate grid: no-data cells count in the area only", "[cli][grid][nodata]") {
    const std::string format = GENERATE(as<std::string>{}, "asc", "tif");
    CAPTURE(format);
    TempDir tmp;
    const auto grid = raster_fixture("grid_4x4_nodata.asc", format, tmp.subdir("in"));
    if (!grid) return;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "r.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(*grid), out_dir / "n.csv",
                                           {"--stat", kAllStats, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(out_dir / "n.csv") == read_file(expected("grid_nodata.csv")));
    CHECK_THAT(r.err, StartsWith(summary("band1", "3510", "1567.5", "1942.5", 2)));
    const std::string json = read_file(report);
    CHECK(json_number(json, "band1", "nodata_cells") == 2);
    CHECK(json_number(json, "band1", "grid_total") == 3510);
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

// ---------------------------------------------------------------------------
// 4. Grid tables: the 16 cells of grid_4x4.asc as cell codes, rows shuffled.
TEST_CASE("aggregate grid: a --grid-table of cell codes gives the raster's numbers", "[cli][grid][table]") {
    // INSPIRE (CRS3035RES1000mN3000000E4000000), GEOSTAT (1kmN3000E4000) and
    // EEA (1kmE4000N3000) codes.
    const auto [file, cell_id] = GENERATE(table<std::string, std::string>({{"grid_4x4_inspire.csv", "GRD_ID"},
                                                                          {"grid_4x4_geostat.csv", "GRD_ID"},
                                                                          {"grid_4x4_eea.csv", "CELLCODE"}}));
    const auto [method, expected_csv, allocated, outside] = GENERATE(table<std::string, std::string, std::string, std::string>(
        {{"area", "grid_area.csv", "1747.5", "2332.5"}, {"centroid", "grid_centroid.csv", "2460", "1620"}}));
    CAPTURE(file, method);
    TempDir tmp;
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), cell_table(data(file), cell_id), tmp / "t.csv",
                                           {"--method", method, "--stat", kAllStats}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "t.csv") == renamed(read_file(expected(expected_csv)), "T"));
    CHECK_THAT(r.err, StartsWith(summary("T", "4080", allocated, outside, 0)));
    CHECK(list_dir(tmp.path()) == Names{"t.csv"});
}

TEST_CASE("aggregate grid: census table with -9999 and an unallocated row", "[cli][grid][table][nodata]") {
    // grid_4x4_census.csv: the cells of grid_4x4_nodata.asc with -9999 for
    // its no-data cells (negative = not available), plus "unallocated,25":
    // people in no cell, reported apart from the grid total.
    TempDir tmp;
    const fs::path report = tmp / "r.json";
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), cell_table(data("grid_4x4_census.csv")),
                                           tmp / "c.csv", {"--stat", kAllStats, "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "c.csv") == renamed(read_file(expected("grid_nodata.csv")), "T"));
    CHECK_THAT(r.err, StartsWith(summary("T", "3510", "1567.5", "1942.5", 2, "25")));
    const std::string json = read_file(report);
    INFO(json);
    CHECK(json_number(json, "T", "unallocated") == 25);
    CHECK(json_number(json, "T", "nodata_cells") == 2);
    CHECK(json_number(json, "T", "grid_total") == 3510);
    CHECK_THAT(json, Contains("\"conserved\": true"));
}

// ---------------------------------------------------------------------------
// 5. A vector grid: the 16 cells as 1000 m squares with a field T.
TEST_CASE("aggregate grid: a --grid-layer of cell polygons gives the raster's numbers", "[cli][grid][layer]") {
    const auto [method, expected_csv, allocated, outside] = GENERATE(table<std::string, std::string, std::string, std::string>(
        {{"area", "grid_area.csv", "1747.5", "2332.5"}, {"centroid", "grid_centroid.csv", "2460", "1620"}}));
    CAPTURE(method);
    TempDir tmp;
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), layer(data("grid_4x4_cells.geojson")),
                                           tmp / "l.csv", {"--method", method, "--stat", kAllStats}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "l.csv") == renamed(read_file(expected(expected_csv)), "T"));
    CHECK_THAT(r.err, StartsWith(summary("T", "4080", allocated, outside, 0)));
}

// ---------------------------------------------------------------------------
// 6. Several bands: grid_4x4_bands.vrt has grid_4x4.asc as band 1 and
// grid_4x4_weights.asc (total 25) as band 2. Columns follow the bands named.
TEST_CASE("aggregate grid: --grid FILE:BANDS sums each band named", "[cli][grid][bands]") {
    const auto [bands, expected_csv] = GENERATE(table<std::string, std::string>(
        {{"1,2", "grid_bands.csv"}, {"2,1", "grid_bands_reversed.csv"}}));
    CAPTURE(bands);
    TempDir tmp;
    const RunResult r = run_regio(
        grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4_bands.vrt") + ":" + bands), tmp / "b.csv"));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "b.csv") == read_file(expected(expected_csv)));
    CHECK_THAT(r.err, Contains(summary("band1", "4080", "1747.5", "2332.5", 0)));
    CHECK_THAT(r.err, Contains(summary("band2", "25", "13", "12", 0)));
}

// ---------------------------------------------------------------------------
// 7. weighted_mean: Σ value × weight × share / Σ weight × share, with
// grid_4x4_weights.asc on the same grid:
//     j=3   0 1 2 1
//     j=2   1 1 4 2
//     j=1   2 1 1 3
//     j=0   1 1 2 2
// area:     A (30 + 300 + (60 + 180)/2) / (1 + 2 + 1) = 112.5
//           B ((60 + 180)/2 + 180 + 210) / (1 + 2 + 1) = 127.5
//           C (330/4·4 + 360/2·2 + 450/2·2 + 480) / 4 = 405;  D 120
// centroid: A (30 + 300) / 3 = 110;  B (60 + 180 + 180 + 210) / 5 = 126
//           C (1320 + 720 + 900 + 480) / 9 = 380;  D 120
TEST_CASE("aggregate grid: --stat weighted_mean with --weights", "[cli][grid][weights]") {
    const auto [method, expected_csv] = GENERATE(table<std::string, std::string>(
        {{"area", "grid_weighted_mean.csv"}, {"centroid", "grid_weighted_mean_centroid.csv"}}));
    CAPTURE(method);
    TempDir tmp;
    const RunResult r = run_regio(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc")), tmp / "w.csv",
                                           {"--method", method, "--stat", "sum,weighted_mean", "--weights",
                                            data("grid_4x4_weights.asc")}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "w.csv") == read_file(expected(expected_csv)));
    CHECK(list_dir(tmp.path()) == Names{"w.csv"});
}

// ---------------------------------------------------------------------------
// 8. Bad inputs: the documented exit code, a message naming the problem, and
// an output directory left empty.
TEST_CASE("bad grid input: a band that does not exist", "[cli][grid][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc") + ":3"), out_dir / "r.csv"), 2,
                   "grid_4x4.asc: band 3 does not exist (the raster has 1 band)", out_dir);
    expect_failure(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4_bands.vrt") + ":1,3"), out_dir / "r.csv"),
                   2, "grid_4x4_bands.vrt: band 3 does not exist (the raster has 2 bands)", out_dir);
    expect_failure(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc") + ":0"), out_dir / "r.csv"), 2,
                   "band 0 does not exist", out_dir);
}

// A raster whose every cell is no data is accepted: all sums and counts are
// 0, means are empty, areas are still the covered areas, and the summary
// counts 16 no-data cells, after a warning that the grid holds no data.
TEST_CASE("aggregate grid: a raster with only no-data cells", "[cli][grid][nodata]") {
    TempDir tmp;
    const RunResult r = run_regio(
        grid_cmd(data("regions_grid.geojson"), raster(data("grid_nodata_only.asc")), tmp / "z.csv", {"--stat", kAllStats}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "z.csv") == read_file(expected("grid_nodata_only.csv")));
    CHECK_THAT(r.err, StartsWith("regio: warning: band1: every cell of the grid is no data\n" +
                                 summary("band1", "0", "0", "0", 16)));
}

TEST_CASE("bad grid input: a malformed cell code names its line", "[cli][grid][bad][table]") {
    // Line 5, after a blank line 4.
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(grid_cmd(data("regions_grid.geojson"), cell_table(data("grid_table_malformed.csv")), out_dir / "r.csv"), 1,
                   "grid_table_malformed.csv: line 5: field 'GRD_ID': malformed cell code: "
                   "'CRS3035RES1000mN3001000X4000000' expected 'E' after the northing",
                   out_dir);
}

TEST_CASE("bad grid input: mixed cell resolutions in one table", "[cli][grid][bad][table]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(grid_cmd(data("regions_grid.geojson"), cell_table(data("grid_table_mixed.csv")), out_dir / "r.csv"), 1,
                   "grid_table_mixed.csv: line 4: cell resolution 100m differs from 1km of the earlier cells "
                   "(mixed resolutions)",
                   out_dir);
}

TEST_CASE("bad grid input: a raster without a CRS", "[cli][grid][bad][crs]") {
    // grid_nocrs.asc is grid_4x4.asc without a .prj beside it.
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(
        grid_cmd(data("regions_grid.geojson"), raster(data("grid_nocrs.asc")), out_dir / "r.csv"), 1,
        "grid_nocrs.asc: the raster has no CRS", out_dir);
    CHECK_THAT(r.err, Contains("\nhint: assign one, e.g. gdal_edit.py -a_srs EPSG:3035"));
}

TEST_CASE("bad grid input: weights on another grid", "[cli][grid][bad][weights]") {
    // The weights shifted one cell east: same size, different origin.
    TempDir tmp;
    std::string shifted = read_file(data("grid_4x4_weights.asc"));
    const auto at = shifted.find("xllcorner 4000000");
    REQUIRE(at != std::string::npos);
    shifted.replace(at, 17, "xllcorner 4001000");
    write_file(tmp / "shifted.asc", shifted);
    write_file(tmp / "shifted.prj", read_file(data("grid_4x4_weights.prj")));
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(grid_cmd(data("regions_grid.geojson"), raster(data("grid_4x4.asc")), out_dir / "r.csv",
                                                {"--stat", "weighted_mean", "--weights", (tmp / "shifted.asc").string()}),
                                       1, "shifted.asc: the weights grid is not on the same grid as the values", out_dir);
    CHECK_THAT(r.err, Contains("\nhint: resample it"));
}

TEST_CASE("bad grid input: usage errors", "[cli][grid][bad][usage]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const std::string regions = data("regions_grid.geojson");
    const std::string asc = data("grid_4x4.asc");
    const fs::path out = out_dir / "r.csv";
    SECTION("unknown --stat") {
        expect_failure(grid_cmd(regions, raster(asc), out, {"--stat", "sum,median"}), 2,
                       "unknown statistic 'median' (known: sum, mean, weighted_mean, count, area)", out_dir);
    }
    SECTION("unknown --method") {
        expect_failure(grid_cmd(regions, raster(asc), out, {"--method", "nearest"}), 2, "unknown --method 'nearest'",
                       out_dir);
    }
    SECTION("two grid inputs at once") {
        expect_failure(grid_cmd(regions, {"--grid", asc, "--grid-table", data("grid_4x4_inspire.csv"), "--cell-id",
                                          "GRD_ID", "--value", "T"},
                                out),
                       2, "give exactly one of --grid, --grid-table and --grid-layer", out_dir);
        expect_failure(grid_cmd(regions, {"--grid-table", data("grid_4x4_inspire.csv"), "--cell-id", "GRD_ID",
                                          "--grid-layer", data("grid_4x4_cells.geojson"), "--value", "T"},
                                out),
                       2, "give exactly one of --grid, --grid-table and --grid-layer", out_dir);
    }
    SECTION("no grid input") {
        expect_failure(grid_cmd(regions, {}, out), 2, "give exactly one of --grid, --grid-table and --grid-layer",
                       out_dir);
    }
    SECTION("--grid-table without --cell-id") {
        expect_failure(grid_cmd(regions, {"--grid-table", data("grid_4x4_inspire.csv"), "--value", "T"}, out), 2,
                       "--grid-table needs --cell-id", out_dir);
    }
    SECTION("--grid-table without --value") {
        expect_failure(grid_cmd(regions, {"--grid-table", data("grid_4x4_inspire.csv"), "--cell-id", "GRD_ID"}, out), 2,
                       "name the value column(s) with --value", out_dir);
    }
    SECTION("--value with a raster") {
        expect_failure(grid_cmd(regions, {"--grid", asc, "--value", "T"}, out), 2,
                       "--value names table columns or layer fields", out_dir);
    }
    SECTION("weighted_mean without --weights") {
        expect_failure(grid_cmd(regions, raster(asc), out, {"--stat", "sum,weighted_mean"}), 2,
                       "--stat weighted_mean needs --weights", out_dir);
    }
}

// ---------------------------------------------------------------------------
// 9. Regions in another CRS: regions_grid.geojson reprojected to lon/lat at
// test time. The regions move into the grid's CRS (vertex by vertex), so the
// numbers match (1) up to PROJ's round-trip error (about 0.3 mm here, giving
// relative differences below 7e-7).
TEST_CASE("aggregate grid: regions in EPSG:4326 are transformed into the grid's CRS", "[cli][grid][crs]") {
    const std::string input = GENERATE(as<std::string>{}, "raster", "table");
    CAPTURE(input);
    TempDir tmp;
    const fs::path lonlat = tmp / "regions_lonlat.geojson";
    if (!run_tool("ogr2ogr", {"-f", "GeoJSON", "-t_srs", "EPSG:4326", lonlat.string(), data("regions_grid.geojson")}))
        return;
    REQUIRE_THAT(read_file(lonlat), Contains("CRS84"));  // really lon/lat now
    const fs::path out_dir = tmp.subdir("out");
    const Args grid = input == "raster" ? raster(data("grid_4x4.asc")) : cell_table(data("grid_4x4_inspire.csv"));
    const RunResult r = run_regio(grid_cmd(lonlat.string(), grid, out_dir / "ll.csv", {"--stat", kAllStats}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(list_dir(out_dir) == Names{"ll.csv"});

    std::string want_text = read_file(expected("grid_area.csv"));
    if (input == "table") want_text = renamed(want_text, "T");
    const auto got = csv_rows(read_file(out_dir / "ll.csv"));
    const auto want = csv_rows(want_text);
    REQUIRE(got.size() == want.size());
    CHECK(got[0] == want[0]);  // header
    for (std::size_t row = 1; row < want.size(); ++row) {
        REQUIRE(got[row].size() == want[row].size());
        CHECK(got[row][0] == want[row][0]);  // region id, same order
        for (std::size_t col = 1; col < want[row].size(); ++col) {
            INFO("region " << want[row][0] << ", " << want[0][col] << ": got '" << got[row][col] << "', want '"
                           << want[row][col] << "'");
            if (want[row][col].empty()) {
                CHECK(got[row][col].empty());
                continue;
            }
            REQUIRE_FALSE(got[row][col].empty());
            CHECK(std::stod(got[row][col]) == Approx(std::stod(want[row][col])).epsilon(1e-6));
        }
    }
    // The grid total is the grid's own; allocated and outside move by the same tiny amount.
    CHECK_THAT(r.err, StartsWith((input == "raster" ? "band1" : "T") + std::string(": grid total 4080 = ")));
}
