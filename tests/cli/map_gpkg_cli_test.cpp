// End-to-end tests of `regio map --gpkg`: class and fill columns, the default
// QGIS style (QML and SLD in layer_styles).
// The fixtures and what they hold: map_cli_fixtures.hpp.
#include "map_cli_fixtures.hpp"

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_gpkg_cli_test {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using namespace regio_test;
using namespace regio_test::map_cli;

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

}  // namespace map_gpkg_cli_test
