// End-to-end tests of categorical maps (issue #18 item 5): the DEGURBA
// classes of the degurba tests' units (tests/cli/expected/degurba_units.csv,
// ../shared/spec/degurba.md Example C) with the shipped styles, as a golden
// SVG and as a GeoPackage whose QGIS style categorises on the codes; and the
// join warnings that name unmatched ids.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_categorical_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::map_cli;

namespace {

// The units W, E (cities), T (town), S and Z (rural) and their Level 1 class.
// To refresh map_degurba.svg after an intended change, from the repository root:
//   build/regio map --layer tests/data/degurba_units.geojson --id unit --data tests/cli/expected/degurba_units.csv
//     --data-id unit --field class --style degurba --title "Degree of Urbanisation" --source "regio tests"
//     -o tests/cli/expected/map_degurba.svg --overwrite
// and look at it (rsvg-convert): red cities, orange town, green rural areas,
// the legend in the spec's order.
Args degurba_map(const fs::path& output, const Args& extra = {}) {
    Args args{"map", "--layer", data("degurba_units.geojson"), "--id", "unit", "--data", expected("degurba_units.csv"), "--data-id",
              "unit", "--field", "class", "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The legend lists these entries ("label (count)") in this order.
void check_legend(const std::string& svg, const std::vector<std::pair<std::string, int>>& entries) {
    std::size_t last = 0;
    for (const auto& [label, count] : entries) {
        CAPTURE(label);
        const auto at = svg.find(">" + label + " <tspan fill=\"#666666\">(" + std::to_string(count) + ")</tspan>");
        REQUIRE(at != std::string::npos);
        CHECK(at >= last);
        last = at;
    }
}

const Args kGolden{"--style", "degurba", "--title", "Degree of Urbanisation", "--source", "regio tests"};

}  // namespace

TEST_CASE("map --categorical: golden SVG of the DEGURBA Level 1 classes with the shipped style", "[cli][map][categorical]") {
    TempDir tmp;
    RunResult r;
    const std::string svg = run_and_read(degurba_map(tmp / "a.svg", kGolden), tmp / "a.svg", &r);
    CHECK(svg == run_and_read(degurba_map(tmp / "b.svg", kGolden), tmp / "b.svg"));
    CHECK(svg == read_file(expected("map_degurba.svg")));
    CHECK(r.err == "map: 5 regions, 3 categories (categorical), 0 without data; " + std::to_string(svg.size()) + " bytes of SVG\n");
    check_well_formed(svg, "map_degurba.svg");
    // The legend: categories in the spec's order (not numeric intervals), with their counts.
    check_legend(svg, {{"Cities", 2}, {"Towns and semi-dense areas", 1}, {"Rural areas", 2}});
    CHECK_THAT(svg, !Contains("[1, "));
    CHECK_THAT(svg, Contains(">3 categories</text>"));
    for (const auto& [unit, cls] : std::map<std::string, std::string>{{"W", "c0"}, {"E", "c0"}, {"T", "c1"}, {"S", "c2"}, {"Z", "c2"}}) {
        CAPTURE(unit);
        CHECK(path_class(svg, unit) == cls);
    }
    CHECK_THAT(svg, Contains(".c0{fill:#FF0000"));
    check_renders(tmp / "a.svg", tmp);
}

TEST_CASE("map --categorical: Level 2 codes in the GeoPackage, a categorised QGIS style on them", "[cli][map][categorical][gpkg]") {
    TempDir tmp;
    write_file(tmp / "l2.csv", "unit,degurba\nW,30\nE,23\nS,11\nT,21\nZ,13\n");
    const fs::path gpkg = tmp / "l2.gpkg";
    run_and_read({"map", "--layer", data("degurba_units.geojson"), "--id", "unit", "--data", (tmp / "l2.csv").string(), "--data-id", "unit",
                  "--field", "degurba", "--style", "degurba-level2", "-o", (tmp / "l2.svg").string(), "--gpkg", gpkg.string(), "-q"},
                 tmp / "l2.svg");
    const auto rows = sqlite(gpkg, "SELECT unit, class, fill FROM l2 ORDER BY fid");
    if (!rows) return;
    CHECK(*rows == "W|30|#FF0000\nE|23|#732600\nS|11|#CDF57A\nT|21|#FFFF00\nZ|13|#375623\n");
    const auto qml = sqlite(gpkg, "SELECT styleQML FROM layer_styles WHERE useAsDefault = 1");
    REQUIRE(qml);
    check_well_formed(*qml, "styleQML");
    CHECK_THAT(*qml, Contains("<renderer-v2 type=\"categorizedSymbol\" attr=\"class\""));
    const std::vector<std::tuple<std::string, std::string, std::string>> categories{
        {"30", "Cities", "#FF0000"},          {"23", "Dense towns", "#732600"},
        {"22", "Semi-dense towns", "#A87000"}, {"21", "Suburban or peri-urban areas", "#FFFF00"},
        {"13", "Villages", "#375623"},         {"12", "Dispersed rural areas", "#ABCD66"},
        {"11", "Mostly uninhabited areas", "#CDF57A"}};
    std::size_t last = 0;
    for (std::size_t k = 0; k < categories.size(); ++k) {
        const auto& [value, label, colour] = categories[k];
        CAPTURE(value);
        const auto at = qml->find("<category value=\"" + value + "\" symbol=\"" + std::to_string(k) + "\" label=\"" + label + "\"");
        CHECK(at != std::string::npos);
        CHECK(at >= last);
        last = at;
        CHECK_THAT(*qml, Contains("value=\"" + qml_colour(colour) + "\""));
    }
}

TEST_CASE("map --categorical: a value missing from the style is named", "[cli][map][categorical][bad]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    write_file(tmp / "codes.csv", "unit,degurba\nW,30\nE,24\n");
    expect_failure({"map", "--layer", data("degurba_units.geojson"), "--id", "unit", "--data", (tmp / "codes.csv").string(), "--data-id",
                    "unit", "--field", "degurba", "--style", "degurba-level2", "-o", (out_dir / "m.svg").string()},
                   1, "field 'degurba': value 24 is not a category of the style", out_dir);
    expect_failure(degurba_map(out_dir / "m.svg", {"--categorical", "--classes", "3"}), 2, "--classes, --method, --breaks and --center do not apply",
                   out_dir);
    expect_failure(degurba_map(out_dir / "m.svg", {"--label-field", "class_name"}), 2, "--label-field labels categories: add --categorical",
                   out_dir);
}

TEST_CASE("map --categorical: labels from a field, colours from a qualitative palette", "[cli][map][categorical]") {
    TempDir tmp;
    RunResult r;
    const std::string svg =
        run_and_read(degurba_map(tmp / "m.svg", {"--categorical", "--label-field", "class_name", "-q"}), tmp / "m.svg", &r);
    check_legend(svg, {{"city", 2}, {"town or semi-dense area", 1}, {"rural area", 2}});
    CHECK_THAT(svg, Contains(".c0{fill:#8DD3C7"));  // Set3
}

TEST_CASE("map: join warnings name the unmatched ids on both sides", "[cli][map][joins]") {
    TempDir tmp;
    write_file(tmp / "d.csv", "unit,v\nW,1\nE,2\nX1,3\nX2,4\n");
    RunResult r;
    run_and_read({"map", "--layer", data("degurba_units.geojson"), "--id", "unit", "--data", (tmp / "d.csv").string(), "--data-id", "unit",
                  "--field", "v", "--method", "equal", "--classes", "3", "--title", "t", "--source", "s", "-o", (tmp / "m.svg").string()},
                 tmp / "m.svg", &r);
    CHECK_THAT(r.err, Contains("regio: warning: 3 regions have no row in " + (tmp / "d.csv").string() + " (shown as no data): S, T, Z\n"));
    CHECK_THAT(r.err, Contains("regio: warning: 2 rows of " + (tmp / "d.csv").string() + " match no region: X1, X2\n"));
}

}  // namespace map_categorical_cli_test
