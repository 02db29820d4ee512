// `regio compare` as a registry entry (issue #13): the options declared in
// the library in the order help shows them, and a run that fails before any
// output is written.
#include "regio/compare/compare_command.hpp"
#include "regio/error.hpp"
#include "../options/bound_command_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace compare_command_test {

using namespace regio;

namespace {

// The required inputs, named in `dir` where none exists.
void name_missing_inputs(test::BoundEntry& bound, const test::ScratchDirectory& dir) {
    bound.set("reference", dir.file("missing.csv"));
    bound.set("id", "id");
    bound.set("columns", "pop");
    bound.set("estimate", dir.file("estimate.csv"));
}

}  // namespace

TEST_CASE("compare command: the declared options in order", "[compare][registry]") {
    test::BoundEntry bound(compare::compare_command());
    const auto names = bound.names();
    REQUIRE(names.size() == 18);
    CHECK(std::vector<std::string>(names.begin(), names.begin() + 4) ==
          std::vector<std::string>{"reference", "id", "columns", "estimate"});
    CHECK(std::vector<std::string>(names.end() - 6, names.end()) ==
          std::vector<std::string>{"output", "output-layer", "of", "overwrite", "report", "quiet"});
}

TEST_CASE("compare command: a missing reference fails before the table or the report is written", "[compare][registry]") {
    test::ScratchDirectory dir("regio-compare-command");
    test::BoundEntry bound(compare::compare_command());
    name_missing_inputs(bound, dir);
    bound.set("output", dir.file("out/validation.csv"));
    bound.set("report", dir.file("out/report.json"));
    CHECK_THROWS_AS(bound.run(), regio::Error);
    CHECK(dir.empty());
}

TEST_CASE("compare command: the report naming the output is refused as it always was", "[compare][registry]") {
    test::ScratchDirectory dir("regio-compare-command");
    test::BoundEntry bound(compare::compare_command());
    name_missing_inputs(bound, dir);
    bound.set("output", dir.file("validation.csv"));
    bound.set("report", dir.file("validation.csv"));
    CHECK_THROWS_WITH(bound.run(), "--report and --output name the same file");
    CHECK(dir.empty());
}

}  // namespace compare_command_test
