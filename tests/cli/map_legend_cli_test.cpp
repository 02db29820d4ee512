// End-to-end tests of a map a planner can publish (issue #18, item 4):
// legend label styles, decimals, unit, an outline layer with labels, borders
// visible on light classes, and warnings for a missing title or source.
// The golden map is Berlin's 448 planning areas (geodata/berlin, committed)
// with the 12 districts drawn above them.
//
// To refresh tests/cli/expected/map_berlin_legend.svg after an intended
// change of the SVG, from the repository root:
//   build/regio indicators --data geodata/berlin/register_2020-12_planning-areas.csv --id id
//     --definitions geodata/berlin/indicators_citizenship.toml -o /tmp/ind.csv
//   build/regio map <the options of berlin_map below> --data /tmp/ind.csv -o tests/cli/expected/map_berlin_legend.svg
//   rsvg-convert -o /tmp/berlin.png tests/cli/expected/map_berlin_legend.svg
// then look at the PNG and the diff before committing.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_legend_cli_test {

using Catch::Matchers::Contains;
using namespace regio_test;
using namespace regio_test::map_cli;

namespace {

const fs::path kBerlin = fs::path(REGIO_TEST_DATA).parent_path().parent_path() / "geodata" / "berlin";

// Share of foreign citizens per planning area, 31.12.2020, as `regio indicators` computes it.
fs::path berlin_indicators(const TempDir& tmp) {
    const fs::path out = tmp / "indicators.csv";
    run_and_read({"indicators", "--data", (kBerlin / "register_2020-12_planning-areas.csv").string(), "--id", "id", "--definitions",
                  (kBerlin / "indicators_citizenship.toml").string(), "-o", out.string(), "-q"},
                 out);
    return out;
}

Args berlin_map(const fs::path& data, const fs::path& svg, const Args& extra = {}) {
    const std::string gpkg = (kBerlin / "lor_3035.gpkg").string();
    Args args{"map", "--layer", gpkg + ":plr_until2020", "--id", "id", "--name", "name", "--data", data.string(), "--data-id", "region",
              "--where", "indicator=share_of_residents,group=foreigners", "--field", "value", "--method", "manual", "--breaks",
              "10,20,30,40,100", "--labels", "threshold", "--unit", "%", "--decimals", "0", "--legend-title",
              "Foreign citizens, % of residents", "--title", "Foreign citizens by planning area, 31.12.2020", "--source",
              "Source: Amt f\u00fcr Statistik Berlin-Brandenburg, CC BY 3.0 DE", "--outline", gpkg + ":districts", "--outline-label",
              "name", "--simplify", "2", "--width", "800", "--height", "600", "-o", svg.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("map legend: Berlin planning areas with threshold labels and the districts outlined (golden)", "[cli][map][legend]") {
    TempDir tmp;
    const fs::path data = berlin_indicators(tmp);
    RunResult r1, r2;
    const std::string svg = run_and_read(berlin_map(data, tmp / "a.svg"), tmp / "a.svg", &r1);
    const std::string again = run_and_read(berlin_map(data, tmp / "b.svg"), tmp / "b.svg", &r2);
    CHECK(svg == again);
    CHECK(svg == read_file(expected("map_berlin_legend.svg")));
    CHECK(r1.err == "map: 448 regions, 5 classes (manual), 0 without data, 2 confidential; " + std::to_string(svg.size()) +
                        " bytes of SVG\nsimplify: 7 points kept beyond the tolerance so that no border crosses another\n");
    check_well_formed(svg, "map_berlin_legend.svg");
    check_renders(tmp / "a.svg", tmp);

    // The legend as a planner publishes it.
    CHECK_THAT(svg, Contains(">Foreign citizens, % of residents</text>"));
    CHECK_THAT(svg, Contains(">up to 10 % <tspan"));
    CHECK_THAT(svg, Contains(">10\u201320 % <tspan"));
    CHECK_THAT(svg, Contains(">over 40 % <tspan"));
    CHECK(count_of(svg, "<path id=\"r-") == 448);
    // The 12 districts above the planning areas, each named once.
    CHECK(count_of(svg, "<g id=\"outlines\"") == 1);
    CHECK(svg.find("<g id=\"outlines\"") > svg.rfind("<path id=\"r-"));
    const auto outlines = svg.substr(svg.find("<g id=\"outlines\""));
    CHECK(count_of(outlines.substr(0, outlines.find("</g>")), "<path d=") == 12);
    CHECK(count_of(svg, "<g id=\"outline-labels\"") == 1);
    CHECK_THAT(svg, Contains(">Friedrichshain-Kreuzberg</text>"));
    CHECK_THAT(svg, Contains(">Marzahn-Hellersdorf</text>"));
}

TEST_CASE("map legend: label styles and units on the hand-made regions", "[cli][map][legend]") {
    TempDir tmp;
    // Quantile bounds -6, -0.9, 3.8, 8.2, 12 over min -12 (map_cli_fixtures.hpp).
    const std::string range = run_and_read(map_cmd("rate", tmp / "r.svg", {"--labels", "range", "--unit", "pp", "-q"}), tmp / "r.svg");
    CHECK_THAT(range, Contains(">-12\u2013-6 pp <tspan"));
    CHECK_THAT(range, Contains(">8.2\u201312 pp <tspan"));
    const std::string rounded = run_and_read(map_cmd("rate", tmp / "d.svg", {"--decimals", "0", "-q"}), tmp / "d.svg");
    CHECK_THAT(rounded, Contains(">(-1, 4] <tspan"));
    // The lightest class of YlOrRd gets a grey border: white would vanish on it.
    CHECK_THAT(range, Contains(".c0{fill:#FFFFB2;stroke:#A6A6A6}"));
    CHECK_THAT(range, Contains(".c1{fill:#FECC5C}"));
}

TEST_CASE("map legend: a map without title or source is warned about", "[cli][map][legend]") {
    TempDir tmp;
    RunResult r;
    run_and_read(map_cmd("rate", tmp / "m.svg"), tmp / "m.svg", &r);
    CHECK_THAT(r.err, Contains("regio: warning: the map has no title (--title)\n"
                               "regio: warning: the map has no source note (--source, or source in the style)\n"));
    run_and_read(map_cmd("rate", tmp / "n.svg", {"--title", "T", "--source", "S"}), tmp / "n.svg", &r);
    CHECK_THAT(r.err, !Contains("warning"));
}

TEST_CASE("map legend: bad legend and outline options", "[cli][map][legend][errors]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path svg = out / "m.svg";
    expect_failure(map_cmd("rate", svg, {"--labels", "ranges"}), 2, "--labels must be interval, range or threshold, not 'ranges'", out);
    expect_failure(map_cmd("rate", svg, {"--decimals", "7"}), 2, "--decimals", out);
    expect_failure(map_cmd("rate", svg, {"--outline", data("map_regions.geojson")}), 2, "--outline needs --outline-label FIELD", out);
    expect_failure(map_cmd("rate", svg, {"--outline-label", "name"}), 2, "go with --outline FILE[:LAYER]", out);
    expect_failure(map_cmd("rate", svg, {"--outline", data("map_regions.geojson"), "--outline-label", "nope"}), 1, "nope", out);
}

TEST_CASE("map legend: the title comes from the indicator's definition when not given", "[cli][map][legend]") {
    TempDir tmp;
    const fs::path data = berlin_indicators(tmp);
    Args args = berlin_map(data, tmp / "t.svg", {"-q"});
    const auto at = std::find(args.begin(), args.end(), "--legend-title");
    REQUIRE(at != args.end());
    args.erase(at, at + 2);
    const std::string svg = run_and_read(args, tmp / "t.svg");
    // regio indicators writes the definition's label with every row.
    CHECK_THAT(svg, Contains("font-weight=\"bold\">Share of all residents (all ages)</text>"));
    // A change (--minus) is not what the label defines: the field names it.
    args.insert(args.end(), {"--minus", data.string(), "--overwrite"});
    const std::string change = run_and_read(args, tmp / "t.svg");
    CHECK_THAT(change, Contains("font-weight=\"bold\">value</text>"));
}

}  // namespace map_legend_cli_test
