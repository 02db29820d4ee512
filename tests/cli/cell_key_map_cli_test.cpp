// Perturbed values on maps (issue #17): drawn like any other value, and the
// legend's method note says the counts are perturbed.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace cell_key_map_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::map_cli;

TEST_CASE("map: perturbed values are drawn and named in the legend note", "[cli][map][cellkey]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    write_file(tmp / "perturbed.csv",
               "region,indicator,group,value,numerator,denominator,flag,definition,label\n"
               "A,share,non_eu,62.5,25,40,perturbed,citizenship,Share\n"
               "B,share,non_eu,30,3,10,perturbed,citizenship,Share\n"
               "C,share,non_eu,70,35,50,perturbed,citizenship,Share\n"
               "D,share,non_eu,0,0,12,perturbed,citizenship,Share\n"
               "E,share,non_eu,40,4,10,perturbed,citizenship,Share\n"
               "F,share,non_eu,48,24,50,perturbed,citizenship,Share\n");
    RunResult r;
    const std::string svg = run_and_read(map_cmd("value", out / "m.svg",
                                                 {"--name", "name", "--data", (tmp / "perturbed.csv").string(), "--data-id", "region",
                                                  "--classes", "3"}),
                                         out / "m.svg", &r);
    INFO("stderr: " << r.err);
    CHECK_THAT(svg, Contains("counts perturbed (cell-key method)"));
    CHECK(svg.find("confidential") == std::string::npos);
    CHECK_THAT(r.err, Contains("map: 6 regions, 3 classes (quantile)"));
}

}  // namespace cell_key_map_cli_test
