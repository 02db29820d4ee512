// End-to-end tests of confidential (suppressed) values on maps: their own fill,
// legend entry, tooltip and GeoPackage category.
// The fixtures and what they hold: map_cli_fixtures.hpp.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_confidential_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::map_cli;

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

}  // namespace map_confidential_cli_test
