// End-to-end tests of `regio map --report` and of what `map --gpkg` carries
// beside the classes (issue #18 items 1 and 8): the regions' names and the
// data's counts, so the layer is useful in QGIS on its own.
// The fixtures and what they hold: map_cli_fixtures.hpp.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_report_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::map_cli;

namespace {

// The employment rate of non-EU citizens from map_flags.csv: B and D are
// suppressed, E has no row.
Args flags_map(const std::string& output, const Args& extra) {
    Args args = map_cmd("value", output, {"--name", "name", "--data", data("map_flags.csv"), "--data-id", "region", "--where",
                                             "indicator=employment_rate,group=non_eu", "--title", "Employment rate", "--source",
                                             "regio tests"});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// `text` with the absolute paths of the test data written as their names.
std::string without_data_dir(std::string text) {
    const std::string dir = data("");
    for (auto at = text.find(dir); at != std::string::npos; at = text.find(dir, at)) text.erase(at, dir.size());
    return text;
}

}  // namespace

TEST_CASE("map: --report records regions, classes, counts, unmatched and outputs", "[cli][map][report]") {
    TempDir tmp;
    const RunResult r = run_regio(flags_map("out/map.svg", {"--gpkg", "out/map.gpkg", "--report", "out/map.json"}), tmp.path());
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(list_dir(tmp / "out") == Names{"map.gpkg", "map.json", "map.svg"});  // the directory was created
    CHECK(without_data_dir(read_file(tmp / "out" / "map.json")) == read_file(expected("map_report.json")));
    // The same report on a second run: nothing in it changes.
    const RunResult again = run_regio(flags_map("out/map.svg", {"--gpkg", "out/map.gpkg", "--report", "out/map.json", "--overwrite"}),
                                      tmp.path());
    REQUIRE(again.exit_code == 0);
    CHECK(without_data_dir(read_file(tmp / "out" / "map.json")) == read_file(expected("map_report.json")));
}

TEST_CASE("map: --gpkg keeps the name field and the data's numerator and denominator", "[cli][map][gpkg]") {
    TempDir tmp;
    const RunResult r = run_regio(flags_map("map.svg", {"--gpkg", "map.gpkg", "-q"}), tmp.path());
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto rows = sqlite(tmp / "map.gpkg", "SELECT code, value, class, name, numerator, denominator FROM map ORDER BY fid");
    if (!rows) return;
    // Suppressed rows (B, D) publish no counts; E has no row.
    CHECK(*rows == "A|62.5|3|Altstadt|25.0|40.0\n"
                   "B|NULL|NULL|<script>alert(1)</script> & \"Co\"|NULL|NULL\n"
                   "C|70.0|5|Nordfeld|35.0|50.0\n"
                   "D|NULL|NULL|Östliche Inseln|NULL|NULL\n"
                   "E|NULL|NULL|Leerwiese|NULL|NULL\n"
                   "F|48.0|1|Rand|24.0|50.0\n");
}

TEST_CASE("map: --gpkg carries the other numeric columns of a wide table", "[cli][map][gpkg]") {
    TempDir tmp;
    write_file(tmp / "wide.csv", "code,rate,persons,households,note\nA,1,10,4,x\nB,2,20,,y\nC,3,30,9,z\nD,4,40,12,\nF,5,50,20,w\n");
    const RunResult r =
        run_regio(map_cmd("rate", "m.svg", {"--data", (tmp / "wide.csv").string(), "--data-id", "code", "--gpkg", "m.gpkg", "-q"}), tmp.path());
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto rows = sqlite(tmp / "m.gpkg", "SELECT * FROM pragma_table_info('m')");
    if (!rows) return;
    CHECK_THAT(*rows, Contains("|persons|REAL|") && Contains("|households|REAL|") && !Contains("|note|"));
    const auto values = sqlite(tmp / "m.gpkg", "SELECT code, persons, households FROM m ORDER BY fid");
    REQUIRE(values);
    CHECK(*values == "A|10.0|4.0\nB|20.0|NULL\nC|30.0|9.0\nD|40.0|12.0\nE|NULL|NULL\nF|50.0|20.0\n");
}

}  // namespace map_report_cli_test
