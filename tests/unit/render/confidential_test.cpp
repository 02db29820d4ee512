// Suppressed values (choropleth.md §5.2): flagged rows are "confidential",
// apart from "no data", in the join, the plan, the SVG legend and the QGIS
// styles; without flags everything is as before.
#include "regio/render/choropleth_plan.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/render/facets.hpp"
#include "regio/render/qgis_style.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace confidential_test {

using namespace regio;
using render::TidyRow;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

geometry::MultiPolygon box(double x0, double y0, double x1, double y1) {
    using geometry::Polygon;
    using geometry::Ring;
    return {{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

}  // namespace

TEST_CASE("confidential: which flags mark a suppressed value") {
    CHECK(render::is_confidential_flag("suppressed"));  // regio indicators, primary and secondary suppression
    CHECK(render::is_confidential_flag("c"));           // Eurostat
    CHECK(render::is_confidential_flag("confidential"));
    CHECK(render::is_confidential_flag(" suppressed "));
    for (const char* other : {"", "ok", "no_data", "zero_denominator", "u", ":", "Suppressed-ish"}) {
        INFO(other);
        CHECK(!render::is_confidential_flag(other));
    }
}

TEST_CASE("confidential: the join marks flagged rows and drops their values") {
    const std::vector<std::string> regions{"A", "B", "C", "D"};
    // B suppressed (a value that must not leak), C an empty value without a flag, no row for D.
    std::vector<TidyRow> rows{{"A", "", 1, 2}, {"B", "", 99, 3, true}, {"C", "", kNaN, 4}};
    const auto panels = render::join_panels(regions, rows, {"t.csv", "code", ""});
    REQUIRE(panels.values.size() == 1);
    CHECK(panels.values[0][0] == 1);
    CHECK(std::isnan(panels.values[0][1]));
    CHECK(!panels.is_confidential(0, 0));
    CHECK(panels.is_confidential(0, 1));
    CHECK(!panels.is_confidential(0, 2));
    CHECK(!panels.is_confidential(0, 3));
    CHECK(!panels.is_confidential(1, 1));  // out of range: not confidential
    CHECK(panels.missing == 1);            // only D has no row
}

TEST_CASE("confidential: the plan counts confidential apart from no data, over all panels") {
    // Panel 1: 1, 2, confidential (value ignored), no data; panel 2: 3, 5, no data, confidential.
    const std::vector<std::vector<double>> values{{1, 2, 1000, kNaN}, {3, 5, kNaN, kNaN}};
    const std::vector<std::vector<char>> confidential{{0, 0, 1, 0}, {0, 0, 0, 1}};
    render::ClassSpec spec;
    spec.k = 3;
    const auto plan = render::plan_panels(values, spec, confidential);
    CHECK(plan.nodata == 2);
    CHECK(plan.confidential == 2);
    CHECK(plan.region_class == std::vector<int>{0, 0, render::kConfidentialClass, render::kNoDataClass, 1, 2, render::kNoDataClass,
                                                render::kConfidentialClass});
    CHECK(plan.classes.counts == std::vector<std::size_t>{2, 1, 1});  // 1000 is not classified
    CHECK(plan.classes.bins.back() == 5);

    SECTION("without a mask the same values are classified as before") {
        const auto plain = render::plan_panels({{1, 2, kNaN, kNaN}, {3, 5, kNaN, kNaN}}, spec);
        CHECK(plain.confidential == 0);
        CHECK(plain.nodata == 4);
        CHECK(plain.classes.bins == plan.classes.bins);
    }
}

TEST_CASE("confidential: SVG legend entry after no data, class cf, tooltip without the value") {
    const auto a = box(0, 0, 10, 10), b = box(10, 0, 20, 10), c = box(20, 0, 30, 10), d = box(30, 0, 40, 10);
    const std::vector<render::LegendClass> classes{{"[1, 2]", "#FFFFB2", 1}};
    render::MapStyle style;
    style.confidential_label = "vertraulich <c>";
    auto panel = [&](int klass_b, int klass_d = render::kConfidentialClass) {
        return render::MapPanel{{}, {{"A", "", &a, 1.5, 0}, {"B", "Bee", &b, 7.0, klass_b}, {"C", "", &c, std::nullopt, -1},
                                     {"D", "", &d, std::nullopt, klass_d}}};
    };
    const auto svg = render::draw_map({panel(render::kConfidentialClass), panel(0)}, classes, 2, style, {}, {}).svg;
    CHECK(svg == render::draw_map({panel(render::kConfidentialClass), panel(0)}, classes, 2, style, {}, {}).svg);
    CHECK(count_of(svg, "class=\"cf\" d=") == 3);  // B in panel 1, D in both
    CHECK(count_of(svg, "<title>Bee (B): vertraulich &lt;c&gt;</title>") == 1);  // the value 7 is not shown
    CHECK(count_of(svg, "<title>Bee (B): 7</title>") == 1);                      // panel 2
    CHECK(count_of(svg, "<title>C: no data</title>") == 2);
    CHECK_THAT(svg, Catch::Contains(".cf{fill:url(#confidential)}"));
    CHECK_THAT(svg, Catch::Contains("<pattern id=\"confidential\""));
    const auto nd = svg.find(">no data <tspan fill=\"#666666\">(2)</tspan>");
    const auto cf = svg.find(">vertraulich &lt;c&gt; <tspan fill=\"#666666\">(3)</tspan>");
    REQUIRE(nd != std::string::npos);
    REQUIRE(cf != std::string::npos);
    CHECK(nd < cf);

    SECTION("without confidential regions nothing of it is written") {
        const auto plain = render::draw_map({panel(0, -1)}, classes, 2, style, {}, {}).svg;
        CHECK(plain.find("cf") == std::string::npos);
        CHECK(plain.find("confidential") == std::string::npos);
    }
}

TEST_CASE("confidential: QML category and SLD rules told apart by fill") {
    const std::vector<render::StyleClass> classes{{1, "[1, 2]", "#FFFFB2"}, {2, "(2, 3]", "#BD0026"}};
    const std::string qml_plain = render::qml_style(classes, "#D9D9D9", "no data", "#FFFFFF");
    const std::string sld_plain = render::sld_style("m", classes, "#D9D9D9", "no data", "#FFFFFF");
    CHECK(render::qml_style(classes, "#D9D9D9", "no data", "#FFFFFF", std::nullopt) == qml_plain);
    CHECK_THAT(qml_plain, Catch::Contains("attr=\"class\""));
    CHECK(qml_plain.find("-1") == std::string::npos);

    const render::ConfidentialStyle cf{"#BDBDBD", "confidential & c"};
    const std::string qml = render::qml_style(classes, "#D9D9D9", "no data", "#FFFFFF", cf);
    CHECK_THAT(qml, Catch::Contains("attr=\"CASE WHEN &quot;class&quot; IS NULL AND &quot;fill&quot; = &apos;#BDBDBD&apos; THEN -1 "
                                    "ELSE &quot;class&quot; END\""));
    CHECK_THAT(qml, Catch::Contains("<category value=\"-1\" symbol=\"3\" label=\"confidential &amp; c\" render=\"true\"/>"));
    CHECK_THAT(qml, Catch::Contains("<category value=\"\" symbol=\"2\" label=\"no data\""));
    CHECK(count_of(qml, "value=\"diagonal_x\"") == 1);
    CHECK(count_of(qml, "value=\"b_diagonal\"") == 1);

    const std::string sld = render::sld_style("m", classes, "#D9D9D9", "no data", "#FFFFFF", cf);
    CHECK(count_of(sld, "<se:Rule>") == 4);
    CHECK_THAT(sld, Catch::Contains("<se:Name>confidential &amp; c</se:Name><ogc:Filter><ogc:And><ogc:PropertyIsNull>"));
    CHECK_THAT(sld, Catch::Contains("<ogc:PropertyIsNotEqualTo><ogc:PropertyName>fill</ogc:PropertyName><ogc:Literal>#BDBDBD"));
    CHECK(count_of(sld_plain, "<se:Rule>") == 3);
}

}  // namespace confidential_test
