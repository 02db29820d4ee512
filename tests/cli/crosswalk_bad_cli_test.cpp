// Bad input to `regio crosswalk build | apply`: one-line errors, exit codes,
// nothing left behind.
// The fixtures and what they hold: crosswalk_cli_fixtures.hpp.
#include "crosswalk_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crosswalk_bad_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::crosswalk_cli;

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
    SECTION("an output in no table format") {
        // .gpkg, .fgb, .geojson, .parquet and databases are table formats now (issue #16).
        expect_failure(build_2020_2024(out_dir / "cw.txt"), 2, "unknown format 'txt'", out_dir);
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
    // .gpkg, .geojson and .parquet hold the table since issue #16
    // (tests/sources/crosswalk_apply_formats_test.sh); FlatGeobuf cannot.
    SECTION("an output format that cannot hold a table without geometry") {
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out_dir / "apply.fgb", {"--extensive", "count"}), 2,
                       "FlatGeobuf holds features with geometry, and this table has none", out_dir);
    }
    SECTION("an output of no table format") {
        expect_failure(apply_cmd(cw, data("xw_data.csv"), out_dir / "apply.xlsx", {"--extensive", "count"}), 2,
                       "unknown format 'xlsx'", out_dir);
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

}  // namespace crosswalk_bad_cli_test
