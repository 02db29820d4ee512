// Coordinates that do not fit their CRS (issue #12, "nothing guessed"): a
// regions file in metres that says longitude/latitude, points or grids
// declared in the wrong CRS. Each run fails with exit 1 and one line naming
// the file, a sample feature (or line, or grid corner) with its coordinates
// and the CRS, and leaves no output, no temporary file and its inputs as they
// were. Coordinates that fit the declared CRS but land in no region are the
// other face of the same mistake: an error with a hint about the CRS.
#include "cli_checks.hpp"
#include "run_regio.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace crs_plausibility_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;

// The fixture `name` copied into `dir` with its CRS declaration replaced by `crs_urn`.
fs::path relabelled(const std::string& name, const fs::path& dir, const std::string& new_name, const std::string& crs_urn) {
    std::string text = read_file(data(name));
    const std::string from = "urn:ogc:def:crs:EPSG::3035";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), crs_urn);
    const fs::path path = dir / new_name;
    write_file(path, text);
    return path;
}

// The error is one line (plus an optional hint line) and names `where`.
void check_one_line(const RunResult& r, const std::string& where) {
    const auto first_end = r.err.find('\n');
    REQUIRE(first_end != std::string::npos);
    CHECK_THAT(r.err.substr(0, first_end), StartsWith("regio: error: ") && Contains(where));
    const std::string rest = r.err.substr(first_end + 1);
    CHECK((rest.empty() || (rest.rfind("hint: ", 0) == 0 && rest.find('\n') == rest.size() - 1)));
}

// Every input file in `dir` still holds what it held before the run.
struct InputsSnapshot {
    fs::path dir;
    std::vector<std::string> names;
    std::vector<std::string> contents;
    explicit InputsSnapshot(fs::path d) : dir(std::move(d)), names(list_dir(dir)) {
        for (const auto& n : names) contents.push_back(read_file(dir / n));
    }
    void check_unchanged() const {
        CHECK(list_dir(dir) == names);  // nothing written beside them (.aux.xml, temporaries)
        for (std::size_t i = 0; i < names.size(); ++i) CHECK(read_file(dir / names[i]) == contents[i]);
    }
};

Args points_args(const std::string& regions, const std::string& points, const fs::path& out, const std::string& crs) {
    Args a{"aggregate", "points", "--regions", regions, "--id", "region_id", "--points", points, "-o", out.string()};
    if (!crs.empty()) a.insert(a.end(), {"--points-crs", crs});
    return a;
}

constexpr const char* kGeographic = "EPSG:4326 (plausible: x -180..180, y -90..90)";

}  // namespace

TEST_CASE("implausible CRS: regions in metres that say longitude/latitude", "[cli][crs][bad]") {
    TempDir tmp;
    const fs::path in = tmp.subdir("in"), out_dir = tmp.subdir("out");
    const fs::path regions = relabelled("regions_abc.geojson", in, "regions_4326.geojson", "urn:ogc:def:crs:EPSG::4326");
    const fs::path map_regions = relabelled("map_regions.geojson", in, "map_4326.geojson", "urn:ogc:def:crs:EPSG::4326");
    const fs::path from = relabelled("xw_2020.geojson", in, "xw_2020_4326.geojson", "urn:ogc:def:crs:EPSG::4326");
    const InputsSnapshot before(in);
    SECTION("aggregate points") {
        const RunResult r = expect_failure(points_args(regions.string(), data("points_edges.csv"), out_dir / "r.csv", "EPSG:3035"), 1,
                                           "regions_4326.geojson:regions_abc: feature 0: region 'A' has the point (4000000, 3000000) "
                                           "outside the CRS " + std::string(kGeographic),
                                           out_dir);
        check_one_line(r, "regions_4326.geojson");
        CHECK_THAT(r.err, Contains("\nhint: the coordinates do not fit the CRS"));
    }
    SECTION("map (every reader of regions checks)") {
        const RunResult r = expect_failure({"map", "--layer", map_regions.string(), "--id", "code", "--field", "rate", "-o",
                                            (out_dir / "m.svg").string()},
                                           1, "region 'A' has the point (4000000, 3000000) outside the CRS EPSG:4326", out_dir);
        check_one_line(r, "map_4326.geojson:map_regions: feature 0");
    }
    SECTION("crosswalk build") {
        const RunResult r = expect_failure({"crosswalk", "build", "--from", from.string(), "--from-id", "code", "--to",
                                            data("xw_2024.geojson"), "--to-id", "unit", "-o", (out_dir / "cw.csv").string()},
                                           1, "xw_2020_4326.geojson:xw_2020: feature 0: region 'A' has the point", out_dir);
        check_one_line(r, "outside the CRS EPSG:4326");
    }
    before.check_unchanged();
}

TEST_CASE("implausible CRS: points declared in the wrong CRS", "[cli][crs][bad][points]") {
    TempDir tmp;
    const fs::path in = tmp.subdir("in"), out_dir = tmp.subdir("out");
    const fs::path points = copy_fixture("points_edges.csv", in);
    SECTION("CSV metres with --points-crs EPSG:4326: the first point outside, by line") {
        const InputsSnapshot before(in);
        const RunResult r = expect_failure(points_args(data("regions_abc.geojson"), points.string(), out_dir / "r.csv", "EPSG:4326"), 1,
                                           "points_edges.csv: line 2: the point (4000250, 3000250) is outside the CRS " +
                                               std::string(kGeographic) + " (as are 17 points in all)",
                                           out_dir);
        check_one_line(r, "line 2");
        before.check_unchanged();
    }
    SECTION("an OGR point layer in metres that says EPSG:4326: by feature") {
        const fs::path layer = in / "points_4326.geojson";
        write_file(layer, R"({"type": "FeatureCollection", "name": "pts",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::4326" } },
"features": [
{ "type": "Feature", "properties": { "n": 1 }, "geometry": { "type": "Point", "coordinates": [4000250, 3000250] } } ] }
)");
        const InputsSnapshot before(in);
        const RunResult r = expect_failure(points_args(data("regions_abc.geojson"), layer.string(), out_dir / "r.csv", ""), 1,
                                           "points_4326.geojson:pts: feature 0: the point (4000250, 3000250) is outside the CRS EPSG:4326",
                                           out_dir);
        check_one_line(r, "feature 0");
        before.check_unchanged();
    }
    SECTION("longitude/latitude declared as EPSG:3035: nothing lands, an error with a CRS hint") {
        const fs::path lonlat = copy_fixture("points_lonlat.csv", in);
        const InputsSnapshot before(in);
        const RunResult r = expect_failure({"aggregate", "points", "--regions", data("regions_abc.geojson"), "--id", "region_id", "--points",
                                            lonlat.string(), "--x", "lon", "--y", "lat", "--points-crs", "EPSG:3035", "-o",
                                            (out_dir / "r.csv").string()},
                                           1, "points_lonlat.csv: none of the points (5) lands in any region", out_dir);
        check_one_line(r, "points_lonlat.csv");
        CHECK_THAT(r.err, Contains("\nhint: check the CRS (input and regions both in EPSG:3035)"));
        before.check_unchanged();
    }
    SECTION("crosswalk build --weights-crs EPSG:4326 for points in metres") {
        const fs::path weights = copy_fixture("xw_points.csv", in);
        const InputsSnapshot before(in);
        const RunResult r = expect_failure({"crosswalk", "build", "--from", data("xw_2020.geojson"), "--from-id", "code", "--to",
                                            data("xw_2024.geojson"), "--to-id", "unit", "--weights", weights.string(), "--weights-crs",
                                            "EPSG:4326", "-o", (out_dir / "cw.csv").string()},
                                           1, "xw_points.csv: line 2: the point (4000500, 3000500) is outside the CRS EPSG:4326", out_dir);
        check_one_line(r, "line 2");
        before.check_unchanged();
    }
    SECTION("crosswalk build --weights-crs in another projected CRS: no weight point lands") {
        const fs::path weights = copy_fixture("xw_points.csv", in);
        const InputsSnapshot before(in);
        const RunResult r = expect_failure({"crosswalk", "build", "--from", data("xw_2020.geojson"), "--from-id", "code", "--to",
                                            data("xw_2024.geojson"), "--to-id", "unit", "--weights", weights.string(), "--weights-crs",
                                            "EPSG:3857", "-o", (out_dir / "cw.csv").string()},
                                           1, "none of the weight points", out_dir);
        check_one_line(r, "xw_points.csv");
        CHECK_THAT(r.err, Contains("(input in EPSG:3857, regions in EPSG:3035)"));
        before.check_unchanged();
    }
}

TEST_CASE("implausible CRS: grids", "[cli][crs][bad][grid]") {
    TempDir tmp;
    const fs::path in = tmp.subdir("in"), out_dir = tmp.subdir("out");
    SECTION("a raster in metres that says longitude/latitude: a corner of its extent") {
        const fs::path grid = copy_fixture("grid_4x4.asc", in);
        write_file(in / "grid_4x4.prj", "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                                        "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]");
        const InputsSnapshot before(in);
        const RunResult r = expect_failure({"aggregate", "grid", "--regions", data("regions_grid.geojson"), "--id", "region_id", "--grid",
                                            grid.string(), "-o", (out_dir / "g.csv").string()},
                                           1, "grid_4x4.asc: the grid's corner (4000000, 3004000) is outside the CRS", out_dir);
        check_one_line(r, "grid_4x4.asc");
        before.check_unchanged();
    }
    SECTION("regions in longitude/latitude that say EPSG:3035: no grid value lands") {
        const fs::path regions = in / "regions_lonlat_3035.geojson";
        write_file(regions, R"({"type": "FeatureCollection", "name": "r",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3035" } },
"features": [
{ "type": "Feature", "properties": { "region_id": "A" }, "geometry": { "type": "Polygon",
  "coordinates": [ [ [5.5, 50.0], [5.6, 50.0], [5.6, 50.1], [5.5, 50.1], [5.5, 50.0] ] ] } } ] }
)");
        const InputsSnapshot before(in);
        const RunResult r = expect_failure({"aggregate", "grid", "--regions", regions.string(), "--id", "region_id", "--grid",
                                            data("grid_4x4.asc"), "-o", (out_dir / "g.csv").string()},
                                           1, "grid_4x4.asc: none of the grid's value (", out_dir);
        check_one_line(r, "lands in any region");
        CHECK_THAT(r.err, Contains("\nhint: check the CRS"));
        before.check_unchanged();
    }
}

TEST_CASE("implausible CRS: degurba units in longitude/latitude that say EPSG:3035", "[cli][crs][bad][degurba]") {
    TempDir tmp;
    const fs::path in = tmp.subdir("in"), out_dir = tmp.subdir("out");
    const fs::path units = in / "units_lonlat_3035.geojson";
    write_file(units, R"({"type": "FeatureCollection", "name": "u",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3035" } },
"features": [
{ "type": "Feature", "properties": { "unit": "W" }, "geometry": { "type": "Polygon",
  "coordinates": [ [ [5.5, 50.0], [5.6, 50.0], [5.6, 50.1], [5.5, 50.1], [5.5, 50.0] ] ] } } ] }
)");
    const InputsSnapshot before(in);
    const RunResult r = expect_failure({"degurba", "--grid", data("degurba_example_a.asc"), "-o", (out_dir / "cells.tif").string(),
                                        "--units", units.string(), "--unit-id", "unit", "--units-out", (out_dir / "units.csv").string()},
                                       1, "degurba_example_a.asc: none of the grid's value (", out_dir);
    check_one_line(r, "lands in any region");
    CHECK_THAT(r.err, Contains("\nhint: check the CRS (input and regions both in EPSG:3035)"));
    before.check_unchanged();
}

TEST_CASE("implausible CRS: more than half outside all regions is a warning with the share", "[cli][crs][points]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    // Two regions of regions_abc hold the first point only: move the others far east (still in Europe).
    const fs::path in = tmp.subdir("in");
    write_file(in / "pts.csv", "x,y\n4000250,3000250\n4900000,3000000\n4900000,3100000\n4900000,3200000\n");
    const RunResult r = run_regio(points_args(data("regions_abc.geojson"), (in / "pts.csv").string(), out_dir / "r.csv", "EPSG:3035"));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("regio: warning: " + (in / "pts.csv").string() +
                               ": 75.0% of the points (3 of 4) fall outside all regions; check the CRS if that is unexpected"));
    CHECK(list_dir(out_dir) == std::vector<std::string>{"r.csv"});
}

}  // namespace crs_plausibility_cli_test
