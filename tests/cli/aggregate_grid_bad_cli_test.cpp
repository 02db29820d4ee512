// Bad input to `regio aggregate grid` (the documented exit code, a message naming
// the problem, an output directory left empty), and a grid holding no data.
// The fixtures and helpers: aggregate_grid_cli_fixtures.hpp.
#include "aggregate_grid_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_grid_bad_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::grid_cli;

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

}  // namespace aggregate_grid_bad_cli_test
