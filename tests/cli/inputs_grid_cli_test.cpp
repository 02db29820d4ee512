// One grid input for every command that reads a grid (issue #18 item 6):
// degurba reads a vector layer of cells as aggregate grid does, with the
// same options and the same messages; --unit-name carries the units' names;
// without --land the assumption that every cell is land is said.
//
// degurba_example_a_cells.geojson holds every cell of degurba_example_a.asc
// (the spec's Example A) as a polygon with POP: the same grid, so every
// output must be the raster's, byte for byte.
#include "cli_checks.hpp"

#include <catch2/catch.hpp>

#include <sstream>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace inputs_grid_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;

const std::string kNote = "regio: note: every cell counted as land (no --land given)\n";

Args with(Args head, const Args& tail) {
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}

// Outputs of one degurba run into `dir`: class raster, clusters, units.
Args degurba_outputs(const fs::path& dir) {
    return {"-o",          (dir / "cells.tif").string(), "--clusters", (dir / "clusters.csv").string(),
            "--units",     data("degurba_units.geojson"), "--unit-id", "unit",
            "--units-out", (dir / "units.csv").string()};
}

// A 12 x 12 land-share raster of 1 beside the population grid of Example A.
fs::path all_land(const fs::path& dir) {
    std::ostringstream asc;
    asc << "ncols 12\nnrows 12\nxllcorner 4000000\nyllcorner 3000000\ncellsize 1000\n";
    for (int r = 0; r < 12; ++r) {
        for (int c = 0; c < 12; ++c) asc << (c ? " 1" : "1");
        asc << '\n';
    }
    write_file(dir / "land.asc", asc.str());
    fs::copy_file(data("degurba_example_a.prj"), dir / "land.prj");
    return dir / "land.asc";
}

}  // namespace

TEST_CASE("degurba: a --grid-layer of the cells gives the raster's outputs, byte for byte", "[cli][degurba][inputs]") {
    TempDir tmp;
    const fs::path raster = tmp.subdir("raster"), layer = tmp.subdir("layer");
    RunResult from_raster, from_layer;
    run_and_read(with({"degurba", "--grid", data("degurba_example_a.asc")}, degurba_outputs(raster)), raster / "cells.tif",
                 &from_raster);
    run_and_read(with({"degurba", "--grid-layer", data("degurba_example_a_cells.geojson"), "--value", "POP"},
                      degurba_outputs(layer)),
                 layer / "cells.tif", &from_layer);
    for (const std::string name : {"cells.tif", "clusters.csv", "units.csv"}) {
        INFO(name);
        CHECK(read_file(layer / name) == read_file(raster / name));
    }
    // The spec's result, as the raster's test expects it.
    CHECK(read_file(layer / "clusters.csv") == read_file(expected("degurba_example_a_clusters.csv")));
    CHECK(read_file(layer / "units.csv") == read_file(expected("degurba_units.csv")));
    CHECK_THAT(from_layer.err, StartsWith(kNote + "degurba: 144 cells of 1000 m (12 x 12), population 73498\n"));
    // The same summary, but for the timings.
    auto without_time = [](const std::string& err) { return err.substr(0, err.find("\ntime: ")); };
    CHECK(without_time(from_layer.err) == without_time(from_raster.err));
}

TEST_CASE("degurba: without --land the all-land assumption is said and reported", "[cli][degurba][inputs]") {
    TempDir tmp;
    const Args base{"degurba", "--grid", data("degurba_example_a.asc")};
    RunResult r;
    run_and_read(with(base, {"-o", (tmp / "a.tif").string(), "--report", (tmp / "a.json").string()}), tmp / "a.tif", &r);
    CHECK_THAT(r.err, StartsWith(kNote));
    CHECK_THAT(read_file(tmp / "a.json"),
               Contains("\"assumptions\": [\n    \"every cell counted as land (no --land given)\"\n  ],"));

    // --quiet silences it on stderr (as every other line); the report keeps it.
    run_and_read(with(base, {"-o", (tmp / "q.tif").string(), "--report", (tmp / "q.json").string(), "-q"}), tmp / "q.tif", &r);
    CHECK(r.err.empty());
    CHECK_THAT(read_file(tmp / "q.json"), Contains("every cell counted as land (no --land given)"));

    // With a land layer there is nothing to assume; all land gives the same classes.
    run_and_read(with(base, {"--land", all_land(tmp.subdir("land")).string(), "-o", (tmp / "l.tif").string(), "--report",
                             (tmp / "l.json").string()}),
                 tmp / "l.tif", &r);
    CHECK_THAT(r.err, !Contains("note:"));
    CHECK_THAT(read_file(tmp / "l.json"), Contains("\"assumptions\": [],"));
    CHECK(read_file(tmp / "l.tif") == read_file(tmp / "a.tif"));
}

TEST_CASE("degurba --unit-name carries the units' names into the unit outputs", "[cli][degurba][inputs]") {
    TempDir tmp;
    const Args args{"degurba",   "--grid",      data("degurba_example_a.asc"), "-o", (tmp / "cells.tif").string(),
                    "--units",   data("degurba_units.geojson"),
                    "--unit-id", "unit",        "--unit-name",                 "note",
                    "--report",  (tmp / "report.json").string(), "-q"};
    const std::string csv = run_and_read(with(args, {"--units-out", (tmp / "units.csv").string()}), tmp / "units.csv");
    CHECK(csv == read_file(expected("degurba_units_named.csv")));
    CHECK_THAT(read_file(tmp / "report.json"), Contains("\"name_field\": \"note\","));

    // The GeoPackage of units carries the same column.
    run_and_read(with(args, {"--units-out", (tmp / "units.gpkg").string(), "--overwrite"}), tmp / "units.gpkg");
    if (const auto ogrinfo = find_on_path("ogrinfo")) {
        const RunResult r = run_program(*ogrinfo, {"-q", "-ro", (tmp / "units.gpkg").string(), "-sql",
                                                   "SELECT unit, note, class_name FROM units WHERE unit = 'Z'"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("note (String) = cells (11,9) and (11,10): nobody lives there\n  class_name (String) = rural area"));
    }
}

TEST_CASE("bad degurba input: --unit-name and --units-layer", "[cli][degurba][inputs][bad]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const Args base{"degurba", "--grid", data("degurba_example_a.asc"), "-o", (out / "cells.tif").string()};
    const Args units{"--units", data("degurba_units.geojson"), "--unit-id", "unit", "--units-out", (out / "u.csv").string()};
    expect_failure(with(base, {"--unit-name", "note"}), 2, "--unit-name goes with --units, --unit-id and --units-out", out);
    expect_failure(with(base, {"--units-layer", "units"}), 2, "--units-layer goes with --units, --unit-id and --units-out",
                   out);
    expect_failure(with(with(base, units), {"--unit-name", "unit"}), 2, "--unit-name names the id field 'unit'", out);
    expect_failure(with(with(base, units), {"--unit-name", "name"}), 1, "field 'name'", out);
}

TEST_CASE("aggregate grid and degurba: the same grid options give the same errors", "[cli][grid][degurba][inputs][bad]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const std::string asc = data("degurba_example_a.asc"), cells = data("degurba_example_a_cells.geojson");
    const std::vector<Args> commands{
        {"aggregate", "grid", "--regions", data("degurba_units.geojson"), "--id", "unit", "-o", (out / "t.csv").string()},
        {"degurba", "-o", (out / "cells.tif").string()}};
    for (const Args& command : commands) {
        INFO(command[0]);
        expect_failure(command, 2, "give exactly one of --grid, --grid-table and --grid-layer", out);
        expect_failure(with(command, {"--grid", asc, "--grid-layer", cells, "--value", "POP"}), 2,
                       "give exactly one of --grid, --grid-table and --grid-layer", out);
        expect_failure(with(command, {"--grid", asc, "--value", "POP"}), 2,
                       "--value names table columns or layer fields; pick raster bands as --grid FILE:BAND[,BAND]", out);
        expect_failure(with(command, {"--grid-layer", cells, "--cell-id", "GRD_ID", "--value", "POP"}), 2,
                       "--cell-id goes with --grid-table: the column of its cell codes", out);
        expect_failure(with(command, {"--grid", asc, "--grid-layer-name", "cells"}), 2,
                       "--grid-layer-name goes with --grid-layer: the layer of its source", out);
        expect_failure(with(command, {"--grid-layer", cells}), 2, "name the value column(s) with --value", out);
        expect_failure(with(command, {"--grid-layer", cells, "--value", "POP,POP"}), 2, "--value names 'POP' twice", out);
        expect_failure(with(command, {"--grid-table", data("degurba_example_a.csv"), "--value", "POP"}), 2,
                       "--grid-table needs --cell-id naming the cell-code column", out);
        expect_failure(with(command, {"--grid-layer", cells, "--value", "NOPE"}), 1, "field 'NOPE'", out);
    }
    // degurba classifies one population; aggregate grid sums any number of values.
    expect_failure(with(commands[1], {"--grid-layer", cells, "--value", "POP,POP2"}), 2,
                   "--value names 2 columns; this command reads one (e.g. the population)", out);
}

TEST_CASE("regio help: the grid options read the same on every command that reads a grid", "[cli][grid][degurba][inputs]") {
    const RunResult grid = run_regio({"aggregate", "grid", "--help"});
    const RunResult degurba = run_regio({"degurba", "--help"});
    for (const std::string option : {"--grid ", "--grid-table ", "--cell-id ", "--grid-layer ", "--grid-layer-name ", "--value "}) {
        INFO(option);
        const auto line = line_starting_with(grid.out, "  " + option);
        REQUIRE(line);
        CHECK(line_starting_with(degurba.out, *line) == line);
    }
}

}  // namespace inputs_grid_cli_test
