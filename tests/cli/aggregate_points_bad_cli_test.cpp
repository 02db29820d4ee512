// Bad input to `regio aggregate points`, and output rules: the documented exit
// code, a message naming the problem, nothing left behind.
// The fixtures and helpers: aggregate_points_cli_fixtures.hpp.
#include "aggregate_points_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_points_bad_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::points_cli;

// ---------------------------------------------------------------------------
// 5. Bad inputs. Each fails with the documented exit code and a message that
// names the problem, and leaves the output directory empty.
TEST_CASE("bad input: the regions file does not exist", "[cli][points][bad]") {
    TempDir tmp;
    const std::string missing = (tmp / "nope.geojson").string();
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(missing, data("points_edges.csv"), out_dir / "r.csv"), 1, missing + ": no such file",
                   out_dir);
}

TEST_CASE("bad input: the points file does not exist", "[cli][points][bad]") {
    TempDir tmp;
    const std::string missing = (tmp / "nope.csv").string();
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_abc.geojson"), missing, out_dir / "r.csv"), 1, missing + ": no such file",
                   out_dir);
}

TEST_CASE("bad input: an unknown regions layer", "[cli][points][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_abc.geojson") + ":nolayer", data("points_edges.csv"), out_dir / "r.csv"), 1,
                   "regions_abc.geojson: no layer 'nolayer' (layers: regions_abc)", out_dir);
}

TEST_CASE("bad input: a GeoPackage with two layers needs FILE:LAYER", "[cli][points][bad][gpkg]") {
    TempDir tmp;
    const fs::path gpkg = tmp / "two.gpkg";
    if (!ogr2ogr({"-f", "GPKG", gpkg.string(), data("regions_abc.geojson"), "-nln", "first"})) return;
    if (!ogr2ogr({"-update", "-f", "GPKG", gpkg.string(), data("regions_overlap.geojson"), "-nln", "second"})) return;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(gpkg.string(), data("points_edges.csv"), out_dir / "r.csv"), 1,
                   "two.gpkg: has 2 layers; name one as FILE:LAYER (layers: first, second)", out_dir);
    expect_failure(csv_cmd(gpkg.string() + ":third", data("points_edges.csv"), out_dir / "r.csv"), 1,
                   "two.gpkg: no layer 'third' (layers: first, second)", out_dir);

    // Naming the layer works, with the same result as the GeoJSON.
    const RunResult r = run_regio(csv_cmd(gpkg.string() + ":first", data("points_edges.csv"), out_dir / "r.csv"));
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(read_file(out_dir / "r.csv") == read_file(expected("edges_count.csv")));
}

TEST_CASE("bad input: an empty regions layer", "[cli][points][bad][gpkg]") {
    TempDir tmp;
    const fs::path gpkg = tmp / "empty.gpkg";
    if (!ogr2ogr({"-f", "GPKG", gpkg.string(), data("regions_abc.geojson"), "-nln", "regions", "-where",
                  "region_id = 'none'"}))
        return;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(gpkg.string(), data("points_edges.csv"), out_dir / "r.csv"), 1,
                   "empty.gpkg:regions: the regions layer is empty", out_dir);
}

TEST_CASE("bad input: an empty GeoJSON FeatureCollection as regions", "[cli][points][bad]") {
    // GeoJSON has no schema without features, so the id field is missing
    // before the layer is found empty; either way it is a data error.
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_empty.geojson"), data("points_edges.csv"), out_dir / "r.csv"), 1,
                   "regions_empty.geojson:regions_empty: ", out_dir);
}

// Known issue (reported): the message is "field 'region_id': no such field
// (fields: )", which does not say that the layer has no features.
TEST_CASE("bad input: an empty GeoJSON FeatureCollection is reported as empty", "[cli][points][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_empty.geojson"), data("points_edges.csv"), out_dir / "r.csv"), 1, "layer is empty",
                   out_dir);
}

TEST_CASE("bad input: the --id field does not exist", "[cli][points][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    Args args = csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv");
    args[5] = "nope";  // --id
    expect_failure(args, 1, "regions_abc.geojson:regions_abc: field 'nope': no such field (fields: region_id, name)",
                   out_dir);
}

TEST_CASE("bad input: a CSV column does not exist", "[cli][points][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const std::string columns = "(columns: id, x, y, group, persons)";
    SECTION("--weight") {
        expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv",
                               {"--weight", "persons,nope"}),
                       1, "points_edges.csv: field 'nope': no column 'nope' for weight " + columns, out_dir);
    }
    SECTION("--by") {
        expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv",
                               {"--by", "citizenship"}),
                       1, "no column 'citizenship' for by " + columns, out_dir);
    }
    SECTION("--x") {
        expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv",
                               {"--x", "east", "--y", "y"}),
                       1, "no column 'east' for x " + columns, out_dir);
    }
    SECTION("no recognisable coordinate columns") {
        // Columns that are neither x/y, lon/lat, longitude/latitude nor easting/northing.
        const fs::path points = tmp / "pts.csv";
        write_file(points, "id,e,n\np,4000250,3000250\n");
        expect_failure(csv_cmd(data("regions_abc.geojson"), points.string(), out_dir / "r.csv"), 2,
                       "cannot tell the coordinate columns", out_dir);
    }
}

TEST_CASE("bad input: CSV points without --points-crs", "[cli][points][bad][crs]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(points_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv"),
                                       2, "CSV points have no CRS: name it with --points-crs", out_dir);
    CHECK_THAT(r.err, Contains("\nhint: e.g. --points-crs EPSG:3035"));
}

TEST_CASE("bad input: regions without a CRS", "[cli][points][bad][crs]") {
    // GDAL's CSV driver reads the WKT column as a geometry without a CRS.
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(csv_cmd(data("regions_nocrs.csv"), data("points_edges.csv"), out_dir / "r.csv"),
                                       1, "regions_nocrs.csv:regions_nocrs: the regions layer has no CRS", out_dir);
    CHECK_THAT(r.err, Contains("\nhint: assign one, e.g. ogr2ogr -a_srs"));
}

TEST_CASE("bad input: --points-crs disagrees with the layer's CRS", "[cli][points][bad][crs]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(points_cmd(data("regions_abc.geojson"), data("points_lonlat.geojson"),
                                                  out_dir / "r.csv", {"--points-crs", "EPSG:3035"}),
                                       1, "points_lonlat.geojson:points_lonlat: the points layer is in EPSG:4326 but "
                                          "--points-crs says EPSG:3035",
                                       out_dir);
    CHECK_THAT(r.err, Contains("\nhint: drop --points-crs"));
}

TEST_CASE("bad input: --x/--y with a point layer", "[cli][points][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(points_cmd(data("regions_abc.geojson"), data("points_lonlat.geojson"), out_dir / "r.csv",
                              {"--x", "lon", "--y", "lat"}),
                   2, "--x/--y name CSV columns", out_dir);
}

TEST_CASE("bad input: duplicate region ids", "[cli][points][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_dup_ids.geojson"), data("points_edges.csv"), out_dir / "r.csv"), 1,
                   "field 'region_id': duplicate region ids: 'A' is held by feature 0, 1 km², centroid (4000500.0, 3000500.0) and feature 2", out_dir);
}

TEST_CASE("bad input: overlapping regions, and --allow-overlaps", "[cli][points][bad][overlap]") {
    // P and Q overlap by half of each (500000 m2).
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    SECTION("an error by default") {
        const RunResult r =
            expect_failure(csv_cmd(data("regions_overlap.geojson"), data("points_overlap.csv"), out_dir / "r.csv"), 1,
                           "regions_overlap.geojson:regions_overlap: regions 'P' and 'Q' overlap by 500000", out_dir);
        CHECK_THAT(r.err, Contains("\nhint: "));
        CHECK_THAT(r.err, Contains("--allow-overlaps"));
    }
    SECTION("accepted with --allow-overlaps: a point in both goes to the first region") {
        const fs::path report = out_dir / "r.json";
        const RunResult r = run_regio(csv_cmd(data("regions_overlap.geojson"), data("points_overlap.csv"),
                                              out_dir / "r.csv", {"--allow-overlaps", "--report", report.string()}));
        INFO("stderr: " << r.err);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, StartsWith("regio: warning: regions 'P' and 'Q' overlap"));
        CHECK_THAT(r.err, Contains("500000"));
        CHECK(read_file(out_dir / "r.csv") == read_file(expected("overlap_allowed.csv")));
        CHECK_THAT(read_file(report), Contains("regions 'P' and 'Q' overlap"));
        CHECK(list_dir(out_dir) == Names{"r.csv", "r.json"});
    }
}

TEST_CASE("overlaps within --overlap-tolerance are a warning", "[cli][points][overlap]") {
    // Q overlaps P by a 5 cm wide sliver: 50 m2, 5e-5 of P, below the default
    // tolerance of 1e-4. A point in the sliver goes to P, the first region.
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    SECTION("default tolerance") {
        const RunResult r =
            run_regio(csv_cmd(data("regions_sliver.geojson"), data("points_sliver.csv"), out_dir / "r.csv"));
        INFO("stderr: " << r.err);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.err, StartsWith("regio: warning: regions 'P' and 'Q' overlap by 50 square units"));
        CHECK_THAT(r.err, Contains("within --overlap-tolerance"));
        CHECK(read_file(out_dir / "r.csv") == read_file(expected("sliver_tolerated.csv")));
    }
    SECTION("--overlap-tolerance 0 makes it an error") {
        expect_failure(csv_cmd(data("regions_sliver.geojson"), data("points_sliver.csv"), out_dir / "r.csv",
                               {"--overlap-tolerance", "0"}),
                       1, "regions 'P' and 'Q' overlap by 50", out_dir);
    }
    SECTION("--overlap-tolerance above 1 is a usage error") {
        expect_failure(csv_cmd(data("regions_sliver.geojson"), data("points_sliver.csv"), out_dir / "r.csv",
                               {"--overlap-tolerance", "2"}),
                       2, "--overlap-tolerance", out_dir);
    }
}

TEST_CASE("bad input: an empty (0-byte) points file", "[cli][points][bad]") {
    TempDir tmp;
    const fs::path points = tmp / "empty.csv";
    write_file(points, "");
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_abc.geojson"), points.string(), out_dir / "r.csv"), 1,
                   "empty.csv: empty file: expected a header row", out_dir);
}

TEST_CASE("a header-only points file gives all regions zero", "[cli][points]") {
    TempDir tmp;
    const fs::path report = tmp / "r.json";
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_header_only.csv"), tmp / "h.csv",
                                          {"--weight", "persons", "--by", "group", "--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(read_file(tmp / "h.csv") == read_file(expected("header_only.csv")));
    CHECK_THAT(r.err, Contains("points: 0 read = 0 assigned + 0 outside all regions + 0 invalid"));
    const std::string json = read_file(report);
    check_counts(json, 0, 0, 0, 0);
    check_weight(json, "persons", 0, 0, 0, 0);
}

TEST_CASE("output: an existing output needs --overwrite", "[cli][points][output]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path out = out_dir / "r.csv";
    write_file(out, "precious\n");
    const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out));
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: output " + out.string() + " exists"));
    CHECK_THAT(r.err, Contains("\nhint: add --overwrite"));
    CHECK(read_file(out) == "precious\n");
    CHECK(list_dir(out_dir) == Names{"r.csv"});

    const RunResult again = run_regio(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out, {"--overwrite"}));
    INFO("stderr: " << again.err);
    CHECK(again.exit_code == 0);
    CHECK(read_file(out) == read_file(expected("edges_count.csv")));
    CHECK(list_dir(out_dir) == Names{"r.csv"});
}

TEST_CASE("output: an existing report needs --overwrite, and nothing is written", "[cli][points][output]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path report = out_dir / "r.json";
    write_file(report, "{}\n");
    const RunResult r = run_regio(
        csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv", {"--report", report.string()}));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: output " + report.string() + " exists"));
    CHECK(read_file(report) == "{}\n");
    CHECK(list_dir(out_dir) == Names{"r.json"});
}

TEST_CASE("output: the output may not be an input", "[cli][points][output]") {
    TempDir tmp;
    const fs::path points = copy_fixture("points_edges.csv", tmp.path());
    const std::string before = read_file(points);
    SECTION("same path") {
        const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), points.string(), points));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, StartsWith("regio: error: output " + points.string() + " is also an input"));
    }
    SECTION("same file by another name") {
        const RunResult r =
            run_regio(csv_cmd(data("regions_abc.geojson"), "points_edges.csv", "./points_edges.csv"), tmp.path());
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("is also an input"));
    }
    SECTION("even with --overwrite") {
        const RunResult r = run_regio(csv_cmd(data("regions_abc.geojson"), points.string(), points, {"--overwrite"}));
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Contains("is also an input"));
    }
    CHECK(read_file(points) == before);
    CHECK(list_dir(tmp.path()) == Names{"points_edges.csv"});
}

TEST_CASE("output: --report and --output may not be the same file", "[cli][points][output]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv",
                           {"--report", (out_dir / "r.csv").string()}),
                   2, "--output and --report name the same file", out_dir);
}

// Missing output directories are created (issue #18 item 8; tests in
// stdio_cli_test.cpp); a file where a directory should be is an error, also
// for the report, before anything is written.
TEST_CASE("output: the output directory cannot be made", "[cli][points][output]") {
    TempDir tmp;
    const fs::path file = tmp / "file";
    write_file(file, "x");
    expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), file / "sub" / "r.csv"), 1,
                   (file / "sub").string() + ": cannot create the output directory: Not a directory", tmp.path(), {"file"});
    const fs::path out_dir = tmp.subdir("out");
    expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.csv",
                           {"--report", (file / "r.json").string()}),
                   1, file.string() + ": output directory is not a directory", out_dir);
}

TEST_CASE("output: an unknown output format", "[cli][points][output]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const RunResult r = expect_failure(csv_cmd(data("regions_abc.geojson"), data("points_edges.csv"), out_dir / "r.txt"),
                                       2, "unknown format 'txt'", out_dir);
    CHECK_THAT(r.err, Contains("\nhint: use a .csv, .gpkg, .fgb, .geojson or .parquet name, or --of FORMAT\n"));
}

TEST_CASE("an invalid (bow-tie) region is repaired with a warning", "[cli][points][repair]") {
    // X is a bow-tie crossing itself at (4000500, 3000500); repaired, it is
    // two triangles: points in its wings count, points in the gaps do not.
    TempDir tmp;
    const fs::path report = tmp / "r.json";
    const RunResult r = run_regio(csv_cmd(data("regions_bowtie.geojson"), data("points_bowtie.csv"), tmp / "b.csv",
                                          {"--report", report.string()}));
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.err, StartsWith("regio: warning: "));
    CHECK_THAT(r.err, Contains("regions_bowtie.geojson:regions_bowtie: feature 0: region 'X' was invalid "
                               "(Self-intersection[4000500 3000500]); repaired"));
    CHECK_THAT(r.err, !Contains("region 'Y'"));
    CHECK(read_file(tmp / "b.csv") == read_file(expected("bowtie.csv")));
    const std::string json = read_file(report);
    check_counts(json, 5, 3, 2, 0);
    CHECK_THAT(json, Contains("region 'X' was invalid"));
    CHECK(list_dir(tmp.path()) == Names{"b.csv", "r.json"});
}

}  // namespace aggregate_points_bad_cli_test
