// `regionalise` in the registry (issue #13): the options it declares, in the
// order help shows them, and a run of the bound command that fails on a
// missing input before anything is written.
#include "../options/bound_command_support.hpp"

#include "regio/error.hpp"
#include "regio/regionalise/regionalise_command.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace regionalise_command_test {

using namespace regio;
using Catch::Matchers::Contains;

TEST_CASE("regionalise command: declared options in help order", "[regionalise][registry]") {
    const options::CommandEntry entry = regionalise::regionalise_command();
    CHECK(entry.words == std::vector<std::string>{"regionalise"});
    CHECK_THAT(entry.footer, Contains("UNIT_TO_REGION.csv"));
    test::BoundEntry bound(entry);
    const auto names = bound.names();
    CHECK(test::first_names(names, 5) == std::vector<std::string>{"units", "units-layer", "set-id", "skip-feature", "id"});
    CHECK(test::last_names(names, 5) == std::vector<std::string>{"report", "overwrite", "quiet", "delimiter", "encoding"});
    CHECK(names.size() == 24);
}

TEST_CASE("regionalise command: a missing data file is an error and nothing is written", "[regionalise][registry]") {
    test::ScratchDirectory dir("regio-regionalise-command");
    test::BoundEntry bound(regionalise::regionalise_command());
    bound.set("units", std::string(REGIO_TEST_DATA) + "/regionalise_units.geojson");
    bound.set("id", "code");
    bound.set("data", dir.file("missing.csv"));
    bound.set("threshold", "pop>=1000");
    bound.set("contiguity", "queen");
    bound.set("output", dir.file("regions.gpkg"));
    bound.set("map", dir.file("map.csv"));
    bound.set("report", dir.file("report.json"));
    CHECK_THROWS_AS(bound.command->run(ProgressRange(nullptr), {}), Error);
    CHECK_THROWS_WITH(bound.command->run(ProgressRange(nullptr), {}), Contains("missing.csv"));
    CHECK(dir.empty());
}

}  // namespace regionalise_command_test
