// Insets and page layout of regio map: regions assigned to insets by id
// prefix, frame extents without the inset regions, inset boxes beside the
// legend or in a strip, the grid of panels for small multiples, and the
// inset groups of the SVG.
#include "regio/error.hpp"
#include "regio/render/choropleth_svg.hpp"
#include "regio/render/insets.hpp"
#include "regio/render/page_layout.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace map_layout_test {

using namespace regio;
using geometry::Box;
using geometry::MultiPolygon;
using geometry::Polygon;
using geometry::Ring;
using render::Frame;
using render::kMainFrame;

namespace {

MultiPolygon square(double x0, double y0, double side) {
    return {{Polygon{{Ring{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}}}}}};
}

style::MapInset inset(const std::string& label, std::vector<std::string> ids, std::optional<Box> extent = std::nullopt) {
    return {label, std::move(ids), extent};
}

bool inside(const Frame& inner, const Frame& outer) {
    return inner.x >= outer.x - 1e-9 && inner.y >= outer.y - 1e-9 && inner.x + inner.width <= outer.x + outer.width + 1e-9 &&
           inner.y + inner.height <= outer.y + outer.height + 1e-9;
}

bool overlap(const Frame& a, const Frame& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

}  // namespace

TEST_CASE("insets: regions go to the inset whose id prefix they start with") {
    const std::vector<std::string> ids{"ES511", "ES703", "ES709", "FRY10", "FRY20", "FR101", "PT300", "ES7"};
    const std::vector<style::MapInset> insets{inset("Canarias", {"ES70"}), inset("Antilles", {"FRY1", "FRY2"}), inset("Madeira", {"PT30"})};
    std::vector<std::string> warnings;
    const auto frame = render::assign_insets(ids, insets, warnings);
    CHECK(frame == std::vector<int>{kMainFrame, 0, 0, 1, 1, kMainFrame, 2, kMainFrame});  // "ES7" is shorter than the prefix
    CHECK(warnings.empty());

    SECTION("an inset matching no region is a warning") {
        const auto none = render::assign_insets({"DE111", "DE112"}, insets, warnings);
        CHECK(std::all_of(none.begin(), none.end(), [](int f) { return f == kMainFrame; }));
        REQUIRE(warnings.size() == 3);
        CHECK(warnings[1] == "inset 'Antilles' matches no region (ids FRY1, FRY2): not drawn");
    }
    SECTION("a region matching two insets is an error naming both") {
        const std::vector<style::MapInset> both{inset("Overseas", {"FRY"}), inset("Guadeloupe", {"FRY1"})};
        CHECK_THROWS_AS(render::assign_insets({"FRY10"}, both, warnings), ConfigError);
        CHECK_THROWS_WITH(render::assign_insets({"FR101", "FRY10"}, both, warnings),
                          Catch::Contains("region 'FRY10' matches insets 'Overseas' and 'Guadeloupe'"));
        CHECK_NOTHROW(render::assign_insets({"FRY20"}, both, warnings));
    }
}

TEST_CASE("insets: the main frame's extent leaves out the inset regions") {
    // Mainland squares near the origin, an island far away in an inset.
    const std::vector<MultiPolygon> shapes{square(0, 0, 10), square(10, 0, 10), square(5000, -3000, 4)};
    const std::vector<const MultiPolygon*> ptrs{&shapes[0], &shapes[1], &shapes[2]};
    std::vector<std::string> warnings;
    const auto frame = render::assign_insets({"A1", "A2", "Z9"}, {inset("Island", {"Z"})}, warnings);
    const Box main = render::frame_bounds(ptrs, frame, kMainFrame);
    CHECK(main.xmin == 0);
    CHECK(main.xmax == 20);
    CHECK(main.ymin == 0);
    CHECK(main.ymax == 10);
    const Box island = render::frame_bounds(ptrs, frame, 0);
    CHECK(island.xmin == 5000);
    CHECK(island.ymax == -2996);
    // Default inset extent: 8 % of the larger side as margin; a given extent wins.
    const Box around = render::inset_extent(inset("Island", {"Z"}), island);
    CHECK(around.xmin == Approx(5000 - 0.32));
    CHECK(around.xmax == Approx(5004 + 0.32));
    CHECK(around.ymin == Approx(-3000 - 0.32));
    const Box given = render::inset_extent(inset("Island", {"Z"}, Box{1, 2, 3, 4}), island);
    CHECK(given.xmin == 1);
    CHECK(given.ymax == 4);
    CHECK(render::frame_bounds(ptrs, frame, 1).empty());  // no such inset: nothing
}

TEST_CASE("layout: box grids choose the columns that give the largest boxes") {
    // 8 boxes in a 198 x 400 column: 2 columns of 4 rows; the rows limit
    // the side to (400 - 3 * 6) / 4 = 95.5, whole pixels: 95.
    const auto boxes = render::box_grid({700, 200, 198, 400}, 8, 6, 130);
    REQUIRE(boxes.size() == 8);
    CHECK(boxes[0].width == 95);
    CHECK(boxes[0].height == 95);
    CHECK(boxes[1].x == 700 + 95 + 6);
    CHECK(boxes[1].y == 200);
    CHECK(boxes[2].x == 700);
    CHECK(boxes[2].y == 200 + 95 + 6);
    for (const auto& b : boxes) CHECK(inside(b, {700, 200, 198, 400}));
    // A wide strip: one row; the side is capped.
    const auto row = render::box_grid({0, 0, 1000, 100}, 3, 6, 80);
    CHECK(row[2].x == 2 * 86);
    CHECK(row[2].y == 0);
    CHECK(row[0].width == 80);
    CHECK(render::box_grid({0, 0, 10, 10}, 0, 6, 80).empty());
}

TEST_CASE("layout: a single map keeps its frame; insets go under the legend") {
    render::PageSpec spec;
    spec.header = 62;
    spec.footer = 66;
    spec.legend_height = 154;
    const auto plain = render::layout_page(spec);
    REQUIRE(plain.panels.size() == 1);
    const Frame map = plain.panels[0].map;
    CHECK(map.x == 16);
    CHECK(map.y == 62);
    CHECK(map.width == 900 - 32 - 210);
    CHECK(map.height == 700 - 62 - 66);
    CHECK(plain.legend_x == 900 - 16 - 210 + 12);
    CHECK(plain.legend_y == 66);

    spec.insets = 8;
    const auto with = render::layout_page(spec);
    const auto& panel = with.panels[0];
    CHECK(panel.map.width == map.width);  // the main frame does not shrink
    CHECK(panel.map.height == map.height);
    REQUIRE(panel.insets.size() == 8);
    const Frame column{with.legend_x, with.legend_y + spec.legend_height, 900 - 16 - with.legend_x, 700 - 66 - with.legend_y - spec.legend_height};
    for (std::size_t i = 0; i < 8; ++i) {
        CAPTURE(i);
        CHECK(inside(panel.insets[i], column));  // under the legend, above the footer
        CHECK(!overlap(panel.insets[i], panel.map));
        CHECK(panel.insets[i].width >= render::kInsetMinSide);
        for (std::size_t j = 0; j < i; ++j) CHECK(!overlap(panel.insets[i], panel.insets[j]));
    }
}

TEST_CASE("layout: with a tall legend the insets move to a strip under the map") {
    render::PageSpec spec;
    spec.header = 62;
    spec.footer = 66;
    spec.legend_height = 500;  // leaves no room in the legend column
    spec.insets = 5;
    const auto page = render::layout_page(spec);
    const auto& panel = page.panels[0];
    REQUIRE(panel.insets.size() == 5);
    CHECK(panel.map.height < 700 - 62 - 66);
    for (const auto& box : panel.insets) {
        CHECK(box.y > panel.map.y + panel.map.height);  // below the map frame
        CHECK(box.x + box.width <= panel.map.x + panel.map.width);
        CHECK(box.y + box.height <= 700 - 66 + 1e-9);  // above the footer
    }
    CHECK(panel.insets[4].y == panel.insets[0].y);  // one row
}

TEST_CASE("layout: panels of small multiples form the grid that shows them largest") {
    render::PageSpec spec;
    spec.width = 1000;
    spec.height = 800;
    spec.header = 16;
    spec.footer = 50;
    spec.panel_titles = true;
    SECTION("4 squares in a squarish area: 2 x 2") {
        spec.panels = 4;
        spec.aspect = 1;
        const auto page = render::layout_page(spec);
        CHECK(page.columns == 2);
        CHECK(page.rows == 2);
        REQUIRE(page.panels.size() == 4);
        CHECK(page.panels[1].cell.x > page.panels[0].cell.x);
        CHECK(page.panels[1].cell.y == page.panels[0].cell.y);
        CHECK(page.panels[2].cell.x == page.panels[0].cell.x);
        CHECK(page.panels[2].cell.y > page.panels[0].cell.y);
        for (const auto& p : page.panels) {
            CHECK(p.map.y == p.cell.y + render::kPanelTitleHeight);  // room for the title
            CHECK(p.map.x + p.map.width <= page.legend_x - 12 + 1e-9);  // clear of the legend column
        }
        CHECK(!overlap(page.panels[0].cell, page.panels[3].cell));
    }
    SECTION("3 wide extents: one above the other") {
        spec.panels = 3;
        spec.aspect = 4;
        const auto page = render::layout_page(spec);
        CHECK(page.columns == 1);
        CHECK(page.rows == 3);
    }
    SECTION("3 tall extents: side by side") {
        spec.panels = 3;
        spec.aspect = 0.3;
        const auto page = render::layout_page(spec);
        CHECK(page.columns == 3);
        CHECK(page.rows == 1);
    }
    SECTION("insets go in a strip at the bottom of every panel") {
        spec.panels = 2;
        spec.insets = 2;
        const auto page = render::layout_page(spec);
        for (const auto& p : page.panels) {
            REQUIRE(p.insets.size() == 2);
            for (const auto& box : p.insets) {
                CHECK(inside(box, p.cell));
                CHECK(!overlap(box, p.map));
            }
        }
    }
}

TEST_CASE("svg: inset regions are drawn once, in their framed box") {
    const std::vector<MultiPolygon> shapes{square(0, 0, 1000), square(1000, 0, 1000), square(900000, -500000, 200)};
    const std::vector<render::MapRegion> regions{
        {"M1", "", &shapes[0], 1.0, 0}, {"M2", "", &shapes[1], 2.0, 0}, {"X1", "Far <isle>", &shapes[2], std::nullopt, -1}};
    const std::vector<render::LegendClass> classes{{"[1, 2]", "#FFFFB2", 2}};
    render::MapSpec spec;
    spec.insets = {inset("Isle & co", {"X"})};
    const auto drawing = render::draw_map({render::MapPanel{{}, regions}}, classes, 1, {}, {}, spec);
    const std::string& svg = drawing.svg;
    CHECK(drawing.in_insets == 1);
    CHECK(drawing.warnings.empty());
    CHECK(render::draw_map({render::MapPanel{{}, regions}}, classes, 1, {}, {}, spec).svg == svg);  // deterministic
    const auto main = svg.find("<g id=\"regions\""), insets = svg.find("<g id=\"insets\""), box = svg.find("<g id=\"inset-1\" class=\"inset\">");
    REQUIRE(main != std::string::npos);
    REQUIRE(insets != std::string::npos);
    REQUIRE(box != std::string::npos);
    const auto x1 = svg.find("data-id=\"X1\"");
    CHECK(x1 > box);
    CHECK(svg.find("data-id=\"M1\"") < insets);
    CHECK(svg.find("data-id=\"X1\"", x1 + 1) == std::string::npos);  // once
    CHECK_THAT(svg, Catch::Contains(">Isle &amp; co</text>"));
    CHECK_THAT(svg, Catch::Contains("<clipPath id=\"frame-inset-1\">"));
    // Without the island the main frame is 2000 m wide: the scale bar says so.
    CHECK_THAT(svg, Catch::Contains(">200 m</text>"));

    // An extent that cuts a main-frame region off: a warning.
    spec.extent = Box{0, 0, 900, 900};
    const auto cut = render::draw_map({render::MapPanel{{}, regions}}, classes, 1, {}, {}, spec);
    REQUIRE(cut.warnings.size() == 1);
    CHECK(cut.warnings[0] == "1 region lies outside the map's extent and in no inset (M2): not visible");
}

TEST_CASE("svg: panels of small multiples share one legend; titles are text") {
    const std::vector<MultiPolygon> shapes{square(0, 0, 1000), square(1000, 0, 1000)};
    auto panel = [&](const std::string& title, int klass) {
        return render::MapPanel{title, {{"A", "", &shapes[0], 1.0, klass}, {"B", "", &shapes[1], std::nullopt, -1}}};
    };
    const std::vector<render::LegendClass> classes{{"[1, 2]", "#FFFFB2", 1}, {"(2, 3]", "#BD0026", 1}};
    const auto drawing = render::draw_map({panel("<2019> & \"co\"", 0), panel("2020", 1)}, classes, 2, {}, {}, {});
    const std::string& svg = drawing.svg;
    CHECK(svg == render::draw_map({panel("<2019> & \"co\"", 0), panel("2020", 1)}, classes, 2, {}, {}, {}).svg);
    CHECK_THAT(svg, Catch::Contains("data-facet=\"&lt;2019&gt; &amp; &quot;co&quot;\""));
    CHECK_THAT(svg, Catch::Contains(">&lt;2019&gt; &amp; &quot;co&quot;</text>"));
    CHECK_THAT(svg, !Catch::Contains("<2019>"));
    CHECK_THAT(svg, Catch::Contains("<path id=\"p1-r-A\" data-id=\"A\" class=\"c0\""));
    CHECK_THAT(svg, Catch::Contains("<path id=\"p2-r-A\" data-id=\"A\" class=\"c1\""));
    CHECK_THAT(svg, Catch::Contains("<clipPath id=\"frame-2\">"));
    CHECK_THAT(svg, Catch::Contains("<g id=\"regions-2\" clip-path=\"url(#frame-2)\""));
    std::size_t legends = 0;
    for (auto at = svg.find("<g id=\"legend\""); at != std::string::npos; at = svg.find("<g id=\"legend\"", at + 1)) ++legends;
    CHECK(legends == 1);
}

}  // namespace map_layout_test
