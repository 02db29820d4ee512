// Outlines over a choropleth and their label points (outline_overlay.hpp).
#include "regio/render/outline_overlay.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace outline_overlay_test {

using namespace regio;
using geometry::MultiPolygon;
using geometry::Polygon;
using geometry::Ring;

namespace {

MultiPolygon square(double x0, double y0, double size) {
    return {{Polygon{{Ring{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}}}}};
}

}  // namespace

TEST_CASE("outline: the label goes to the centroid of the largest part", "[render][outline]") {
    MultiPolygon two = square(0, 0, 10);
    two.polygons.push_back(square(100, 100, 2).polygons.front());  // a small island
    const auto at = render::label_point(two);
    CHECK(at.x == Approx(5));
    CHECK(at.y == Approx(5));
    CHECK(render::label_point(MultiPolygon{}).x == 0);
}

TEST_CASE("outline: a centroid outside its polygon moves into the widest run", "[render][outline]") {
    // A U open to the north: arms x 0..2 and 8..10 up to y 10, base y 0..2.
    // The centroid (5, ~3.9) lies in the gap between the arms.
    const MultiPolygon u{{Polygon{{Ring{{0, 0}, {10, 0}, {10, 10}, {8, 10}, {8, 2}, {2, 2}, {2, 10}, {0, 10}, {0, 0}}}}}};
    const auto at = render::label_point(u);
    CHECK(((at.x >= 0 && at.x <= 2) || (at.x >= 8 && at.x <= 10)));
    CHECK(at.y > 2);
}

TEST_CASE("outline: paths without fill, then labels with a halo, clipped to the frame", "[render][outline]") {
    const MultiPolygon a = square(0, 0, 10);
    const MultiPolygon b = square(10, 0, 10);
    const render::Viewport view({0, 0, 20, 10}, {0, 0, 200, 100});
    std::string svg;
    render::append_outlines(svg, {{&a, "Mitte & Co"}, {&b, ""}}, {}, view, "frame", "", 1);
    CHECK(svg ==
          "<g id=\"outlines\" clip-path=\"url(#frame)\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1.2\" stroke-linejoin=\"round\">\n"
          "<path d=\"M0 100l100 0 0-100 -100 0z\"/>\n"
          "<path d=\"M100 100l100 0 0-100 -100 0z\"/>\n"
          "</g>\n"
          "<g id=\"outline-labels\" clip-path=\"url(#frame)\" font-size=\"10\" text-anchor=\"middle\" fill=\"#222222\" stroke=\"#FFFFFF\" "
          "stroke-width=\"2.5\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n"
          "<text x=\"50\" y=\"53.5\">Mitte &amp; Co</text>\n"
          "</g>\n");
    std::string none;
    render::append_outlines(none, {}, {}, view, "frame", "", 1);
    CHECK(none.empty());
}

}  // namespace outline_overlay_test
