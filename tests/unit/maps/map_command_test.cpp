// The registry entry of `regio map` (issue #13): its options declared in the
// library in help's order, and a run of a request that cannot be read failing
// with the library's error and writing nothing.
#include "regio/maps/map_command.hpp"
#include "regio/error.hpp"

#include "../options/bound_command_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_command_test {

using Names = std::vector<std::string>;

TEST_CASE("map command: the options are declared in help's order", "[map][registry]") {
    const regio::test::BoundEntry declared(regio::maps::map_command());
    const Names names = declared.names();
    CHECK(names.size() == 47);
    CHECK(regio::test::first_names(names, 5) == Names{"layer", "layer-name", "id", "field", "name"});
    CHECK(regio::test::last_names(names, 8) ==
          Names{"delimiter", "encoding", "output", "gpkg", "gpkg-layer", "report", "overwrite", "quiet"});
    CHECK(declared.command->quiet() == false);
}

TEST_CASE("map command: a missing layer is the library's error and writes nothing", "[map][registry]") {
    const regio::test::ScratchDirectory out("regio-map-command");
    regio::test::BoundEntry declared(regio::maps::map_command());
    declared.set("layer", (out.path / "no_such_regions.gpkg").string());
    declared.set("id", "id");
    declared.set("field", "value");
    declared.set("output", (out.path / "map.svg").string());
    declared.set("gpkg", (out.path / "map.gpkg").string());
    declared.set("report", (out.path / "map.json").string());
    CHECK_THROWS_AS(declared.command->run(regio::ProgressRange(nullptr), {}), regio::Error);
    CHECK(out.empty());
}

}  // namespace map_command_test
