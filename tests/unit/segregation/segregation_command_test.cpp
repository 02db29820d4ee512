// `regio segregation` as a registry entry (issue #13): the options declared in
// the library in the order help shows them, and a run that fails before any
// output is written.
#include "regio/error.hpp"
#include "regio/segregation/segregation_command.hpp"
#include "../options/bound_command_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace segregation_command_test {

using namespace regio;

namespace {

// The required options but -o, the data named in `dir` where none exists.
void name_missing_data(test::BoundEntry& bound, const test::ScratchDirectory& dir) {
    bound.set("data", dir.file("missing.csv"));
    bound.set("id", "id");
    bound.set("group", "foreigners");
}

}  // namespace

TEST_CASE("segregation command: the declared options in order", "[segregation][registry]") {
    test::BoundEntry bound(segregation::segregation_command());
    const auto names = bound.names();
    REQUIRE(names.size() == 30);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 5) ==
          std::vector<std::string>{"data", "data-layer", "id", "group", "total"});
    CHECK(std::vector<std::string>(names.end() - 4, names.end()) == std::vector<std::string>{"report", "threads", "overwrite", "quiet"});
    CHECK_FALSE(bound.command->quiet());
}

TEST_CASE("segregation command: a missing data file fails before any output or report", "[segregation][registry]") {
    test::ScratchDirectory dir("regio-segregation-command");
    test::BoundEntry bound(segregation::segregation_command());
    name_missing_data(bound, dir);
    bound.set("total", "inhabitants");
    bound.set("output", dir.file("out/indices.csv"));
    bound.set("report", dir.file("out/report.json"));
    CHECK_THROWS_AS(bound.run(), regio::Error);
    CHECK(dir.empty());
}

TEST_CASE("segregation command: the report and -o naming one file is refused before the work", "[segregation][registry]") {
    test::ScratchDirectory dir("regio-segregation-command");
    test::BoundEntry bound(segregation::segregation_command());
    name_missing_data(bound, dir);
    bound.set("output", dir.file("same.csv"));
    bound.set("report", dir.file("same.csv"));
    CHECK_THROWS_AS(bound.run(), regio::UsageError);
    CHECK(dir.empty());
}

}  // namespace segregation_command_test
