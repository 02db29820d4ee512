// `aggregate points` in the registry (issue #13): the options it declares, in
// the order help shows them, and a run of the bound command that fails on a
// missing input before anything is written.
#include "../options/bound_command_support.hpp"

#include "regio/aggregate/aggregate_points_command.hpp"
#include "regio/error.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_points_command_test {

using namespace regio;
using Catch::Matchers::Contains;

TEST_CASE("aggregate points command: declared options in help order", "[aggregate][registry]") {
    const options::CommandEntry entry = aggregate::aggregate_points_command();
    CHECK(entry.words == std::vector<std::string>{"aggregate", "points"});
    CHECK_THAT(entry.footer, Contains("Boundary rule:"));
    test::BoundEntry bound(entry);
    const auto names = bound.names();
    CHECK(test::first_names(names, 3) == std::vector<std::string>{"regions", "regions-layer", "regions-sql"});
    CHECK(test::last_names(names, 4) == std::vector<std::string>{"quiet", "output-layer", "of", "assignments"});
    CHECK(names.size() == 29);
    CHECK(!bound.command->quiet());
}

TEST_CASE("aggregate points command: a missing points file is an error and nothing is written", "[aggregate][registry]") {
    test::ScratchDirectory dir("regio-points-command");
    test::BoundEntry bound(aggregate::aggregate_points_command());
    bound.set("regions", std::string(REGIO_TEST_DATA) + "/regions_abc.geojson");
    bound.set("id", "region_id");
    bound.set("points", dir.file("missing.csv"));
    bound.set("points-crs", "EPSG:3035");
    bound.set("output", dir.file("counts.csv"));
    bound.set("report", dir.file("report.json"));
    CHECK_THROWS_AS(bound.command->run(ProgressRange(nullptr), {}), Error);
    CHECK_THROWS_WITH(bound.command->run(ProgressRange(nullptr), {}), Contains("missing.csv"));
    CHECK(dir.empty());
}

}  // namespace aggregate_points_command_test
