// regio styles and map --style NAME (issue #18, item 7): the shipped styles
// by name, wherever regio runs.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace styles_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::map_cli;

TEST_CASE("styles: the shipped styles are listed with their descriptions", "[cli][styles]") {
    TempDir tmp;  // outside the checkout: found beside the build's sources
    const RunResult r = run_regio({"styles"}, tmp.path());
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, StartsWith("degurba         Degree of Urbanisation, Level 1: cities, towns and semi-dense areas, rural areas (codes 1-3)\n"
                                 "degurba-level2  Degree of Urbanisation, Level 2: the seven classes of units (codes 30, 23, 22, 21, 13, 12, 11)\n"
                                 "density         Population density\n"
                                 "gap             Gaps in percentage points, centred on 0\n"));
    CHECK_THAT(r.out, Contains("\nrate            Rates and shares in %\n"));
    CHECK_THAT(r.out, Contains("\nnuts-europe     "));
}

TEST_CASE("styles: map --style NAME is the shipped file", "[cli][styles][map]") {
    TempDir tmp;
    const fs::path styles = fs::path(REGIO_TEST_DATA).parent_path().parent_path() / "styles";
    const Args extra{"--data", data("map_table.csv"), "--data-id", "code", "-q"};
    Args by_name = map_cmd("gap", tmp / "name.svg", extra);
    by_name.insert(by_name.end(), {"--style", "gap"});
    Args by_path = map_cmd("gap", tmp / "path.svg", extra);
    by_path.insert(by_path.end(), {"--style", (styles / "gap.toml").string()});
    const std::string named = run_and_read(by_name, tmp / "name.svg");
    CHECK(named == run_and_read(by_path, tmp / "path.svg"));
    CHECK_THAT(named, Contains(">gap (pp)</text>"));

    const fs::path out = tmp.subdir("out");
    expect_failure(map_cmd("rate", out / "m.svg", {"--style", "rates"}), 2,
                   "unknown style 'rates': give a style file or one of the shipped styles (degurba, degurba-level2, density, gap, nuts-europe, rate)", out);
}

}  // namespace styles_cli_test
