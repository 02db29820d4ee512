// The registry entry of `regio degurba` (issue #13): its options declared in
// the library in help's order, and a run of a request that cannot be read
// failing with the library's error and writing nothing.
#include "regio/degurba/degurba_command.hpp"
#include "regio/error.hpp"

#include "../options/bound_command_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace degurba_command_test {

using Names = std::vector<std::string>;

TEST_CASE("degurba command: the options are declared in help's order", "[degurba][registry]") {
    const regio::test::BoundEntry declared(regio::degurba::degurba_command());
    const Names names = declared.names();
    CHECK(names.size() == 44);
    CHECK(regio::test::first_names(names, 4) == Names{"grid", "grid-table", "cell-id", "grid-layer"});
    CHECK(regio::test::last_names(names, 6) == Names{"report", "overwrite", "threads", "quiet", "delimiter", "encoding"});
    CHECK(declared.command->quiet() == false);
}

TEST_CASE("degurba command: a missing grid is the library's error and writes nothing", "[degurba][registry]") {
    const regio::test::ScratchDirectory out("regio-degurba-command");
    regio::test::BoundEntry declared(regio::degurba::degurba_command());
    declared.set("grid", (out.path / "no_such_grid.tif").string());
    declared.set("output", (out.path / "cells.tif").string());
    declared.set("report", (out.path / "report.json").string());
    CHECK_THROWS_AS(declared.command->run(regio::ProgressRange(nullptr), {}), regio::Error);
    CHECK(out.empty());
}

}  // namespace degurba_command_test
