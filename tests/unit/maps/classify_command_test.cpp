// The registry entry of `regio classify` (issue #13): its options declared in
// the library in help's order, the breaks of the spec's worked example
// (choropleth.md §3) returned for standard output without -o, and a run of a
// request that cannot be read failing with the library's error, writing nothing.
#include "regio/maps/classify_command.hpp"
#include "regio/error.hpp"

#include "../options/bound_command_support.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace classify_command_test {

using Catch::Matchers::StartsWith;
using Names = std::vector<std::string>;

TEST_CASE("classify command: the options are declared in help's order", "[classify][registry]") {
    const regio::test::BoundEntry declared(regio::maps::classify_command());
    CHECK(declared.names() == Names{"data", "data-layer", "field", "method", "classes", "breaks", "seed", "output",
                                    "overwrite", "delimiter", "encoding"});
    CHECK(declared.command->quiet() == false);
}

TEST_CASE("classify command: without -o the breaks are for standard output", "[classify][registry]") {
    regio::test::BoundEntry declared(regio::maps::classify_command());
    declared.set("data", std::string(REGIO_TEST_DATA) + "/classify_fib.csv");
    declared.set("field", "y");
    const regio::options::CommandOutcome outcome = declared.command->run(regio::ProgressRange(nullptr), {});
    CHECK_THAT(outcome.standard_output, StartsWith("{"));
    CHECK(outcome.summary.empty());
    CHECK(outcome.notes.empty());
}

TEST_CASE("classify command: missing data is the library's error and writes nothing", "[classify][registry]") {
    const regio::test::ScratchDirectory out("regio-classify-command");
    regio::test::BoundEntry declared(regio::maps::classify_command());
    declared.set("data", (out.path / "no_such_table.csv").string());
    declared.set("field", "y");
    declared.set("output", (out.path / "breaks.json").string());
    CHECK_THROWS_AS(declared.command->run(regio::ProgressRange(nullptr), {}), regio::Error);
    CHECK(out.empty());
}

}  // namespace classify_command_test
