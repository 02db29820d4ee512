// End-to-end tests of `regio map` and `regio classify`: the binary on the
// hand-made regions of tests/data/map_regions.geojson, SVG output compared
// byte for byte with tests/cli/expected/map_small.svg, the styled GeoPackage
// read back with sqlite3 / ogrinfo, the demo city of regio-make-demo, the
// spec's worked classification example (choropleth.md §3) and bad inputs.
//
// map_regions.geojson (EPSG:3035; offsets in metres from (4000000, 3000000);
// field code = id, name, rate):
//
//   y 1000..2000   C (x 0..2000)          E (2000..3000)  F (3000..4000)
//   y    0..1000   A (0..1000)  B (1000..2000)  D (2000..3000) + island
//                                                 (3200..3600 x 200..600)
//
//   A  rate -4.5   "Altstadt", a 200 m hole in the middle
//   B  rate  1.5   named <script>alert(1)</script> & "Co" (must stay text)
//   C  rate 12     its north edge zigzags (+-4 m every 50 m)
//   D  rate  7.25  a MultiPolygon (square + island), named "Östliche Inseln"
//   E  rate null   no data
//   F  rate -12
// The A|B border zigzags too (x = 1000 +- 4 m every 50 m): at the default
// scale (0.1645 px/m) both zigzags are visible at 0.1 px precision and
// vanish with --simplify 2 (a tolerance of about 12.5 m).
//
// Quantiles of the five values (-12, -4.5, 1.5, 7.25, 12), k = 5: -6, -0.9,
// 3.8, 8.2, 12, one region per class: F c0, A c1, B c2, D c3, C c4, E no data.
// map_table.csv (column gap): A -6, B 0.5, C 15, D 3, F -11; no row for E; a
// row Z that matches no region. map_flags.csv: suppressed values (see the
// last test case).
//
// Palettes: every map here has k = 5, whose colours the spec prints.
//
// Every failing run must leave nothing behind: outputs of failing runs go to
// a fresh directory that must still be empty afterwards (or hold only the
// pre-existing file).
#include "cli_checks.hpp"
#include "run_regio.hpp"
#include "xml_check.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace regio_test;

namespace {

using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

// regio map on map_regions.geojson (id code), writing `output`.
Args map_cmd(const std::string& field, const fs::path& output, const Args& extra = {}) {
    Args args{"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", field, "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The options of the golden map (tests/cli/expected/map_small.svg).
const Args kGoldenOptions{"--name", "name", "--title", "Rate by region", "--subtitle", "hand-made test map",
                          "--source", "Source: regio tests & fixtures"};

// ---- SVG paths ----

// The d attribute of the path with data-id `id` ("" if none).
std::string path_d(const std::string& svg, const std::string& id) {
    const auto at = svg.find("data-id=\"" + id + "\"");
    if (at == std::string::npos) return {};
    const auto d = svg.find(" d=\"", at);
    if (d == std::string::npos) return {};
    return svg.substr(d + 4, svg.find('"', d + 4) - d - 4);
}

// The vertices of path data "Mx yl dx dy ... z" (regio's form: an absolute
// move, then relative lines, per ring) in tenths of a pixel.
std::vector<std::pair<long long, long long>> path_points(const std::string& d) {
    std::vector<std::pair<long long, long long>> points;
    std::vector<long long> numbers;
    char command = 0;
    long long x = 0, y = 0;
    auto flush = [&] {
        for (std::size_t i = 0; i + 1 < numbers.size(); i += 2) {
            if (command == 'M' && i == 0) {
                x = numbers[0];
                y = numbers[1];
            } else {
                x += numbers[i];
                y += numbers[i + 1];
            }
            points.emplace_back(x, y);
        }
        numbers.clear();
    };
    const char* p = d.c_str();
    while (*p) {
        if (*p == 'M' || *p == 'l' || *p == 'z') {
            flush();
            command = *p++;
        } else if (*p == ' ') {
            ++p;
        } else {
            char* end = nullptr;
            const double v = std::strtod(p, &end);
            if (end == p) {
                FAIL("cannot read path data at: " << p);
            }
            numbers.push_back(std::llround(v * 10));
            p = end;
        }
    }
    flush();
    return points;
}

// ---- tools ----

// sqlite3 query on `db`, one row per line, fields separated by '|', NULL as
// "NULL"; nullopt (with a warning) if sqlite3 is not on PATH.
std::optional<std::string> sqlite(const fs::path& db, const std::string& query) {
    const auto program = find_on_path("sqlite3");
    if (!program) {
        WARN("sqlite3 is not on PATH: skipping this part of the test");
        return std::nullopt;
    }
    const RunResult r = run_program(*program, {"-batch", "-noheader", "-cmd", ".nullvalue NULL", db.string(), query});
    INFO("sqlite3 " << query << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

// "#RRGGBB" -> "r,g,b,255" as QML writes colours.
std::string qml_colour(const std::string& hex) {
    const long v = std::strtol(hex.c_str() + 1, nullptr, 16);
    return std::to_string((v >> 16) & 255) + "," + std::to_string((v >> 8) & 255) + "," + std::to_string(v & 255) + ",255";
}

const Names kYlOrRd{"#FFFFB2", "#FECC5C", "#FD8D3C", "#F03B20", "#BD0026"};
const Names kRdBu{"#CA0020", "#F4A582", "#F7F7F7", "#92C5DE", "#0571B0"};
const Names kRateLabels{"[-12, -6]", "(-6, -0.9]", "(-0.9, 3.8]", "(3.8, 8.2]", "(8.2, 12]"};

// "c0".."c4": the CSS class of the k-th class (built by appending, which
// keeps GCC 12's -Wrestrict false positive on "c" + std::to_string(k) quiet).
std::string class_name(std::size_t k) {
    std::string name = "c";
    name += std::to_string(k);
    return name;
}

// True when the legend has a swatch of class `cls` ("c0".."c4", "nd")
// labelled `label` with the count `n`.
bool has_legend_entry(const std::string& svg, const std::string& cls, const std::string& label, std::size_t n) {
    const auto legend = svg.find("<g id=\"legend\"");
    if (legend == std::string::npos) return false;
    const auto rect = svg.find("<rect class=\"" + cls + "\"", legend);
    if (rect == std::string::npos) return false;
    const std::string line = svg.substr(rect, svg.find('\n', rect) - rect);
    return line.find(">" + label + " <tspan fill=\"#666666\">(" + std::to_string(n) + ")</tspan></text>") != std::string::npos;
}

// The class of the path with data-id `id` ("c0".."c4", "nd").
std::string path_class(const std::string& svg, const std::string& id) {
    const auto at = svg.find("data-id=\"" + id + "\" class=\"");
    if (at == std::string::npos) return {};
    const auto start = at + id.size() + 18;
    return svg.substr(start, svg.find('"', start) - start);
}

}  // namespace

// The well-formedness check used below catches what it is meant to catch.
TEST_CASE("map: the tests' XML well-formedness check", "[cli][map]") {
    std::string why;
    CHECK(well_formed("<?xml version=\"1.0\"?>\n<!DOCTYPE qgis PUBLIC 'a' 'b'>\n<a x=\"1\" y='&amp;'><b/>t &lt; &#233;</a>\n", why));
    CHECK(!well_formed("<a><b></a></b>", why));
    CHECK(!well_formed("<a><script>x</script>", why));
    CHECK(!well_formed("<a>x & y</a>", why));
    CHECK(!well_formed("<a>x < y</a>", why));
    CHECK(!well_formed("<a t=\"<b>\"/>", why));
    CHECK(!well_formed("<a x=1/>", why));
    CHECK(!well_formed("<a x=\"1\" x=\"2\"/>", why));
    CHECK(!well_formed("<a/><b/>", why));
    CHECK(!well_formed("text", why));
}

// ---------------------------------------------------------------------------
// 1. The golden map: byte-identical on every run and equal to the committed
// tests/cli/expected/map_small.svg.
//
// To refresh map_small.svg after an intended change of the SVG, from the
// repository root (the SVG holds no file paths, so the command's directory
// does not matter):
//   build/regio map --layer tests/data/map_regions.geojson --id code --field rate
//     --name name --title "Rate by region" --subtitle "hand-made test map"
//     --source "Source: regio tests & fixtures" -o tests/cli/expected/map_small.svg --overwrite
//   rsvg-convert -o /tmp/map_small.png tests/cli/expected/map_small.svg
// then look at the PNG (six regions, hole in A, island of D, hatched E,
// legend with five classes of one region each plus "no data (1)") and the
// diff before committing.
TEST_CASE("map: golden SVG of the hand-made regions", "[cli][map]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    RunResult r1, r2;
    const std::string svg = run_and_read(map_cmd("rate", out_dir / "a.svg", kGoldenOptions), out_dir / "a.svg", &r1);
    const std::string again = run_and_read(map_cmd("rate", out_dir / "b.svg", kGoldenOptions), out_dir / "b.svg", &r2);
    CHECK(svg == again);
    CHECK(svg == read_file(expected("map_small.svg")));
    CHECK(list_dir(out_dir) == Names{"a.svg", "b.svg"});  // no .regio-* left
    CHECK(r1.err == "map: 6 regions, 5 classes (quantile), 1 without data; " + std::to_string(svg.size()) + " bytes of SVG\n");
    CHECK(r1.err == r2.err);

    check_well_formed(svg, "map_small.svg");
    CHECK_THAT(svg, StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"700\" viewBox=\"0 0 900 700\""));
    CHECK_THAT(svg, EndsWith("</svg>\n"));

    // Text from the data stays text.
    CHECK_THAT(svg, Contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; (B): 1.5</title>"));
    CHECK_THAT(svg, !Contains("<script"));
    CHECK_THAT(svg, !Contains("alert(1)</script>"));
    CHECK_THAT(svg, Contains(">Source: regio tests &amp; fixtures</text>"));
    CHECK_THAT(svg, Contains("<title>Östliche Inseln (D): 7.25</title>"));
    CHECK_THAT(svg, Contains("<title>Leerwiese (E): no data</title>"));
    CHECK_THAT(svg, Contains(">Rate by region</text>"));
    CHECK_THAT(svg, Contains(">hand-made test map</text>"));

    // One path per region, with its id, in input order; classes as planned.
    CHECK(count_of(svg, "<path ") == 6);
    std::size_t last = 0;
    for (const std::string id : {"A", "B", "C", "D", "E", "F"}) {
        CAPTURE(id);
        CHECK(count_of(svg, "data-id=\"" + id + "\"") == 1);
        const auto at = svg.find("<path id=\"r-" + id + "\" data-id=\"" + id + "\"");
        CHECK(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    const std::map<std::string, std::string> classes{{"A", "c1"}, {"B", "c2"}, {"C", "c4"}, {"D", "c3"}, {"E", "nd"}, {"F", "c0"}};
    for (const auto& [id, cls] : classes) {
        CAPTURE(id);
        CHECK(path_class(svg, id) == cls);
    }
    // The hole of A and the island of D are rings of their own path.
    CHECK(count_of(path_d(svg, "A"), "M") == 2);
    CHECK(count_of(path_d(svg, "D"), "M") == 2);
    CHECK_THAT(svg, Contains("fill-rule=\"evenodd\""));

    // Legend: the classes as used, with counts; no data separately.
    CHECK_THAT(svg, Contains("<style>.c0{fill:#FFFFB2}.c1{fill:#FECC5C}.c2{fill:#FD8D3C}.c3{fill:#F03B20}.c4{fill:#BD0026}"));
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK(has_legend_entry(svg, class_name(k), kRateLabels[k], 1));
    }
    CHECK(has_legend_entry(svg, "nd", "no data", 1));
    CHECK_THAT(svg, Contains(">500 m</text>"));  // scale bar: a fifth of the frame is about 800 m

    check_renders(out_dir / "a.svg", tmp);
}

// ---------------------------------------------------------------------------
// 2. Options: a joined table, manual breaks, a style file, simplification,
// an extent.
TEST_CASE("map: values joined from a CSV table", "[cli][map]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    RunResult r;
    const std::string svg = run_and_read(map_cmd("gap", out_dir / "join.svg", {"--data", data("map_table.csv"), "--data-id", "code"}),
                                    out_dir / "join.svg", &r);
    CHECK_THAT(r.err, StartsWith("regio: warning: 1 region has no row in " + data("map_table.csv") + " (shown as no data)\n"
                                 "regio: warning: 1 row of " + data("map_table.csv") + " matches no region\n"
                                 "map: 6 regions, 5 classes (quantile), 1 without data; "));
    check_well_formed(svg, "join.svg");
    // Quantiles of (-11, -6, 0.5, 3, 15): -7, -2.1, 1.5, 5.4, 15.
    const Names labels{"[-11, -7]", "(-7, -2.1]", "(-2.1, 1.5]", "(1.5, 5.4]", "(5.4, 15]"};
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK(has_legend_entry(svg, class_name(k), labels[k], 1));
    }
    CHECK(has_legend_entry(svg, "nd", "no data", 1));
    CHECK_THAT(svg, Contains(">gap</text>"));  // legend title: the field
    CHECK_THAT(svg, Contains("<title>A: -6</title>") && Contains("<title>C: 15</title>") && Contains("<title>E: no data</title>"));
    CHECK(path_class(svg, "F") == "c0");
    CHECK(path_class(svg, "A") == "c1");
    CHECK(path_class(svg, "B") == "c2");
    CHECK(path_class(svg, "D") == "c3");
    CHECK(path_class(svg, "C") == "c4");
    CHECK(path_class(svg, "E") == "nd");
    CHECK_THAT(svg, !Contains("data-id=\"Z\""));
    CHECK(list_dir(out_dir) == Names{"join.svg"});
    check_renders(out_dir / "join.svg", tmp);
}

TEST_CASE("map: manual breaks", "[cli][map]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    RunResult r;
    // Four bounds below the maximum 12: it is appended as the fifth.
    const std::string method = GENERATE(as<std::string>{}, "with --method manual", "implied by --breaks");
    CAPTURE(method);
    Args extra{"--breaks", "-5,0,5,10"};
    if (method == "with --method manual") extra.insert(extra.begin(), {"--method", "manual"});
    const std::string svg = run_and_read(map_cmd("rate", out_dir / "manual.svg", extra), out_dir / "manual.svg", &r);
    CHECK_THAT(r.err, Contains("the last break 10 is below the maximum 12"));
    CHECK_THAT(r.err, EndsWith("map: 6 regions, 5 classes (manual), 1 without data; " + std::to_string(svg.size()) + " bytes of SVG\n"));
    const Names labels{"[-12, -5]", "(-5, 0]", "(0, 5]", "(5, 10]", "(10, 12]"};
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK(has_legend_entry(svg, class_name(k), labels[k], 1));
    }
    // A value on a bound would go to the lower class; here -4.5 is in (-5, 0].
    CHECK(path_class(svg, "A") == "c1");
    CHECK(path_class(svg, "D") == "c3");
    check_well_formed(svg, "manual.svg");
    check_renders(out_dir / "manual.svg", tmp);
}

TEST_CASE("map: diverging style file centred on 0 (styles/gap.toml)", "[cli][map][style]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path style = fs::path(REGIO_TEST_DATA).parent_path().parent_path() / "styles" / "gap.toml";
    REQUIRE(fs::exists(style));
    RunResult r;
    const std::string svg = run_and_read(map_cmd("gap", out_dir / "gap.svg", {"--data", data("map_table.csv"), "--data-id", "code",
                                                                          "--style", style.string()}),
                                    out_dir / "gap.svg", &r);
    CHECK_THAT(r.err, EndsWith("map: 6 regions, 5 classes (manual), 1 without data; " + std::to_string(svg.size()) + " bytes of SVG\n"));
    // Breaks -10, -2, 2, 10, 100: 0 lies in (-2, 2], which gets the neutral
    // middle of RdBu-5; two colours on each side.
    std::string css = "<style>";
    for (std::size_t k = 0; k < 5; ++k) css += ".c" + std::to_string(k) + "{fill:" + kRdBu[k] + "}";
    CHECK_THAT(svg, Contains(css));
    const Names labels{"[-11, -10]", "(-10, -2]", "(-2, 2]", "(2, 10]", "(10, 100]"};
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK(has_legend_entry(svg, class_name(k), labels[k], 1));
    }
    CHECK(has_legend_entry(svg, "nd", "no data", 1));
    CHECK_THAT(svg, !Contains("confidential (suppressed)"));        // no suppressed rows: no such entry
    CHECK_THAT(svg, Contains(">gap (pp)</text>"));                  // its legend_title
    CHECK(path_class(svg, "F") == "c0");  // -11
    CHECK(path_class(svg, "A") == "c1");  // -6
    CHECK(path_class(svg, "B") == "c2");  // 0.5: neutral
    CHECK(path_class(svg, "D") == "c3");  // 3
    CHECK(path_class(svg, "C") == "c4");  // 15

    // Options on the command line add to the style: --reverse flips the scheme.
    const std::string reversed = run_and_read(map_cmd("gap", out_dir / "rev.svg", {"--data", data("map_table.csv"), "--data-id", "code",
                                                                               "--style", style.string(), "--reverse"}),
                                         out_dir / "rev.svg");
    std::string css_rev = "<style>";
    for (std::size_t k = 0; k < 5; ++k) css_rev += ".c" + std::to_string(k) + "{fill:" + kRdBu[4 - k] + "}";
    CHECK_THAT(reversed, Contains(css_rev));
    check_renders(out_dir / "gap.svg", tmp);
}

TEST_CASE("map: --simplify keeps shared borders shared and shrinks the SVG", "[cli][map][simplify]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const std::string full = run_and_read(map_cmd("rate", out_dir / "full.svg"), out_dir / "full.svg");
    const std::string simple = run_and_read(map_cmd("rate", out_dir / "simple.svg", {"--simplify", "2"}), out_dir / "simple.svg");
    const std::string simple2 = run_and_read(map_cmd("rate", out_dir / "simple2.svg", {"--simplify", "2"}), out_dir / "simple2.svg");
    CHECK(simple == simple2);
    CHECK(simple.size() < full.size());
    CHECK(count_of(simple, "<path ") == 6);
    check_well_formed(simple, "simple.svg");

    // The A|B border (A's vertices east of x = 170 px, B's west of 190 px) is
    // the same set of points in both paths, simplified or not; the zigzag's
    // 21 points shrink to a few.
    const auto border = [](const std::string& svg, const std::string& id, bool east) {
        std::set<std::pair<long long, long long>> pts;
        for (const auto& p : path_points(path_d(svg, id)))
            if (east ? p.first > 1700 : p.first < 1900) pts.insert(p);
        return pts;
    };
    const auto full_a = border(full, "A", true), full_b = border(full, "B", false);
    const auto simple_a = border(simple, "A", true), simple_b = border(simple, "B", false);
    CHECK(full_a.size() == 21);
    CHECK(full_a == full_b);
    CHECK(simple_a == simple_b);
    CHECK(simple_a.size() >= 3);  // the ends and at least the farthest point
    CHECK(simple_a.size() < 21);
    // Rings do not collapse: the hole of A and the island of D survive.
    CHECK(count_of(path_d(simple, "A"), "M") == 2);
    CHECK(count_of(path_d(simple, "D"), "M") == 2);
    check_renders(out_dir / "simple.svg", tmp);
}

TEST_CASE("map: --extent frames the map", "[cli][map]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    // A, B and C only: 2000 m square in a 658 x 634 px frame, 0.317 px/m.
    const std::string svg = run_and_read(map_cmd("rate", out_dir / "ext.svg", {"--extent", "4000000,3000000,4002000,3002000"}),
                                    out_dir / "ext.svg");
    const std::string full = run_and_read(map_cmd("rate", out_dir / "full.svg"), out_dir / "full.svg");
    CHECK(svg != full);
    check_well_formed(svg, "ext.svg");
    // A (1000 m) is 317 px wide instead of 164.5.
    const auto a = path_points(path_d(svg, "A"));
    REQUIRE(a.size() > 2);
    CHECK(a[1].first - a[0].first == 3170);
    CHECK_THAT(path_d(full, "A"), StartsWith("M16 497.8l164.5 0 "));
    CHECK_THAT(svg, Contains(">200 m</text>"));
    // The classes do not depend on the frame.
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK(has_legend_entry(svg, class_name(k), kRateLabels[k], 1));
    }
    check_renders(out_dir / "ext.svg", tmp);
}

// ---------------------------------------------------------------------------
// 3. --gpkg: the classes as columns and a default QGIS style.
TEST_CASE("map: --gpkg writes class, fill and a default QGIS style", "[cli][map][gpkg]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    const fs::path gpkg = out_dir / "map_small.gpkg";
    const std::string svg = run_and_read(map_cmd("rate", out_dir / "map.svg", {"--gpkg", gpkg.string()}), out_dir / "map.svg");
    CHECK(list_dir(out_dir) == Names{"map.svg", "map_small.gpkg"});
    // The SVG is the same as without --gpkg.
    CHECK(svg == run_and_read(map_cmd("rate", out_dir / "plain.svg"), out_dir / "plain.svg"));

    if (const auto ogrinfo = find_on_path("ogrinfo")) {
        const RunResult r = run_program(*ogrinfo, {"-so", gpkg.string(), "map_small"});
        INFO("ogrinfo stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("Geometry: Multi Polygon"));
        CHECK_THAT(r.out, Contains("Feature Count: 6"));
        CHECK_THAT(r.out, Contains("code: String"));
        CHECK_THAT(r.out, Contains("rate: Real"));
        CHECK_THAT(r.out, Contains("class: Integer"));
        CHECK_THAT(r.out, Contains("fill: String"));
        CHECK_THAT(r.out, Contains("ID[\"EPSG\",3035]"));
    } else {
        WARN("ogrinfo is not on PATH: not opening the GeoPackage with GDAL");
    }

    const auto rows = sqlite(gpkg, "SELECT code, rate, class, fill FROM map_small ORDER BY fid");
    if (!rows) return;
    CHECK(*rows == "A|-4.5|2|#FECC5C\n"
                   "B|1.5|3|#FD8D3C\n"
                   "C|12.0|5|#BD0026\n"
                   "D|7.25|4|#F03B20\n"
                   "E|NULL|NULL|#D9D9D9\n"
                   "F|-12.0|1|#FFFFB2\n");
    CHECK(sqlite(gpkg, "SELECT count(*), sum(useAsDefault = 1), min(f_table_name), min(f_geometry_column) FROM layer_styles") ==
          "1|1|map_small|geom\n");

    const auto qml = sqlite(gpkg, "SELECT styleQML FROM layer_styles WHERE useAsDefault = 1");
    REQUIRE(qml);
    INFO("QML:\n" << *qml);
    check_well_formed(*qml, "styleQML");
    CHECK_THAT(*qml, Contains("<renderer-v2 type=\"categorizedSymbol\" attr=\"class\""));
    // Every class by its value, label and colour, in order; then no data.
    std::size_t last = 0;
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        const auto at = qml->find("<category value=\"" + std::to_string(k + 1) + "\"");
        CHECK(at != std::string::npos);
        CHECK(at >= last);
        last = at;
        CHECK_THAT(*qml, Contains("label=\"" + kRateLabels[k] + "\""));
        CHECK_THAT(*qml, Contains("value=\"" + qml_colour(kYlOrRd[k]) + "\""));
    }
    CHECK_THAT(*qml, Contains("<category value=\"\"") && Contains("label=\"no data\""));
    CHECK_THAT(*qml, Contains("value=\"217,217,217,255\""));  // #D9D9D9

    const auto sld = sqlite(gpkg, "SELECT styleSLD FROM layer_styles WHERE useAsDefault = 1");
    REQUIRE(sld);
    INFO("SLD:\n" << *sld);
    check_well_formed(*sld, "styleSLD");
    CHECK_THAT(*sld, StartsWith("<?xml"));
    for (std::size_t k = 0; k < 5; ++k) {
        CAPTURE(k);
        CHECK_THAT(*sld, Contains("<se:Name>" + kRateLabels[k] + "</se:Name>"));
        CHECK_THAT(*sld, Contains("<ogc:Literal>" + std::to_string(k + 1) + "</ogc:Literal>"));
        CHECK_THAT(*sld, Contains(">" + kYlOrRd[k] + "<"));
    }
    CHECK_THAT(*sld, Contains("<ogc:PropertyIsNull><ogc:PropertyName>class</ogc:PropertyName></ogc:PropertyIsNull>"));

    // --overwrite replaces both outputs; without it the existing GeoPackage stops the run.
    expect_failure(map_cmd("rate", out_dir / "other.svg", {"--gpkg", gpkg.string()}), 2, "exists", out_dir,
                   Names{"map.svg", "map_small.gpkg", "plain.svg"});
    const RunResult again = run_regio(map_cmd("rate", out_dir / "map.svg", {"--gpkg", gpkg.string(), "--overwrite"}));
    INFO("stderr: " << again.err);
    CHECK(again.exit_code == 0);
    CHECK(list_dir(out_dir) == Names{"map.svg", "map_small.gpkg", "plain.svg"});
}

// ---------------------------------------------------------------------------
// 4. The demo city: addresses aggregated onto districts_2024, then mapped.
namespace {

std::optional<std::string> demo_generator() {
    const fs::path generator = fs::path(REGIO_BINARY).parent_path() / "regio-make-demo";
    if (!fs::exists(generator)) {
        WARN(generator.string() << " is not built (REGIO_BUILD_TOOLS=OFF or target not built): skipping the demo test");
        return std::nullopt;
    }
    return generator.string();
}

}  // namespace

// tests/cli/expected/map_demo.svg comes from the commands below (the
// generator is deterministic by its fixed seed). To refresh it, from the
// repository root:
//   build/regio-make-demo --out /tmp/demo
//   build/regio aggregate points --regions /tmp/demo/districts.gpkg:districts_2024 --id district_id
//     --points /tmp/demo/addresses_2023.csv --points-crs EPSG:3035
//     --weight residents,employed,working_age --by citizenship -o /tmp/demo/t.csv
//   build/regio map --layer /tmp/demo/districts.gpkg:districts_2024 --id district_id --name name
//     --field count --data /tmp/demo/t.csv --data-id district_id --title "Addresses per district"
//     -o tests/cli/expected/map_demo.svg --overwrite
// and check it by eye (rsvg-convert) before committing.
TEST_CASE("map: the demo city's addresses per district", "[cli][map][demo]") {
    const auto generator = demo_generator();
    if (!generator) return;
    TempDir tmp;
    const fs::path demo = tmp.subdir("demo");
    const RunResult g = run_program(*generator, {"--out", demo.string()});
    INFO("regio-make-demo stderr: " << g.err);
    REQUIRE(g.exit_code == 0);
    const std::string gpkg = (demo / "districts.gpkg").string();
    const fs::path table = demo / "t.csv";
    const RunResult a = run_regio({"aggregate", "points", "--regions", gpkg + ":districts_2024", "--id", "district_id", "--points",
                                   (demo / "addresses_2023.csv").string(), "--points-crs", "EPSG:3035", "--weight",
                                   "residents,employed,working_age", "--by", "citizenship", "-o", table.string()});
    INFO("aggregate stderr: " << a.err);
    REQUIRE(a.exit_code == 0);
    CHECK_THAT(a.err, StartsWith("points: 50000 read = 49950 assigned + 30 outside all regions + 20 invalid\n"));

    const fs::path out_dir = tmp.subdir("out");
    const auto cmd = [&](const fs::path& output) {
        return Args{"map", "--layer", gpkg + ":districts_2024", "--id", "district_id", "--name", "name", "--field", "count",
                    "--data", table.string(), "--data-id", "district_id", "--title", "Addresses per district", "-o", output.string()};
    };
    RunResult r;
    const std::string svg = run_and_read(cmd(out_dir / "a.svg"), out_dir / "a.svg", &r);
    // Address counts per district: drawn, with the advice to map a rate instead (choropleth.md §5.1).
    CHECK(r.err == "regio: warning: the values of 'count' are whole numbers up to the thousands: if they are counts, map a rate, "
                   "share or density instead (areas of different size distort counts)\n"
                   "map: 21 regions, 5 classes (quantile), 0 without data; " + std::to_string(svg.size()) + " bytes of SVG\n");
    CHECK(svg == run_and_read(cmd(out_dir / "b.svg"), out_dir / "b.svg"));
    CHECK(svg == read_file(expected("map_demo.svg")));
    check_well_formed(svg, "demo map");
    CHECK(count_of(svg, "<path ") == 21);
    CHECK_THAT(svg, !Contains("class=\"nd\""));
    // Legend counts: 21 districts in all.
    std::size_t total = 0;
    for (auto pos = svg.find("<tspan fill=\"#666666\">("); pos != std::string::npos;
         pos = svg.find("<tspan fill=\"#666666\">(", pos + 1))
        total += std::stoul(svg.substr(pos + 23));
    CHECK(total == 21);
    check_renders(out_dir / "a.svg", tmp);
}

// ---------------------------------------------------------------------------
// 5. regio classify on the spec's worked example (choropleth.md §3):
// y = 1, 2, 3, 5, 8, 13, 21, 34, 55, 89.
TEST_CASE("classify: the spec's worked example", "[cli][classify]") {
    TempDir tmp;
    const fs::path out_dir = tmp.subdir("out");
    struct Case {
        std::string method, k, name;
        Names labels;
    };
    const Case c = GENERATE(Case{"quantile", "4", "classify_quantile4", {"[1, 3.5]", "(3.5, 10.5]", "(10.5, 30.75]", "(30.75, 89]"}},
                            Case{"fisher-jenks", "3", "classify_fj3", {"[1, 21]", "(21, 55]", "(55, 89]"}});
    CAPTURE(c.method, c.k);
    const Args base{"classify", "--data", data("classify_fib.csv"), "--field", "y", "--method", c.method, "--classes", c.k};

    // JSON on stdout.
    const RunResult r = run_regio(base);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_file(expected(c.name + ".json")));
    if (c.method == "quantile") {
        CHECK_THAT(r.out, Contains("\"bins\": [\n    3.5,\n    10.5,\n    30.75,\n    89.0\n  ]"));
        CHECK_THAT(r.out, Contains("\"counts\": [\n    3,\n    2,\n    2,\n    3\n  ]"));
    } else {
        CHECK_THAT(r.out, Contains("\"bins\": [\n    21.0,\n    55.0,\n    89.0\n  ]"));
        CHECK_THAT(r.out, Contains("\"counts\": [\n    7,\n    2,\n    1\n  ]"));
        // GVF = 1 - 532.2143 / 7478.9 (the spec's SSD over the total sum of squares).
        const auto gvf = r.out.find("\"gvf\": ");
        REQUIRE(gvf != std::string::npos);
        CHECK(std::stod(r.out.substr(gvf + 7)) == Approx(1 - 532.2142857142857 / 7478.9).epsilon(1e-12));
    }
    CHECK_THAT(r.out, Contains("\"k\": " + c.k + ",\n  \"requested_k\": " + c.k + ","));
    for (const auto& label : c.labels) CHECK_THAT(r.out, Contains("\"" + label + "\""));

    // -o BREAKS.csv and -o BREAKS.json.
    const RunResult csv = run_regio([&] { Args a = base; a.insert(a.end(), {"-o", (out_dir / "breaks.csv").string()}); return a; }());
    INFO("stderr: " << csv.err);
    CHECK(csv.exit_code == 0);
    CHECK(csv.out.empty());
    CHECK(read_file(out_dir / "breaks.csv") == read_file(expected(c.name + ".csv")));
    const RunResult json = run_regio([&] { Args a = base; a.insert(a.end(), {"-o", (out_dir / "breaks.json").string()}); return a; }());
    CHECK(json.exit_code == 0);
    CHECK(json.out.empty());
    CHECK(read_file(out_dir / "breaks.json") == r.out);
    CHECK(list_dir(out_dir) == Names{"breaks.csv", "breaks.json"});

    // Bad inputs: nothing written.
    const fs::path bad = tmp.subdir("bad");
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "y", "--method", "nope"}, 2,
                   "unknown classification method 'nope'", bad);
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "y", "-o", (bad / "breaks.txt").string()}, 2,
                   "write breaks as .json or .csv", bad);
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "nope"}, 1, "no column 'nope'", bad);
    expect_failure({"classify", "--data", data("classify_fib.csv"), "--field", "y", "-o", (out_dir / "breaks.csv").string()}, 2,
                   "exists", out_dir, Names{"breaks.csv", "breaks.json"});
}

// ---------------------------------------------------------------------------
// 6. Bad inputs: the right exit code and message, nothing left behind.
TEST_CASE("map: bad inputs", "[cli][map][errors]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const fs::path svg = out / "map.svg";

    SECTION("unknown palette: usage error listing the palettes") {
        const auto r = expect_failure(map_cmd("rate", svg, {"--palette", "Nope"}), 2, "unknown palette 'Nope'", out);
        CHECK_THAT(r.err, Contains("available palettes: Blues, Greens,"));
        CHECK_THAT(r.err, Contains("viridis, magma, inferno, plasma, cividis"));
    }
    SECTION("number of classes the palette does not have") {
        const auto r = expect_failure(map_cmd("rate", svg, {"--palette", "Blues", "--classes", "10"}), 2,
                                      "palette 'Blues' has no 10-class colours", out);
        CHECK_THAT(r.err, Contains("valid numbers of classes: 3, 4, 5, 6, 7, 8, 9"));
        expect_failure(map_cmd("rate", svg, {"--palette", "Set2", "--classes", "9"}), 2, "palette 'Set2' has no 9-class colours", out);
    }
    SECTION("a sequential palette cannot be centred") {
        expect_failure(map_cmd("rate", svg, {"--palette", "YlOrRd", "--center", "0"}), 2, "is not diverging", out);
    }
    SECTION("unknown method") {
        const auto r = expect_failure(map_cmd("rate", svg, {"--method", "foo"}), 2, "unknown classification method 'foo'", out);
        CHECK_THAT(r.err, Contains("fisher-jenks"));
    }
    SECTION("manual breaks not ascending") {
        expect_failure(map_cmd("rate", svg, {"--breaks", "5,0,10"}), 2, "breaks must be ascending", out);
    }
    SECTION("output not .svg, --gpkg not .gpkg") {
        expect_failure(map_cmd("rate", out / "map.png"), 2, "name it .svg", out);
        expect_failure(map_cmd("rate", svg, {"--gpkg", (out / "map.shp").string()}), 2, "--gpkg must name a .gpkg file", out);
    }
    SECTION("missing field, missing id field, text field, missing column of --data") {
        expect_failure(map_cmd("nope", svg), 1, "field 'nope': no such field (fields: code, name, rate)", out);
        expect_failure(map_cmd("name", svg), 1, "is not a number", out);
        expect_failure({"map", "--layer", data("map_regions.geojson"), "--id", "nope", "--field", "rate", "-o", svg.string()}, 1,
                       "field 'nope'", out);
        expect_failure(map_cmd("gap2", svg, {"--data", data("map_table.csv"), "--data-id", "code"}), 1, "no column 'gap2'", out);
        expect_failure(map_cmd("gap", svg, {"--data", data("map_table.csv"), "--data-id", "nope"}), 1, "no column 'nope'", out);
        expect_failure(map_cmd("gap", svg, {"--data", data("map_table.csv")}), 2, "--data needs --data-id", out);
    }
    SECTION("bad style files name the file and the key") {
        auto r = expect_failure(map_cmd("rate", svg, {"--style", data("map_style_bad_key.toml")}), 1, "unknown key 'border_colour'", out);
        CHECK_THAT(r.err, Contains("map_style_bad_key.toml: line 3"));
        r = expect_failure(map_cmd("rate", svg, {"--style", data("map_style_bad_type.toml")}), 1,
                           "'classes' must be an integer from 1 to 20", out);
        CHECK_THAT(r.err, Contains("map_style_bad_type.toml"));
        r = expect_failure(map_cmd("rate", svg, {"--style", data("map_style_bad_colour.toml")}), 1, "'grey' is not a colour", out);
        CHECK_THAT(r.err, Contains("map_style_bad_colour.toml"));
        expect_failure(map_cmd("rate", svg, {"--style", data("no_such_style.toml")}), 1, "no such style file", out);
    }
    SECTION("--extent with 3 numbers or an empty box") {
        expect_failure(map_cmd("rate", svg, {"--extent", "4000000,3000000,4002000"}), 2, "--extent takes xmin,ymin,xmax,ymax", out);
        expect_failure(map_cmd("rate", svg, {"--extent", "4002000,3000000,4000000,3002000"}), 2, "--extent takes xmin,ymin,xmax,ymax",
                       out);
    }
    SECTION("existing outputs without --overwrite") {
        write_file(svg, "old");
        const auto r = expect_failure(map_cmd("rate", svg), 2, "exists", out, Names{"map.svg"});
        CHECK_THAT(r.err, Contains("--overwrite"));
        CHECK(read_file(svg) == "old");
        // An existing --gpkg stops the run before the SVG is written.
        write_file(out / "map.gpkg", "old");
        expect_failure(map_cmd("rate", out / "new.svg", {"--gpkg", (out / "map.gpkg").string()}), 2, "exists", out,
                       Names{"map.gpkg", "map.svg"});
        CHECK(read_file(out / "map.gpkg") == "old");
    }
}

// ---------------------------------------------------------------------------
// 7. Known problems of the binary at the time of writing (see the report of
// the session that added this file). [!mayfail]: reported, not fatal; drop
// the tag once they are fixed.
TEST_CASE("map: problems found in review stay fixed", "[cli][map]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");

    SECTION("--extent clips the regions to the frame (nothing drawn over the legend)") {
        const std::string svg = run_and_read(map_cmd("rate", out / "ext.svg", {"--extent", "4000000,3000000,4002000,3002000"}),
                                        out / "ext.svg");
        // The frame ends at x = 900 - 16 - 210 = 674 px; D, E, F lie east of the extent.
        const bool clipped = svg.find("clip-path") != std::string::npos;
        long long max_x = 0;
        for (const std::string id : {"A", "B", "C", "D", "E", "F"})
            for (const auto& p : path_points(path_d(svg, id))) max_x = std::max(max_x, p.first);
        INFO("rightmost vertex at x = " << static_cast<double>(max_x) / 10 << " px");
        CHECK((clipped || max_x <= 6740));
    }
    SECTION("a failing --gpkg leaves no SVG behind (value column named 'class')") {
        const RunResult r = run_regio(map_cmd("class", out / "map.svg", {"--data", data("map_class_column.csv"), "--data-id", "code",
                                                                          "--gpkg", (out / "map.gpkg").string()}));
        INFO("stderr: " << r.err);
        // Either refused up front (usage error) or written under another name; never half done.
        if (r.exit_code != 0) CHECK(list_dir(out).empty());
        CHECK(r.exit_code != 1);
    }
    SECTION("a bad colour in a style file names its key") {
        const RunResult r = run_regio(map_cmd("rate", out / "map.svg", {"--style", data("map_style_bad_colour.toml")}));
        INFO("stderr: " << r.err);
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Contains("nodata_color"));
    }
    SECTION("a negative --width is refused") {
        const RunResult r = run_regio(map_cmd("rate", out / "map.svg", {"--width", "-50"}));
        INFO("stderr: " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(list_dir(out).empty());
    }
    SECTION("the SLD uses the style's no-data label, as the QML does") {
        const fs::path style = fs::path(REGIO_TEST_DATA).parent_path().parent_path() / "styles" / "gap.toml";
        const fs::path gpkg = out / "gap.gpkg";
        run_and_read(map_cmd("gap", out / "gap.svg", {"--data", data("map_table.csv"), "--data-id", "code", "--style", style.string(),
                                                 "--gpkg", gpkg.string()}),
                out / "gap.svg");
        if (const auto sld = sqlite(gpkg, "SELECT styleSLD FROM layer_styles")) {
            CHECK_THAT(*sld, Contains("<se:Name>no data</se:Name>"));
        }
    }
    SECTION("GDAL reads layer_styles.update_time without a warning") {
        const fs::path gpkg = out / "m.gpkg";
        run_and_read(map_cmd("rate", out / "m.svg", {"--gpkg", gpkg.string()}), out / "m.svg");
        if (const auto ogrinfo = find_on_path("ogrinfo")) {
            const RunResult r = run_program(*ogrinfo, {"-q", "-al", gpkg.string(), "layer_styles"});
            INFO("ogrinfo stderr: " << r.err);
            CHECK(r.exit_code == 0);
            CHECK_THAT(r.err, !Contains("Non-conformant"));
        }
    }
}

// ---------------------------------------------------------------------------
// Suppressed values (choropleth.md §5.2): map_flags.csv is regio indicators'
// tidy output for map_regions.geojson. employment_rate, group non_eu: A 62.5,
// C 70, F 48 ok; B and D suppressed (confidential); no row for E (no data).
// Group national: C an empty value flagged zero_denominator (no data), F
// suppressed, the others ok.
TEST_CASE("map: suppressed values are confidential, apart from no data", "[cli][map][confidential]") {
    TempDir tmp;
    const fs::path out = tmp.subdir("out");
    const Args flags{"--name", "name", "--data", data("map_flags.csv"), "--data-id", "region", "--where", "indicator=employment_rate"};
    auto with = [&](Args extra) {
        extra.insert(extra.begin(), flags.begin(), flags.end());
        return extra;
    };

    SECTION("one map, with its GeoPackage") {
        const fs::path gpkg = out / "flags.gpkg";
        RunResult r;
        const std::string svg = run_and_read(map_cmd("value", out / "m.svg", with({"--where", "group=non_eu", "--classes", "3", "--gpkg",
                                                                                   gpkg.string()})),
                                             out / "m.svg", &r);
        CHECK_THAT(r.err, Contains("map: 6 regions, 3 classes (quantile), 1 without data, 2 confidential; "));
        check_well_formed(svg, "flags map");
        // Legend: three classes of one, then no data (E), then confidential (B, D).
        for (std::size_t k = 0; k < 3; ++k) CHECK(has_legend_entry(svg, class_name(k), Names{"[48, 57.667]", "(57.667, 65]", "(65, 70]"}[k], 1));
        CHECK(has_legend_entry(svg, "nd", "no data", 1));
        CHECK(has_legend_entry(svg, "cf", "confidential", 2));
        CHECK(svg.find("<rect class=\"nd\"") < svg.find("<rect class=\"cf\""));
        CHECK_THAT(svg, Contains(".nd{fill:url(#nodata)}.cf{fill:url(#confidential)}</style>"));
        CHECK_THAT(svg, Contains("<pattern id=\"confidential\""));
        const std::map<std::string, std::string> classes{{"A", "c1"}, {"B", "cf"}, {"C", "c2"}, {"D", "cf"}, {"E", "nd"}, {"F", "c0"}};
        for (const auto& [id, cls] : classes) {
            CAPTURE(id);
            CHECK(path_class(svg, id) == cls);
        }
        // Tooltips say confidential, escaped as all text from the data.
        CHECK_THAT(svg, Contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; (B): confidential</title>"));
        CHECK_THAT(svg, Contains("<title>Östliche Inseln (D): confidential</title>"));
        CHECK_THAT(svg, Contains("<title>Leerwiese (E): no data</title>"));
        check_renders(out / "m.svg", tmp);

        const auto rows = sqlite(gpkg, "SELECT code, value, class, fill FROM flags ORDER BY fid");
        if (!rows) return;
        CHECK(*rows == "A|62.5|2|#FEB24C\n"
                       "B|NULL|NULL|#BDBDBD\n"
                       "C|70.0|3|#F03B20\n"
                       "D|NULL|NULL|#BDBDBD\n"
                       "E|NULL|NULL|#D9D9D9\n"
                       "F|48.0|1|#FFEDA0\n");
        const auto qml = sqlite(gpkg, "SELECT styleQML FROM layer_styles");
        REQUIRE(qml);
        check_well_formed(*qml, "styleQML");
        CHECK_THAT(*qml, Contains("<category value=\"-1\" symbol=\"4\" label=\"confidential\""));
        CHECK_THAT(*qml, Contains("<category value=\"\" symbol=\"3\" label=\"no data\""));
        CHECK_THAT(*qml, Contains("value=\"" + qml_colour("#BDBDBD") + "\""));
        CHECK_THAT(*qml, Contains("&quot;fill&quot; = &apos;#BDBDBD&apos; THEN -1"));
        const auto sld = sqlite(gpkg, "SELECT styleSLD FROM layer_styles");
        REQUIRE(sld);
        check_well_formed(*sld, "styleSLD");
        CHECK_THAT(*sld, Contains("<se:Name>confidential</se:Name>"));
    }
    SECTION("small multiples: per panel, counted over all panels") {
        const fs::path gpkg = out / "f.gpkg";
        const std::string svg =
            run_and_read(map_cmd("value", out / "f.svg", with({"--facet", "group", "--gpkg", gpkg.string()})), out / "f.svg");
        check_well_formed(svg, "faceted flags map");
        CHECK(has_legend_entry(svg, "nd", "no data", 2));            // C national (zero_denominator), E non_eu (no row)
        CHECK(has_legend_entry(svg, "cf", "confidential", 3));       // F national, B and D non_eu
        auto element_class = [&](const std::string& element) {
            const auto at = svg.find("<path id=\"" + element + "\"");
            if (at == std::string::npos) return std::string("(none)");
            const auto cls = svg.find("class=\"", at) + 7;
            return svg.substr(cls, svg.find('"', cls) - cls);
        };
        // Panel 1 is national, panel 2 non_eu (natural order).
        CHECK(element_class("p1-r-B") == "c3");
        CHECK(element_class("p1-r-C") == "nd");
        CHECK(element_class("p1-r-F") == "cf");
        CHECK(element_class("p2-r-B") == "cf");
        CHECK(element_class("p2-r-D") == "cf");
        CHECK(element_class("p2-r-E") == "nd");
        CHECK(element_class("p2-r-F") == "c0");
        CHECK(count_of(svg, ": confidential</title>") == 3);
        if (const auto rows = sqlite(gpkg, "SELECT code, class, fill FROM f_national WHERE code IN ('C', 'F') ORDER BY fid"))
            CHECK(*rows == "C|NULL|#D9D9D9\nF|NULL|#BDBDBD\n");
        CHECK(sqlite(gpkg, "SELECT count(*) FROM layer_styles WHERE styleQML LIKE '%label=\"confidential\"%'").value_or("2\n") == "2\n");
    }
    SECTION("--flag-column, Eurostat's c, and the style's colour and label") {
        write_file(out / "status.csv", "code,gap,status\nA,-6,ok\nB,0.5,c\nC,15,\nD,3,u\nF,-11,ok\n");
        write_file(out / "s.toml", "confidential_color = \"#FFFFFF\"\nconfidential_label = \"vertraulich & geheim\"\n");
        const fs::path gpkg = out / "s.gpkg";
        const std::string svg =
            run_and_read(map_cmd("gap", out / "s.svg", {"--data", (out / "status.csv").string(), "--data-id", "code", "--flag-column",
                                                        "status", "--classes", "4", "--style", (out / "s.toml").string(), "--gpkg",
                                                        gpkg.string()}),
                         out / "s.svg");
        check_well_formed(svg, "--flag-column map");
        CHECK(has_legend_entry(svg, "cf", "vertraulich &amp; geheim", 1));
        CHECK(has_legend_entry(svg, "nd", "no data", 1));
        CHECK(path_class(svg, "B") == "cf");
        CHECK(path_class(svg, "D") != "cf");  // u: low reliability, still published
        CHECK_THAT(svg, Contains("<title>B: vertraulich &amp; geheim</title>"));
        CHECK_THAT(svg, Contains("<rect width=\"6\" height=\"6\" fill=\"#FFFFFF\"/><path d=\"M3 0V6M0 3H6\""));
        if (const auto rows = sqlite(gpkg, "SELECT fill FROM s WHERE code = 'B'")) CHECK(*rows == "#FFFFFF\n");
    }
    SECTION("a table whose flags suppress nothing gives the same SVG as without a flag column") {
        write_file(out / "ok.csv", "code,gap,note,flag\nA,-6,old town,ok\nB,0.5,,ok\nC,15,\"north, field\",ok\nD,3,,ok\nF,-11,,ok\n"
                                   "Z,99,not a region,ok\n");
        const Args golden = {"--name", "name", "--title", "Gap"};
        auto args = [&](const fs::path& table, const std::string& name) {
            Args a = golden;
            a.insert(a.end(), {"--data", table.string(), "--data-id", "code"});
            return map_cmd("gap", out / name, a);
        };
        const std::string plain = run_and_read(args(data("map_table.csv"), "plain.svg"), out / "plain.svg");
        CHECK(run_and_read(args(out / "ok.csv", "ok.svg"), out / "ok.svg") == plain);
        CHECK_THAT(plain, !Contains("confidential"));
    }
    SECTION("mistakes") {
        const fs::path bad = tmp.subdir("bad");
        expect_failure(map_cmd("value", bad / "m.svg", with({"--flag-column", "nope"})), 1, "no column 'nope'", bad);
        expect_failure(map_cmd("rate", bad / "m.svg", {"--flag-column", "flag"}), 2, "--flag-column names a column of --data", bad);
        write_file(out / "same.toml", "nodata_color = \"#bdbdbd\"\n");
        expect_failure(map_cmd("value", bad / "m.svg", with({"--style", (out / "same.toml").string()})), 1,
                       "confidential_color and nodata_color must differ", bad);
    }
}
