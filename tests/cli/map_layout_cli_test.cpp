// End-to-end tests of the layout of `regio map`: insets for outlying regions
// (a style's [[insets]] and extent) and small multiples (--facet), on
// hand-made fixtures, with golden SVGs in tests/cli/expected.
//
// map_overseas.geojson (EPSG:3035; offsets in metres from (4000000, 3000000);
// field code, name, rate):
//
//   M1 (0..1000 x 1000..2000) rate 10     M2 (1000..2000 x 1000..2000) rate 20
//   M3 (0..1000 x    0..1000) rate 30     M4 (1000..2000 x    0..1000) rate 40
//   X1 "Isla Lejana": a 600 x 400 m island and an islet 300 km west, rate 50
//   Y1 "Y & <Sud>": a triangle 400 km south, rate null (no data)
//
// map_style_insets.toml puts X... and Y... into insets (Y with its own
// extent), so the main frame shows the 2 km square of M1..M4.
//
// map_facets.csv: tidy rows (code, indicator, year, value) for
// map_regions.geojson (see map_cli_test.cpp): rate in 2021, 2019 and 2020
// (in that order in the file), no row for E, an empty value for D in 2021, a
// row Z in 2020 without a region, and two `count` rows that --where leaves
// out (without it, A would have two rows in 2019 and 2021).
//
// To refresh the goldens after an intended change of the SVG, from the
// repository root (the SVGs hold no file paths):
//   build/regio map --layer tests/data/map_overseas.geojson --id code --field rate --name name
//     --style tests/data/map_style_insets.toml --title "Mainland and overseas" --source "Source: regio tests"
//     -o tests/cli/expected/map_insets.svg --overwrite
//   build/regio map --layer tests/data/map_regions.geojson --id code --name name --field value
//     --data tests/data/map_facets.csv --data-id code --where indicator=rate --facet year
//     --title "Rate by year" --source "Source: regio tests & fixtures" -o tests/cli/expected/map_facets.svg --overwrite
// then look at them (rsvg-convert -o /tmp/x.png FILE.svg) and at the diff.
#include "cli_checks.hpp"
#include "run_regio.hpp"
#include "xml_check.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_layout_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

Args overseas_cmd(const fs::path& output, const Args& extra = {}) {
    Args args{"map", "--layer", data("map_overseas.geojson"), "--id", "code", "--field", "rate", "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

const Args kInsetGolden{"--name", "name", "--style", data("map_style_insets.toml"), "--title", "Mainland and overseas", "--source",
                        "Source: regio tests"};

Args facets_cmd(const fs::path& output, const Args& extra = {}) {
    Args args{"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "value", "--data", data("map_facets.csv"),
              "--data-id", "code", "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

const Args kFacetGolden{"--name", "name", "--where", "indicator=rate", "--facet", "year", "--title", "Rate by year", "--source",
                        "Source: regio tests & fixtures"};

// Per data-id (with the panel's element id prefix): the nearest enclosing
// <g id="...">, i.e. "regions", "regions-2", "inset-1", "inset-2-1".
std::multimap<std::string, std::string> frames_of(const std::string& svg) {
    std::multimap<std::string, std::string> out;
    for (auto at = svg.find("<path id=\""); at != std::string::npos; at = svg.find("<path id=\"", at + 1)) {
        const auto id_at = svg.find("data-id=\"", at) + 9;
        const auto group = svg.rfind("<g id=\"", at) + 7;
        out.emplace(svg.substr(id_at, svg.find('"', id_at) - id_at), svg.substr(group, svg.find('"', group) - group));
    }
    return out;
}

std::string frame_of(const std::string& svg, const std::string& id) {
    const auto frames = frames_of(svg);
    const auto range = frames.equal_range(id);
    return std::distance(range.first, range.second) == 1 ? range.first->second : std::string("(not once)");
}

// The sum of the counts in the legend.
std::size_t legend_total(const std::string& svg) {
    std::size_t total = 0;
    for (auto at = svg.find("<tspan fill=\"#666666\">("); at != std::string::npos; at = svg.find("<tspan fill=\"#666666\">(", at + 1))
        total += std::stoul(svg.substr(at + 23));
    return total;
}

// The class of the path with element id `element` ("c0".."c4", "nd").
std::string class_of(const std::string& svg, const std::string& element) {
    const auto at = svg.find("<path id=\"" + element + "\"");
    if (at == std::string::npos) return {};
    const auto cls = svg.find("class=\"", at) + 7;
    return svg.substr(cls, svg.find('"', cls) - cls);
}

}  // namespace

// ---------------------------------------------------------------------------
// Insets
TEST_CASE("map insets: golden SVG of mainland and overseas regions", "[cli][map][insets]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    RunResult r1;
    const std::string svg = run_and_read(overseas_cmd(out / "a.svg", kInsetGolden), out / "a.svg", &r1);
    CHECK(svg == run_and_read(overseas_cmd(out / "b.svg", kInsetGolden), out / "b.svg"));
    CHECK(svg == read_file(expected("map_insets.svg")));
    CHECK(r1.err == "map: 6 regions (2 in insets), 5 classes (quantile), 1 without data; " + std::to_string(svg.size()) + " bytes of SVG\n");
    check_well_formed(svg, "map_insets.svg");

    // Each region once, in its frame; the insets are framed boxes with labels.
    CHECK(count_of(svg, "<path ") == 6);
    for (const std::string id : {"M1", "M2", "M3", "M4"}) CHECK(frame_of(svg, id) == "regions");
    CHECK(frame_of(svg, "X1") == "inset-1");
    CHECK(frame_of(svg, "Y1") == "inset-2");
    CHECK_THAT(svg, Contains("<g id=\"inset-1\" class=\"inset\">\n<rect "));
    CHECK_THAT(svg, Contains(">Isla Lejana (X)</text>"));
    CHECK_THAT(svg, Contains(">Y &amp; &lt;Sud&gt;</text>"));  // labels are text, escaped
    CHECK_THAT(svg, Contains("<clipPath id=\"frame-inset-2\">"));
    // Same classes and colours in the insets: X1 (50) is the top class, Y1 no data.
    CHECK(class_of(svg, "r-X1") == "c4");
    CHECK(class_of(svg, "r-Y1") == "nd");
    CHECK(class_of(svg, "r-M1") == "c0");
    // The main frame is the 2 km square of M1..M4, not 500 km of sea:
    // M1 is 1000 m = 296 px wide in a 658 x 592 px frame (0.296 px/m),
    // centred: x from 16 + (658 - 592) / 2 = 49, its south edge at y = 42 + 296.
    CHECK_THAT(svg, Contains("<path id=\"r-M1\" data-id=\"M1\" class=\"c0\" d=\"M49 338l296 0 0-296 -296 0z\">"));
    CHECK_THAT(svg, Contains(">200 m</text>"));  // scale bar of the main frame
    // The insets sit under the legend, right of the main frame (x > 674 px).
    const auto rect = svg.find("<rect x=\"", svg.find("<g id=\"inset-1\""));
    CHECK(std::stod(svg.substr(rect + 9)) > 674);
    check_renders(out / "a.svg", tmp);
}

TEST_CASE("map insets: without them the frame spans the overseas regions", "[cli][map][insets]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const std::string plain = run_and_read(overseas_cmd(out / "plain.svg"), out / "plain.svg");
    CHECK_THAT(plain, !Contains("class=\"inset\""));
    for (const std::string id : {"M1", "X1", "Y1"}) CHECK(frame_of(plain, id) == "regions");
    CHECK_THAT(plain, Contains(">100 km</text>"));
}

TEST_CASE("map insets: --extent overrides the style's; --simplify per frame", "[cli][map][insets]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    RunResult r;
    // A 900 m square around M3 only: M1, M2 and M4 lie outside it.
    const std::string svg = run_and_read(overseas_cmd(out / "ext.svg", {"--style", data("map_style_insets.toml"), "--extent",
                                                                   "4000000,3000000,4000900,3000900"}),
                                    out / "ext.svg", &r);
    CHECK_THAT(r.err, StartsWith("regio: warning: 3 regions lie outside the map's extent and in no inset (M1, M2, M4): not visible\n"));
    CHECK(frame_of(svg, "X1") == "inset-1");
    CHECK(frame_of(svg, "M3") == "regions");
    check_well_formed(svg, "ext.svg");

    const std::string simple = run_and_read(overseas_cmd(out / "s1.svg", {"--style", data("map_style_insets.toml"), "--simplify", "2"}),
                                       out / "s1.svg");
    CHECK(simple == run_and_read(overseas_cmd(out / "s2.svg", {"--style", data("map_style_insets.toml"), "--simplify", "2"}), out / "s2.svg"));
    CHECK(frame_of(simple, "X1") == "inset-1");
    CHECK(frame_of(simple, "Y1") == "inset-2");
    CHECK(count_of(simple, "<path ") == 6);
    check_renders(out / "s1.svg", tmp);
}

TEST_CASE("map insets: warnings and mistakes in the style", "[cli][map][insets][errors]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    RunResult r;
    const std::string svg = run_and_read(overseas_cmd(out / "w.svg", {"--style", data("map_style_insets_nomatch.toml")}), out / "w.svg", &r);
    CHECK_THAT(r.err, StartsWith("regio: warning: inset 'Nowhere' matches no region (ids Q): not drawn\n"
                                 "regio: warning: 3 regions lie outside the map's extent and in no inset (M2, M4, Y1): not visible\n"
                                 "regio: warning: the map has no title (--title)\n"
                                 "regio: warning: the map has no source note (--source, or source in the style)\n"
                                 "map: 6 regions (1 in insets), "));
    CHECK_THAT(svg, Contains("<g id=\"inset-1\""));
    CHECK_THAT(svg, !Contains("<g id=\"inset-2\""));
    CHECK_THAT(svg, !Contains("Nowhere"));

    const fs::path bad = tmp.subdir("bad");
    expect_failure(overseas_cmd(bad / "m.svg", {"--style", data("map_style_insets_overlap.toml")}), 1,
                   "map_style_insets_overlap.toml: field 'insets': insets 'All X' (X) and 'X1 only' (X1) overlap", bad);
    expect_failure(overseas_cmd(bad / "m.svg", {"--style", data("map_style_insets_bad.toml")}), 1,
                   "map_style_insets_bad.toml: line 6: field 'insets[2].labels': unknown key 'labels'", bad);
}

// ---------------------------------------------------------------------------
// Small multiples
TEST_CASE("map --facet: golden small multiples with one legend", "[cli][map][facet]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    RunResult r1;
    const std::string svg = run_and_read(facets_cmd(out / "a.svg", kFacetGolden), out / "a.svg", &r1);
    CHECK(svg == run_and_read(facets_cmd(out / "b.svg", kFacetGolden), out / "b.svg"));
    CHECK(svg == read_file(expected("map_facets.svg")));
    CHECK(r1.err == "regio: warning: 3 (region, year) pairs have no row in " + data("map_facets.csv") +
                        " (shown as no data in that panel): E (2019), E (2020), E (2021)\n"
                        "regio: warning: 1 row of " + data("map_facets.csv") + " matches no region: Z (2020)\n"
                        "map: 6 regions x 3 panels (year), 5 classes (quantile), 4 without data; " +
                        std::to_string(svg.size()) + " bytes of SVG\n");
    check_well_formed(svg, "map_facets.svg");

    // Panels in numeric order (the file has 2021 first), each titled.
    const auto p2019 = svg.find("<g id=\"panel-1\" class=\"panel\" data-facet=\"2019\">");
    const auto p2020 = svg.find("<g id=\"panel-2\" class=\"panel\" data-facet=\"2020\">");
    const auto p2021 = svg.find("<g id=\"panel-3\" class=\"panel\" data-facet=\"2021\">");
    REQUIRE(p2019 != std::string::npos);
    REQUIRE(p2020 != std::string::npos);
    REQUIRE(p2021 != std::string::npos);
    CHECK(p2019 < p2020);
    CHECK(p2020 < p2021);
    CHECK_THAT(svg, Contains("font-weight=\"bold\">2019</text>"));
    // Every region once per panel, element ids unique.
    CHECK(count_of(svg, "<path ") == 18);
    for (const std::string id : {"A", "B", "C", "D", "E", "F"}) {
        CAPTURE(id);
        CHECK(count_of(svg, "data-id=\"" + id + "\"") == 3);
        for (int p = 1; p <= 3; ++p) CHECK(count_of(svg, "<path id=\"p" + std::to_string(p) + "-r-" + id + "\"") == 1);
    }
    // One classification over the 14 values of all panels: quantiles -7.4,
    // -2.2, 2.3, 8.35, 14; the legend counts all 18 region-years.
    for (const std::string label : {"[-13, -7.4]", "(-7.4, -2.2]", "(-2.2, 2.3]", "(2.3, 8.35]", "(8.35, 14]"})
        CHECK_THAT(svg, Contains(">" + label + " <tspan"));
    CHECK_THAT(svg, Contains(">no data <tspan fill=\"#666666\">(4)</tspan>"));
    CHECK(legend_total(svg) == 18);
    CHECK_THAT(svg, Contains(">quantile, k = 5; counts over all 3 maps</text>"));
    CHECK(count_of(svg, "<g id=\"legend\"") == 1);
    // Same value, same class in every panel; no row or an empty value: no data there only.
    CHECK(class_of(svg, "p1-r-C") == "c4");  // 10
    CHECK(class_of(svg, "p3-r-C") == "c4");  // 14
    CHECK(class_of(svg, "p1-r-F") == "c0");  // -13
    CHECK(class_of(svg, "p2-r-D") == "c3");  // 7.25
    CHECK(class_of(svg, "p3-r-D") == "nd");  // empty value in 2021
    CHECK(class_of(svg, "p1-r-E") == "nd");  // no rows at all
    CHECK_THAT(svg, Contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; (B): 1.5</title>"));
    check_renders(out / "a.svg", tmp);
}

TEST_CASE("map --facet: natural order, insets in every panel", "[cli][map][facet][insets]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    RunResult r;
    const std::string svg = run_and_read(overseas_cmd(out / "q.svg", {"--data", data("map_facets_overseas.csv"), "--data-id", "code", "--facet",
                                                                 "period", "--style", data("map_style_insets.toml"), "--classes", "5",
                                                                 "--method", "equal"}),
                                    out / "q.svg", &r);
    CHECK_THAT(r.err, Contains("map: 6 regions x 3 panels (period) (2 in insets), 5 classes (equal), 1 without data;"));
    const auto q1 = svg.find("data-facet=\"Q1 2024\""), q2 = svg.find("data-facet=\"Q2 2024\""), q10 = svg.find("data-facet=\"Q10 2024\"");
    REQUIRE(q10 != std::string::npos);
    CHECK(q1 < q2);
    CHECK(q2 < q10);  // Q10 after Q2
    const auto frames = frames_of(svg);
    std::set<std::string> x1;
    for (auto [it, end] = frames.equal_range("X1"); it != end; ++it) x1.insert(it->second);
    CHECK(x1 == std::set<std::string>{"inset-1-1", "inset-2-1", "inset-3-1"});
    CHECK(class_of(svg, "p2-r-Y1") == "nd");  // no Q2 row for Y1
    check_well_formed(svg, "q.svg");
    check_renders(out / "q.svg", tmp);
}

TEST_CASE("map --facet --gpkg: one layer per panel, each styled", "[cli][map][facet][gpkg]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path gpkg = out / "rates.gpkg";
    run_and_read(facets_cmd(out / "m.svg", {"--where", "indicator=rate", "--facet", "year", "--gpkg", gpkg.string()}), out / "m.svg");
    CHECK(list_dir(out) == Names{"m.svg", "rates.gpkg"});
    const auto sqlite3 = find_on_path("sqlite3");
    if (!sqlite3) {
        WARN("sqlite3 is not on PATH: not reading the GeoPackage");
        return;
    }
    auto query = [&](const std::string& sql) {
        const RunResult q = run_program(*sqlite3, {"-batch", "-noheader", "-cmd", ".nullvalue NULL", gpkg.string(), sql});
        INFO(sql << "\nstderr: " << q.err);
        CHECK(q.exit_code == 0);
        return q.out;
    };
    CHECK(query("SELECT table_name FROM gpkg_contents ORDER BY table_name") == "rates_2019\nrates_2020\nrates_2021\n");
    CHECK(query("SELECT f_table_name, useAsDefault FROM layer_styles ORDER BY id") == "rates_2019|1\nrates_2020|1\nrates_2021|1\n");
    CHECK(query("SELECT code, value, class FROM rates_2021 ORDER BY fid") ==
          "A|-3.0|2\nB|2.5|4\nC|14.0|5\nD|NULL|NULL\nE|NULL|NULL\nF|-11.0|1\n");
    CHECK(query("SELECT code, value, class FROM rates_2019 WHERE code IN ('C', 'D') ORDER BY fid") == "C|10.0|5\nD|7.0|4\n");
    // The same classes in every layer's style.
    CHECK(query("SELECT count(DISTINCT styleQML) FROM layer_styles") == "1\n");
}

TEST_CASE("map --facet: options that do not go together, bad tables", "[cli][map][facet][errors]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path svg = out / "m.svg";
    expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "rate", "--facet", "year", "-o", svg.string()},
                   2, "--facet needs --data", out);
    expect_failure(facets_cmd(svg, {"--facet", "year", "--minus", data("map_facets.csv")}), 2, "--minus and --facet do not go together", out);
    expect_failure(facets_cmd(svg, {"--facet", "code"}), 2, "--facet 'code' must be a column other than the id and the value", out);
    expect_failure(facets_cmd(svg, {"--facet", "nope"}), 1, "map_facets.csv: field 'nope': no column 'nope'", out);
    // Without --where the count rows give A two rows in 2021 (line 7).
    expect_failure(facets_cmd(svg, {"--facet", "year"}), 1, "map_facets.csv: line 7: field 'code': duplicate row for id 'A' and year '2021'",
                   out);
    expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", "value", "--data", data("map_facets_dup.csv"),
                    "--data-id", "code", "--facet", "year", "-o", svg.string()},
                   1, "map_facets_dup.csv: line 5: field 'code': duplicate row for id 'A' and year '2019'", out);
}

}  // namespace map_layout_cli_test
