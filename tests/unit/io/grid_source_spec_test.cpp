// The grid-input rules shared by every command that reads a grid: exactly
// one form, its own options only, values named once; and the layer of a
// vector grid named apart from a source with colons.
#include "regio/io/grid_source_spec.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace grid_source_spec_test {

using Catch::Matchers::Contains;
using namespace regio;
using io::GridValues;

namespace {

io::GridSourceSpec raster() {
    io::GridSourceSpec s;
    s.raster = "pop.tif";
    return s;
}

io::GridSourceSpec layer() {
    io::GridSourceSpec s;
    s.layer = "cells.gpkg";
    s.values = {"POP"};
    return s;
}

void refused(const io::GridSourceSpec& spec, GridValues values, const std::string& message) {
    CHECK_THROWS_MATCHES(io::check_grid_source_spec(spec, values), UsageError, Catch::Matchers::Message(message));
}

}  // namespace

TEST_CASE("grid source spec: one form with its own options", "[io][grid]") {
    CHECK_NOTHROW(io::check_grid_source_spec(raster(), GridValues::One));
    CHECK_NOTHROW(io::check_grid_source_spec(layer(), GridValues::One));
    io::GridSourceSpec table;
    table.table = "cells.csv";
    table.cell_id = "GRD_ID";
    table.values = {"a", "b"};
    CHECK_NOTHROW(io::check_grid_source_spec(table, GridValues::Many));

    const std::string one_of = "give exactly one of --grid, --grid-table and --grid-layer";
    refused(io::GridSourceSpec{}, GridValues::Many, one_of);
    io::GridSourceSpec both = layer();
    both.raster = "pop.tif";
    refused(both, GridValues::Many, one_of);

    io::GridSourceSpec s = raster();
    s.values = {"POP"};
    refused(s, GridValues::Many, "--value names table columns or layer fields; pick raster bands as --grid FILE:BAND[,BAND]");
    s = layer();
    s.cell_id = "GRD_ID";
    refused(s, GridValues::Many, "--cell-id goes with --grid-table: the column of its cell codes");
    s = raster();
    s.layer_name = "cells";
    refused(s, GridValues::Many, "--grid-layer-name goes with --grid-layer: the layer of its source");
    s = layer();
    s.values.clear();
    refused(s, GridValues::Many, "name the value column(s) with --value");
    s.values = {"POP", "POP"};
    refused(s, GridValues::Many, "--value names 'POP' twice");
    table.cell_id.clear();
    refused(table, GridValues::Many, "--grid-table needs --cell-id naming the cell-code column");
}

TEST_CASE("grid source spec: a command that reads one value takes one", "[io][grid]") {
    io::GridSourceSpec s = layer();
    s.values = {"POP", "LAND"};
    CHECK_NOTHROW(io::check_grid_source_spec(s, GridValues::Many));
    refused(s, GridValues::One, "--value names 2 columns; this command reads one (e.g. the population)");
}

TEST_CASE("grid source spec: the layer named apart keeps the source whole", "[io][grid]") {
    io::GridSourceSpec s = layer();
    s.layer = "PG:dbname=gis host=a:5432";
    s.layer_name = "cells_2021";
    const io::InputSpec in = s.layer_input();
    CHECK(in.path == "PG:dbname=gis host=a:5432");
    CHECK(in.layer == "cells_2021");
    CHECK(s.paths() == std::vector<std::string>{"", "", "PG:dbname=gis host=a:5432"});
    s.layer = "no/such/cells.gpkg:grid";
    s.layer_name.clear();
    CHECK(s.layer_input().path == "no/such/cells.gpkg");
    CHECK(s.layer_input().layer == "grid");
    CHECK(raster().paths() == std::vector<std::string>{"pop.tif", "", ""});
}

TEST_CASE("grid source spec: open_grid_source reads the layer it is given", "[io][grid]") {
    io::GridSourceSpec s = layer();
    s.layer = std::string(REGIO_TEST_DATA) + "/degurba_example_a_cells.geojson";
    const auto source = io::open_grid_source(s, GridValues::One);
    CHECK(source->value_names() == std::vector<std::string>{"POP"});
    CHECK(source->grid().cols == 12);
    CHECK(source->grid().rows == 12);
    CHECK(source->grid().x0 == 4000000);
    CHECK(source->grid().y0 == 3012000);
}

}  // namespace grid_source_spec_test
