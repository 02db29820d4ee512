// `indicators` in the registry (issue #13): the options it declares, in the
// order help shows them, and a run of the bound command that fails on a
// missing input before anything is written.
#include "../options/bound_command_support.hpp"

#include "regio/error.hpp"
#include "regio/indicators/indicators_command.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace indicators_command_test {

using namespace regio;
using Catch::Matchers::Contains;

TEST_CASE("indicators command: declared options in help order", "[indicators][registry]") {
    const options::CommandEntry entry = indicators::indicators_command();
    CHECK(entry.words == std::vector<std::string>{"indicators"});
    CHECK_THAT(entry.footer, Contains("Disclosure control"));
    test::BoundEntry bound(entry);
    const auto names = bound.names();
    CHECK(test::first_names(names, 4) == std::vector<std::string>{"data", "id", "definitions", "rollup"});
    CHECK(test::last_names(names, 5) == std::vector<std::string>{"report", "ptable-output", "quiet", "delimiter", "encoding"});
    CHECK(names.size() == 18);
}

TEST_CASE("indicators command: a missing definitions file is an error and nothing is written", "[indicators][registry]") {
    test::ScratchDirectory dir("regio-indicators-command");
    test::BoundEntry bound(indicators::indicators_command());
    bound.set("data", std::string(REGIO_TEST_DATA) + "/indicators_counts.csv");
    bound.set("id", "region");
    bound.set("definitions", dir.file("missing.toml"));
    bound.set("output", dir.file("indicators.csv"));
    bound.set("report", dir.file("report.json"));
    CHECK_THROWS_AS(bound.command->run(ProgressRange(nullptr), {}), Error);
    CHECK_THROWS_WITH(bound.command->run(ProgressRange(nullptr), {}), Contains("missing.toml"));
    CHECK(dir.empty());
}

}  // namespace indicators_command_test
