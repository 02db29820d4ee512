// Issue #12, map and classify: one rule for the number of classes in both
// commands (1 to 20), a constant field maps as one class with a note (valid
// SVG legend and GeoPackage style), and "no values" names file and field.
#include "map_cli_fixtures.hpp"

#include <regex>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace inputs_classes_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::map_cli;

namespace {

// The legend entry of the one class: its bounds and count.
const std::string kOneClassLegend = "[7, 7] <tspan fill=\"#666666\">(5)</tspan>";

Args classify_cmd(const std::string& table, const std::string& field, const fs::path& output, const Args& extra = {}) {
    Args args{"classify", "--data", table, "--field", field, "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

Args map_data_cmd(const std::string& table, const std::string& field, const fs::path& svg, const Args& extra = {}) {
    return map_cmd(field, svg, [&] {
        Args a{"--data", table, "--data-id", "code"};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    }());
}

}  // namespace

TEST_CASE("classes: the same rule for --classes in map and classify", "[cli][classes]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    for (const std::string k : {"0", "21"}) {
        const std::string message = "--classes " + k + ": the number of classes must be 1 to 20";
        expect_failure(map_cmd("rate", out / "m.svg", {"--classes", k}), 2, message, out);
        expect_failure(classify_cmd(data("map_table.csv"), "gap", out / "b.json", {"--classes", k}), 2, message, out);
    }
}

TEST_CASE("classes: a constant field maps as one class with a note", "[cli][classes]") {
    TempDir tmp;
    write_file(tmp / "t.csv", "code,rate\nA,7\nB,7\nC,7\nD,7\nE,7\nF,\n");
    const fs::path svg = tmp / "m.svg", gpkg = tmp / "m.gpkg";
    RunResult r;
    const std::string text = run_and_read(map_data_cmd((tmp / "t.csv").string(), "rate", svg, {"--gpkg", gpkg.string()}), svg, &r);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("all 5 values are 7: one class"));
    check_well_formed(text, "the SVG");
    check_renders(svg, tmp);
    CHECK_THAT(text, Contains(kOneClassLegend));
    // The GeoPackage's QGIS style is well-formed too, with one class.
    if (auto ogrinfo = find_on_path("ogrinfo")) {
        const RunResult info = run_program(*ogrinfo, {"-ro", "-q", "-sql", "SELECT styleQML FROM layer_styles", gpkg.string()});
        CHECK(info.exit_code == 0);
        CHECK_THAT(info.out, Contains("<qgis"));
    }
    // classify says the same.
    const std::string json = run_and_read(classify_cmd((tmp / "t.csv").string(), "rate", tmp / "b.json", {"--method", "fisher-jenks"}),
                                          tmp / "b.json", &r);
    CHECK_THAT(json, Contains("\"k\": 1"));
    CHECK_THAT(r.err, Contains("all 5 values are 7: one class"));
}

TEST_CASE("classes: no values to classify names the file and field", "[cli][classes]") {
    TempDir tmp;
    write_file(tmp / "t.csv", "code,rate\nA,\nB,\nC,\n");
    const fs::path out = tmp.subdir("out");
    const std::string table = (tmp / "t.csv").string();
    expect_failure(map_data_cmd(table, "rate", out / "m.svg"), 1, table + ": field 'rate': quantile: no values to classify", out);
    expect_failure(classify_cmd(table, "rate", out / "b.json"), 1, table + ": field 'rate': quantile: no values to classify", out);
    // From the layer itself: a field that is null everywhere.
    const std::string layer = (tmp / "l.geojson").string();
    write_file(layer, std::regex_replace(read_file(data("map_regions.geojson")), std::regex("\"rate\": -?[0-9.]+"), "\"rate\": null"));
    Args args = map_cmd("rate", out / "m.svg");
    args[2] = layer;
    expect_failure(args, 1, layer + ": field 'rate': quantile: no values to classify", out);
}

}  // namespace inputs_classes_cli_test
