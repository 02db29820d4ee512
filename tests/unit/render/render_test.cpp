#include "regio/render/choropleth_svg.hpp"
#include "regio/render/simplify.hpp"
#include "regio/render/svg_path.hpp"
#include "regio/render/svg_text.hpp"

#include "regio/geometry/geos_context.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace render_test {

using namespace regio;
using geometry::MultiPolygon;
using geometry::Polygon;
using geometry::Ring;

namespace {

MultiPolygon box(double x0, double y0, double x1, double y1) {
    return {{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

// Two regions sharing a long wiggly border, plus an island and an enclave.
std::vector<MultiPolygon> wiggly_pair() {
    Ring border;
    for (int i = 0; i <= 100; ++i) border.push_back({50 + 3 * std::sin(i * 0.7) + 0.2 * std::sin(i * 5.1), i * 1.0});
    Ring left{{0, 0}}, right;
    for (const auto& p : border) left.push_back(p);
    left.push_back({0, 100});
    left.push_back({0, 0});
    right.push_back({100, 0});
    right.push_back({100, 100});
    for (auto it = border.rbegin(); it != border.rend(); ++it) right.push_back(*it);
    right.push_back({100, 0});
    return {{{Polygon{{left}}}}, {{Polygon{{right}}}}};
}

}  // namespace

TEST_CASE("svg: text from data is escaped") {
    CHECK(render::xml_escape("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;");
    CHECK(render::xml_escape("a\x01" "b") == "a b");
}

TEST_CASE("svg: numbers are fixed, short and never -0") {
    CHECK(render::format_fixed(12.0, 1) == "12");
    CHECK(render::format_fixed(12.25, 1) == "12.3");
    CHECK(render::format_fixed(-0.04, 1) == "0");
    CHECK(render::format_fixed(1e7, 1) == "10000000");
    CHECK(render::format_fixed(-3.5, 2) == "-3.5");
    CHECK(render::format_value(0.1234567) == "0.123457");
}

TEST_CASE("svg: class labels keep neighbours distinct") {
    const auto labels = render::class_labels(1, {2.8, 6.8, 16.2, 38.2, 89});
    REQUIRE(labels.size() == 5);
    CHECK(labels[0] == "[1, 2.8]");
    CHECK(labels[4] == "(38.2, 89]");
    CHECK(render::class_labels(0, {1.001, 1.002})[1] == "(1.001, 1.002]");
}

TEST_CASE("svg: paths are quantised and relative") {
    const render::Viewport view({0, 0, 10, 10}, {0, 0, 100, 100});
    CHECK(render::path_data(box(0, 0, 10, 10), view, 1) == "M0 100l100 0 0-100 -100 0z");
    // A ring smaller than a pixel step vanishes.
    CHECK(render::path_data(box(5, 5, 5.001, 5.001), view, 0).empty());
}

TEST_CASE("svg: a whole map is deterministic and well formed") {
    const auto shapes = wiggly_pair();
    std::vector<render::MapRegion> regions = {{"A", "<script>", &shapes[0], 1.5, 0}, {"B", "Bee", &shapes[1], std::nullopt, -1}};
    const std::vector<render::LegendClass> classes = {{"[1, 2]", "#FFFFB2", 1}};
    const render::MapText text{"Title & more", "sub", "Source: test", "rate"};
    const auto a = render::choropleth_svg(regions, classes, 1, {}, text, {});
    const auto b = render::choropleth_svg(regions, classes, 1, {}, text, {});
    CHECK(a == b);
    CHECK_THAT(a, Catch::Contains("<title>&lt;script&gt; (A): 1.5</title>"));
    CHECK_THAT(a, Catch::Contains("class=\"nd\""));
    CHECK_THAT(a, Catch::Contains("Title &amp; more"));
    CHECK_THAT(a, Catch::Contains("no data"));
    CHECK(a.find("<script>") == std::string::npos);
    CHECK_THAT(a, Catch::EndsWith("</svg>\n"));
}

TEST_CASE("simplify: shared borders stay shared (no gap, no overlap)") {
    const auto shapes = wiggly_pair();
    const auto simplified = render::simplify_shared({&shapes[0], &shapes[1]}, 1.0);
    REQUIRE(simplified.size() == 2);
    const auto n0 = geometry::vertex_count(simplified[0]);
    CHECK(n0 < geometry::vertex_count(shapes[0]));
    geometry::GeosContext ctx;
    auto h = ctx.get();
    auto a = geometry::to_geos(ctx, simplified[0]);
    auto b = geometry::to_geos(ctx, simplified[1]);
    CHECK(GEOSisValid_r(h, a.get()) == 1);
    CHECK(GEOSisValid_r(h, b.get()) == 1);
    geometry::GeomPtr both(GEOSIntersection_r(h, a.get(), b.get()), geometry::GeomDeleter{h});
    double overlap = 0, area_a = 0, area_b = 0;
    GEOSArea_r(h, both.get(), &overlap);
    GEOSArea_r(h, a.get(), &area_a);
    GEOSArea_r(h, b.get(), &area_b);
    CHECK(overlap == Approx(0).margin(1e-9));
    CHECK(area_a + area_b == Approx(100 * 100).epsilon(1e-12));  // no gap: they still tile the square
}

TEST_CASE("simplify: closed shared loops (enclaves) and islands keep a shape") {
    Polygon holed{{Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, Ring{{3, 3}, {3, 4}, {3, 6}, {6, 6}, {6, 3}, {3, 3}}}};
    const MultiPolygon outer{{holed}};
    const MultiPolygon enclave{{Polygon{{Ring{{3, 3}, {6, 3}, {6, 6}, {3, 6}, {3, 4}, {3, 3}}}}}};
    const auto s = render::simplify_shared({&outer, &enclave}, 5.0);
    REQUIRE(s[0].polygons.size() == 1);
    REQUIRE(s[0].polygons[0].rings.size() == 2);
    auto hole = s[0].polygons[0].rings[1];
    auto island = s[1].polygons[0].rings[0];
    std::sort(hole.begin(), hole.end(), [](auto& p, auto& q) { return p.x != q.x ? p.x < q.x : p.y < q.y; });
    std::sort(island.begin(), island.end(), [](auto& p, auto& q) { return p.x != q.x ? p.x < q.x : p.y < q.y; });
    hole.erase(std::unique(hole.begin(), hole.end()), hole.end());
    island.erase(std::unique(island.begin(), island.end()), island.end());
    CHECK(hole == island);  // the same points
    CHECK(island.size() >= 3);
}

}  // namespace render_test
