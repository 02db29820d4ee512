// Companion layer options on every FILE[:LAYER] input (issue #16): the
// source is taken whole (colons, /vsizip/ paths, connection strings) and the
// layer is named apart. Each input is read from a GeoPackage of two layers in
// a directory whose name holds a colon, the wanted layer second, so that only
// the companion option can pick it; the output must be the one read from the
// plain file, byte for byte. The fixtures are built at test time with
// ogr2ogr (skipped with a warning when it is not installed).
#include "cli_checks.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace inputs_layers_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;

Args with(Args head, const Args& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

// dir/a:b/NAME.gpkg with layers "first" (a decoy: regions_abc) and "second"
// (the fixture); empty when ogr2ogr is missing.
std::string two_layers(const fs::path& dir, const std::string& name, const Args& fixture) {
    const fs::path colon = dir / "a:b";
    fs::create_directories(colon);
    const std::string gpkg = (colon / (name + ".gpkg")).string();
    if (!run_tool("ogr2ogr", {"-f", "GPKG", gpkg, data("regions_abc.geojson"), "-nln", "first"})) return {};
    Args second{"-f", "GPKG", "-update", gpkg, "-nln", "second"};
    if (!run_tool("ogr2ogr", with(second, fixture))) return {};
    return gpkg;
}

// Runs both commands; the second's output must equal the first's.
void same_output(const Args& plain, const Args& layered, const fs::path& plain_out, const fs::path& layered_out) {
    const std::string expected_text = run_and_read(plain, plain_out);
    CHECK(run_and_read(layered, layered_out) == expected_text);
}

// `ogrinfo -al -q` of a GeoPackage: its layers and features as text.
std::string ogr_text(const fs::path& gpkg) {
    const auto ogrinfo = find_on_path("ogrinfo");
    if (!ogrinfo) return {};
    const RunResult r = run_program(*ogrinfo, {"-al", "-q", "-ro", gpkg.string()});
    CHECK(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("companion layers: degurba --units-layer and --grid-layer-name", "[cli][inputs][layers][degurba]") {
    TempDir tmp;
    const std::string units = two_layers(tmp.path(), "units", {data("degurba_units.geojson")});
    const std::string cells = two_layers(tmp.path(), "cells", {data("degurba_example_a_cells.geojson")});
    if (units.empty() || cells.empty()) return;
    const Args grid{"degurba", "--grid", data("degurba_example_a.asc"), "-q", "--unit-id", "unit"};
    same_output(with(grid, {"-o", (tmp / "c1.tif").string(), "--units", data("degurba_units.geojson"), "--units-out",
                            (tmp / "u1.csv").string()}),
                with(grid, {"-o", (tmp / "c2.tif").string(), "--units", units, "--units-layer", "second", "--units-out",
                            (tmp / "u2.csv").string()}),
                tmp / "u1.csv", tmp / "u2.csv");
    CHECK(read_file(tmp / "u2.csv") == read_file(expected("degurba_units.csv")));

    // The grid as the second layer of a GeoPackage: by its companion option,
    // and inside a zip file read in place (/vsizip/: never split at a colon).
    const Args layer{"degurba", "--value", "POP", "-q", "--grid-layer"};
    same_output({"degurba", "--grid", data("degurba_example_a.asc"), "-q", "-o", (tmp / "c3.tif").string()},
                with(layer, {cells, "--grid-layer-name", "second", "-o", (tmp / "c4.tif").string()}), tmp / "c3.tif",
                tmp / "c4.tif");
    const auto zip = find_on_path("zip");
    if (!zip) {
        WARN("zip is not on PATH: the /vsizip/ part is skipped");
        return;
    }
    REQUIRE(run_program(*zip, {"-q", "-j", (tmp / "cells.zip").string(), cells}).exit_code == 0);
    const std::string zipped = "/vsizip/" + (tmp / "cells.zip").string() + "/cells.gpkg";
    CHECK(run_and_read(with(layer, {zipped, "--grid-layer-name", "second", "-o", (tmp / "c5.tif").string()}), tmp / "c5.tif") ==
          read_file(tmp / "c3.tif"));
    // Without the companion option the source has two layers: a clear error.
    const fs::path out = tmp.subdir("out");
    const RunResult r = expect_failure(with(layer, {zipped, "-o", (out / "c.tif").string()}), 1, "first, second", out);
    CHECK_THAT(r.err, Contains("\nhint: or name it with the input's layer option (--regions-layer, --units-layer, "
                               "--grid-layer-name, ...: see the command's --help)\n"));
}

TEST_CASE("companion layers: aggregate grid --grid-layer-name", "[cli][inputs][layers][grid]") {
    TempDir tmp;
    const std::string cells = two_layers(tmp.path(), "cells", {data("grid_4x4_cells.geojson")});
    if (cells.empty()) return;
    const Args base{"aggregate", "grid", "--regions", data("regions_grid.geojson"), "--id", "region_id", "--value", "T", "-q"};
    same_output(with(base, {"--grid-layer", data("grid_4x4_cells.geojson"), "-o", (tmp / "t1.csv").string()}),
                with(base, {"--grid-layer", cells, "--grid-layer-name", "second", "-o", (tmp / "t2.csv").string()}),
                tmp / "t1.csv", tmp / "t2.csv");
}

TEST_CASE("companion layers: regionalise --units-layer", "[cli][inputs][layers][regionalise]") {
    TempDir tmp;
    const std::string units = two_layers(tmp.path(), "units", {data("regionalise_units.geojson")});
    if (units.empty() || !find_on_path("ogrinfo")) return;
    const Args base{"regionalise", "--id", "code", "--data", data("regionalise_data.csv"), "--threshold", "pop>=1000", "-q"};
    // (The GeoPackages share a name: the layer is named after the file.)
    const fs::path plain = tmp.subdir("plain"), layered = tmp.subdir("layered");
    same_output(with(base, {"--units", data("regionalise_units.geojson"), "-o", (plain / "r.gpkg").string(), "--map",
                            (plain / "m.csv").string()}),
                with(base, {"--units", units, "--units-layer", "second", "-o", (layered / "r.gpkg").string(), "--map",
                            (layered / "m.csv").string()}),
                plain / "m.csv", layered / "m.csv");
    CHECK(ogr_text(plain / "r.gpkg") == ogr_text(layered / "r.gpkg"));
}

TEST_CASE("companion layers: classify --data-layer", "[cli][inputs][layers][classify]") {
    TempDir tmp;
    const std::string layer = two_layers(tmp.path(), "map", {data("map_regions.geojson")});
    if (layer.empty()) return;
    const Args base{"classify", "--field", "rate", "--classes", "3"};
    same_output(with(base, {"--data", data("map_regions.geojson"), "-o", (tmp / "b1.csv").string()}),
                with(base, {"--data", layer, "--data-layer", "second", "-o", (tmp / "b2.csv").string()}), tmp / "b1.csv",
                tmp / "b2.csv");
}

TEST_CASE("companion layers: segregation --data-layer and --regions-layer", "[cli][inputs][layers][segregation]") {
    TempDir tmp;
    const std::string regions = two_layers(tmp.path(), "regions", {data("segregation_regions.geojson")});
    const std::string table = two_layers(tmp.path(), "table", {data("segregation_example2.csv"), "-oo", "AUTODETECT_TYPE=YES"});
    if (regions.empty() || table.empty()) return;
    const Args base{"segregation", "--id", "unit", "--group", "a,b,c", "--total", "total", "-q"};
    same_output(with(base, {"--data", data("segregation_example2.csv"), "--regions", data("segregation_regions.geojson"), "-o",
                            (tmp / "s1.csv").string()}),
                with(base, {"--data", table, "--data-layer", "second", "--regions", regions, "--regions-layer", "second", "-o",
                            (tmp / "s2.csv").string()}),
                tmp / "s1.csv", tmp / "s2.csv");
}

TEST_CASE("companion layers: indicators --regions-layer", "[cli][inputs][layers][indicators]") {
    TempDir tmp;
    const std::string regions = two_layers(tmp.path(), "regions", {data("indicators_regions.geojson")});
    if (regions.empty() || !find_on_path("ogrinfo")) return;
    const Args base{"indicators", "--data", data("indicators_counts.csv"), "--id", "region", "--definitions",
                    data("indicators.toml"), "--rollup", "nuts", "--regions-id", "nuts_id", "-q"};
    const fs::path plain = tmp.subdir("plain"), layered = tmp.subdir("layered");
    run_and_read(with(base, {"--regions", data("indicators_regions.geojson"), "-o", (plain / "w.gpkg").string()}),
                 plain / "w.gpkg");
    run_and_read(with(base, {"--regions", regions, "--regions-layer", "second", "-o", (layered / "w.gpkg").string()}),
                 layered / "w.gpkg");
    const std::string text = ogr_text(plain / "w.gpkg");
    CHECK(!text.empty());
    CHECK(ogr_text(layered / "w.gpkg") == text);
}

TEST_CASE("companion layers: map --outline-layer", "[cli][inputs][layers][map]") {
    TempDir tmp;
    const std::string outline = two_layers(tmp.path(), "outline", {data("map_regions.geojson")});
    if (outline.empty()) return;
    const Args base{"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "rate", "--outline-id", "code",
                    "-q"};
    same_output(with(base, {"--outline", data("map_regions.geojson"), "-o", (tmp / "m1.svg").string()}),
                with(base, {"--outline", outline, "--outline-layer", "second", "-o", (tmp / "m2.svg").string()}),
                tmp / "m1.svg", tmp / "m2.svg");
    const fs::path out = tmp.subdir("out");
    expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "rate", "--outline-layer",
                    "second", "-o", (out / "m.svg").string()},
                   2, "--outline-layer go with --outline FILE[:LAYER]", out);
}

TEST_CASE("companion layers: crosswalk build --weights-layer", "[cli][inputs][layers][crosswalk]") {
    TempDir tmp;
    const std::string points =
        two_layers(tmp.path(), "points",
                   {data("xw_points.csv"), "-a_srs", "EPSG:3035", "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y",
                    "-oo", "AUTODETECT_TYPE=YES", "-skipfailures"});
    if (points.empty()) return;
    const Args base{"crosswalk", "build", "--from", data("xw_2020.geojson"), "--from-id", "code", "--to",
                    data("xw_2024.geojson"), "--to-id", "unit", "--weights-field", "pop", "-q"};
    // The CSV's invalid row (x 'abc') has no point in the layer: the same weights.
    same_output(with(base, {"--weights", data("xw_points.csv"), "--weights-crs", "EPSG:3035", "-o", (tmp / "x1.csv").string()}),
                with(base, {"--weights", points, "--weights-layer", "second", "-o", (tmp / "x2.csv").string()}),
                tmp / "x1.csv", tmp / "x2.csv");
    const fs::path out = tmp.subdir("out");
    expect_failure(with(base, {"--weights-layer", "second", "-o", (out / "x.csv").string()}), 2,
                   "--weights-layer apply to --weights points", out);
}

TEST_CASE("run: companion layer options are checked before any step runs", "[cli][inputs][layers][run]") {
    TempDir tmp;
    const std::string units = two_layers(tmp.path(), "units", {data("degurba_units.geojson")});
    if (units.empty()) return;
    write_file(tmp / "layers.toml", R"([[step]]
name = "classes"
run = "degurba"
[step.args]
grid = ")" + data("degurba_example_a.asc") + R"("
output = "cells.tif"
units = ")" + units + R"("
units-layer = "second"
unit-id = "unit"
unit-name = "no_such_name"
units-out = "units.csv"
)");
    const RunResult r = run_regio({"run", (tmp / "layers.toml").string(), "--out", (tmp / "out").string()});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    // The layer named apart is the one checked (its fields are listed), and --unit-name is checked.
    CHECK_THAT(r.err, Contains("unit-name names field 'no_such_name'") && Contains("note"));
    CHECK_THAT(r.err, Contains("1 problem(s); nothing was run"));
    CHECK(!fs::exists(tmp / "out" / "units.csv"));
}

}  // namespace inputs_layers_cli_test
