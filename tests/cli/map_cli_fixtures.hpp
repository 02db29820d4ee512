#pragma once
// Fixtures and helpers of the end-to-end tests of `regio map` and `regio classify`: the binary on the
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
#include <optional>
#include <string>
#include <vector>

namespace regio_test::map_cli {


using Args = std::vector<std::string>;
using Names = std::vector<std::string>;

// regio map on map_regions.geojson (id code), writing `output`.
inline Args map_cmd(const std::string& field, const fs::path& output, const Args& extra = {}) {
    Args args{"map", "--layer", data("map_regions.geojson"), "--id", "code", "--field", field, "-o", output.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The options of the golden map (tests/cli/expected/map_small.svg).
inline const Args kGoldenOptions{"--name", "name", "--title", "Rate by region", "--subtitle", "hand-made test map",
                          "--source", "Source: regio tests & fixtures"};

// ---- SVG paths ----

// The d attribute of the path with data-id `id` ("" if none).
inline std::string path_d(const std::string& svg, const std::string& id) {
    const auto at = svg.find("data-id=\"" + id + "\"");
    if (at == std::string::npos) return {};
    const auto d = svg.find(" d=\"", at);
    if (d == std::string::npos) return {};
    return svg.substr(d + 4, svg.find('"', d + 4) - d - 4);
}

// The vertices of path data "Mx yl dx dy ... z" (regio's form: an absolute
// move, then relative lines, per ring) in tenths of a pixel.
inline std::vector<std::pair<long long, long long>> path_points(const std::string& d) {
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
inline std::optional<std::string> sqlite(const fs::path& db, const std::string& query) {
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
inline std::string qml_colour(const std::string& hex) {
    const long v = std::strtol(hex.c_str() + 1, nullptr, 16);
    return std::to_string((v >> 16) & 255) + "," + std::to_string((v >> 8) & 255) + "," + std::to_string(v & 255) + ",255";
}

inline const Names kYlOrRd{"#FFFFB2", "#FECC5C", "#FD8D3C", "#F03B20", "#BD0026"};
inline const Names kRdBu{"#CA0020", "#F4A582", "#F7F7F7", "#92C5DE", "#0571B0"};

// The CSS a class gets besides its fill: a grey border on the near-white
// classes (#FFFFB2, #F7F7F7), where the white border would vanish.
inline std::string light_border(const std::string& fill) {
    return fill == "#FFFFB2" || fill == "#F7F7F7" ? ";stroke:#A6A6A6" : "";
}
inline const Names kRateLabels{"[-12, -6]", "(-6, -0.9]", "(-0.9, 3.8]", "(3.8, 8.2]", "(8.2, 12]"};

// "c0".."c4": the CSS class of the k-th class (built by appending, which
// keeps GCC 12's -Wrestrict false positive on "c" + std::to_string(k) quiet).
inline std::string class_name(std::size_t k) {
    std::string name = "c";
    name += std::to_string(k);
    return name;
}

// True when the legend has a swatch of class `cls` ("c0".."c4", "nd")
// labelled `label` with the count `n`.
inline bool has_legend_entry(const std::string& svg, const std::string& cls, const std::string& label, std::size_t n) {
    const auto legend = svg.find("<g id=\"legend\"");
    if (legend == std::string::npos) return false;
    const auto rect = svg.find("<rect class=\"" + cls + "\"", legend);
    if (rect == std::string::npos) return false;
    const std::string line = svg.substr(rect, svg.find('\n', rect) - rect);
    return line.find(">" + label + " <tspan fill=\"#666666\">(" + std::to_string(n) + ")</tspan></text>") != std::string::npos;
}

// The class of the path with data-id `id` ("c0".."c4", "nd").
inline std::string path_class(const std::string& svg, const std::string& id) {
    const auto at = svg.find("data-id=\"" + id + "\" class=\"");
    if (at == std::string::npos) return {};
    const auto start = at + id.size() + 18;
    return svg.substr(start, svg.find('"', start) - start);
}


}  // namespace regio_test::map_cli
