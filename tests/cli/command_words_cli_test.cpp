// Mistyped commands and options: reported first, by their own name, with
// the nearest real one; exit 2 and nothing on stdout.
#include "run_regio.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace command_words_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

void expect_usage_error(const std::vector<std::string>& args, const std::string& line) {
    const RunResult r = run_regio(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(first_line(r.err) == "regio: error: " + line);
}

}  // namespace

TEST_CASE("a mistyped command is named, with the command meant", "[cli][help][words]") {
    expect_usage_error({"agregate", "points"}, "unknown command 'agregate' in 'regio' (did you mean 'aggregate'?)");
    expect_usage_error({"crosswalk", "biuld"},
                       "unknown command 'biuld' in 'regio crosswalk' (did you mean 'build'?)");
    expect_usage_error({"aggregate", "pionts", "--regions", "x.gpkg"},
                       "unknown command 'pionts' in 'regio aggregate' (did you mean 'points'?)");
    // Far from every command: no guess.
    expect_usage_error({"frobnicate"}, "unknown command 'frobnicate' in 'regio'");
}

TEST_CASE("--help after a mistyped command is an error, not the top-level help", "[cli][help][words]") {
    expect_usage_error({"maps", "--help"}, "unknown command 'maps' in 'regio' (did you mean 'map'?)");
}

TEST_CASE("an unknown option is reported before a missing required one", "[cli][help][words]") {
    // --id and --points are missing too: the typo comes first.
    expect_usage_error({"aggregate", "points", "--regoins", "r.gpkg"},
                       "unknown option '--regoins' for 'regio aggregate points' (did you mean '--regions'?)");
    expect_usage_error({"classify", "--data", "t.csv", "--feild", "v"},
                       "unknown option '--feild' for 'regio classify' (did you mean '--field'?)");
    expect_usage_error({"classify", "--data=t.csv", "--colour", "x"}, "unknown option '--colour' for 'regio classify'");
}

TEST_CASE("negative numbers and values after options are not taken for options", "[cli][help][words]") {
    TempDir dir;
    const RunResult r = run_regio({"classify", "--data", data("classify_fib.csv"), "--field", "y", "--method", "manual",
                                   "--breaks", "-20,-5,100", "-o", (dir / "breaks.csv").string()});
    CHECK_THAT(r.err, !Contains("unknown option"));
    CHECK(r.exit_code == 0);
}

TEST_CASE("regio help with a mistyped command says which was meant", "[cli][help][words]") {
    const RunResult r = run_regio({"help", "agregate"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("regio: error: no command 'agregate' in 'regio' (did you mean 'aggregate'?)\n"));
}

}  // namespace command_words_cli_test
