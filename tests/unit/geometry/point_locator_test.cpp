#include "regio/geometry/point_locator.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace point_locator_test {

using namespace regio::geometry;

namespace {

Ring box_ring(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

MultiPolygon box(double x0, double y0, double x1, double y1) { return {{Polygon{{box_ring(x0, y0, x1, y1)}}}}; }

// Four unit squares around the origin: SW=0, SE=1, NW=2, NE=3.
std::vector<MultiPolygon> quadrants() {
    return {box(-1, -1, 0, 0), box(0, -1, 1, 0), box(-1, 0, 0, 1), box(0, 0, 1, 1)};
}

}  // namespace

TEST_CASE("locator: interior points") {
    for (std::size_t cells : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{10000}}) {
        const PointLocator loc(quadrants(), cells);
        CHECK(loc.locate({-0.5, -0.5}) == 0);
        CHECK(loc.locate({0.5, -0.5}) == 1);
        CHECK(loc.locate({-0.5, 0.5}) == 2);
        CHECK(loc.locate({0.5, 0.5}) == 3);
    }
}

TEST_CASE("locator: outside, far away and NaN") {
    const PointLocator loc(quadrants());
    CHECK(loc.locate({5, 5}) == kNoRegion);
    CHECK(loc.locate({-1.0001, 0}) == kNoRegion);
    CHECK(loc.locate({std::nan(""), 0}) == kNoRegion);
    CHECK(loc.locate({0, std::numeric_limits<double>::infinity()}) == kNoRegion);
}

TEST_CASE("locator: shared edges go east, east-west edges go north") {
    const PointLocator loc(quadrants());
    CHECK(loc.locate({0, 0.5}) == 3);    // on the N-S edge between NW and NE: east
    CHECK(loc.locate({0, -0.5}) == 1);   // between SW and SE: east
    CHECK(loc.locate({0.5, 0}) == 3);    // on the E-W edge between SE and NE: north
    CHECK(loc.locate({-0.5, 0}) == 2);   // between SW and NW: north
    CHECK(loc.locate({0, 0}) == 3);      // the vertex shared by all four: NE
}

TEST_CASE("locator: outer boundary follows the same half-open rule") {
    const PointLocator loc(quadrants());
    CHECK(loc.locate({-1, 0.5}) == 2);          // west edge belongs to the region
    CHECK(loc.locate({1, 0.5}) == kNoRegion);   // east edge does not
    CHECK(loc.locate({0.5, -1}) == 1);          // south edge belongs
    CHECK(loc.locate({0.5, 1}) == kNoRegion);   // north edge does not
}

TEST_CASE("locator: points on a slanted shared edge go to exactly one region") {
    // Two triangles sharing the diagonal of the unit square.
    const std::vector<MultiPolygon> shapes = {
        {{Polygon{{Ring{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}}}},  // below the diagonal (east side)
        {{Polygon{{Ring{{0, 0}, {1, 1}, {0, 1}, {0, 0}}}}}},  // above (west side)
    };
    const PointLocator loc(shapes);
    for (double t : {0.1, 0.25, 0.5, 0.7, 0.9}) CHECK(loc.locate({t, t}) == 0);
    CHECK(loc.locate({0.3, 0.2}) == 0);
    CHECK(loc.locate({0.2, 0.3}) == 1);
}

TEST_CASE("locator: holes and islands in holes") {
    // Region 0: a square with a hole; region 1: an island filling the hole.
    Polygon holed{{box_ring(0, 0, 10, 10), box_ring(4, 4, 6, 6)}};
    const std::vector<MultiPolygon> shapes = {{{holed}}, box(4, 4, 6, 6)};
    const PointLocator loc(shapes);
    CHECK(loc.locate({1, 1}) == 0);
    CHECK(loc.locate({5, 5}) == 1);
    CHECK(loc.locate({4, 5}) == 1);   // west edge of the island: the island (east side)
    CHECK(loc.locate({6, 5}) == 0);   // east edge of the island: the ring around it

    // Without the island, the hole is outside.
    const PointLocator alone(std::vector<MultiPolygon>{{{holed}}});
    CHECK(alone.locate({5, 5}) == kNoRegion);
    CHECK(alone.locate({3.9, 5}) == 0);
}

TEST_CASE("locator: multipolygons and slivers") {
    MultiPolygon two_parts{{Polygon{{box_ring(0, 0, 1, 1)}}, Polygon{{box_ring(5, 5, 6, 6)}}}};
    // A sliver 1e-7 wide between the two parts' x ranges.
    const std::vector<MultiPolygon> shapes = {two_parts, box(1, 0, 1 + 1e-7, 1)};
    const PointLocator loc(shapes);
    CHECK(loc.locate({0.5, 0.5}) == 0);
    CHECK(loc.locate({5.5, 5.5}) == 0);
    CHECK(loc.locate({3, 3}) == kNoRegion);
    CHECK(loc.locate({1 + 5e-8, 0.5}) == 1);
    CHECK(loc.locate({1, 0.5}) == 1);
}

TEST_CASE("locator: empty input") {
    const PointLocator loc(std::vector<MultiPolygon>{});
    CHECK(loc.locate({0, 0}) == kNoRegion);
    const PointLocator with_empty(std::vector<MultiPolygon>{MultiPolygon{}, box(0, 0, 1, 1)});
    CHECK(with_empty.locate({0.5, 0.5}) == 1);
}

TEST_CASE("locator: overlapping regions give the first in input order") {
    const std::vector<MultiPolygon> shapes = {box(0, 0, 2, 2), box(1, 1, 3, 3)};
    const PointLocator loc(shapes);
    CHECK(loc.locate({1.5, 1.5}) == 0);
    CHECK(loc.locate({2.5, 2.5}) == 1);
}

TEST_CASE("locator: classify tells boundary points apart") {
    const PointLocator loc(quadrants());
    CHECK(loc.classify({0, 0.5}, 3) == Side::Boundary);
    CHECK(loc.classify({0, 0.5}, 2) == Side::Boundary);
    CHECK(loc.classify({0.5, 0.5}, 3) == Side::Inside);
    CHECK(loc.classify({0.5, 0.5}, 0) == Side::Outside);
    CHECK(loc.classify({0, 0}, 0) == Side::Boundary);
}

TEST_CASE("locator: a fine grid of points over a jagged partition lands each point once") {
    // Columns of zig-zag strips: region i between zig-zag lines i and i+1.
    std::vector<MultiPolygon> strips;
    const int n = 6;
    auto zig = [](int i, double y) { return i + 0.3 * ((static_cast<int>(y * 4) % 2) ? (y * 4 - std::floor(y * 4)) : 1 - (y * 4 - std::floor(y * 4))); };
    for (int i = 0; i < n; ++i) {
        Ring r;
        for (int k = 0; k <= 40; ++k) r.push_back({zig(i, k / 10.0), k / 10.0});
        for (int k = 40; k >= 0; --k) r.push_back({zig(i + 1, k / 10.0), k / 10.0});
        r.push_back(r.front());
        strips.push_back({{Polygon{{r}}}});
    }
    const PointLocator loc(strips, 64);
    int outside = 0;
    for (int ix = 0; ix <= 300; ++ix)
        for (int iy = 0; iy < 400; ++iy) {
            const Point p{0.5 + ix * 0.0166, iy * 0.01};
            const int r = loc.locate(p);
            if (r < 0) { ++outside; continue; }
            // It must be inside or on the boundary of the region it got.
            REQUIRE(loc.classify(p, r) != Side::Outside);
        }
    CHECK(outside < 2000);
}

TEST_CASE("locator: strictly_inside_probe agrees with strictly_inside, and knows shared segments") {
    // Zig-zag strips share every border segment; region 6 overlaps strips 2-3.
    std::vector<MultiPolygon> shapes;
    auto zig = [](int i, int k) { return i + ((k % 2) ? 0.3 : 0.0); };
    for (int i = 0; i < 6; ++i) {
        Ring r;
        for (int k = 0; k <= 20; ++k) r.push_back({zig(i, k), k * 0.2});
        for (int k = 20; k >= 0; --k) r.push_back({zig(i + 1, k), k * 0.2});
        r.push_back(r.front());
        shapes.push_back({{Polygon{{r}}}});
    }
    shapes.push_back(box(2.5, 1.05, 3.75, 2.95));
    const PointLocator loc(shapes, 64);
    int inside = 0, compared = 0;
    for (std::size_t a = 0; a < shapes.size(); ++a) {
        const Ring& ring = shapes[a].polygons[0].rings[0];
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point from = ring[i], to = ring[i + 1];
            // Vertex and midpoint probes carry their segment; a point off the
            // segment carries none (from = to = p, as for interior probes).
            const Point off{0.25 * from.x + 0.75 * to.x + 0.01, 0.25 * from.y + 0.75 * to.y};
            for (const Point p : {from, Point{0.5 * (from.x + to.x), 0.5 * (from.y + to.y)}, off}) {
                const bool on_segment = !(p == off);
                for (std::int32_t b = 0; b < static_cast<std::int32_t>(shapes.size()); ++b) {
                    if (static_cast<std::size_t>(b) == a) continue;
                    const bool full = loc.strictly_inside(p, b, 1e-9);
                    const bool probe = loc.strictly_inside_probe(p, b, 1e-9, on_segment ? from : p, on_segment ? to : p);
                    REQUIRE(full == probe);
                    inside += probe;
                    ++compared;
                }
            }
        }
    }
    CHECK(compared > 1000);
    CHECK(inside > 20);  // the overlapping box's probes and the strips' probes inside it
    // A segment that b shares is its boundary, even for a probe slightly off it.
    const Ring& strip = shapes[0].polygons[0].rings[0];
    const Point from = strip[22], to = strip[23];  // on the border with strip 1
    CHECK_FALSE(loc.strictly_inside_probe({0.5 * (from.x + to.x), 0.5 * (from.y + to.y)}, 1, 0.0, from, to));
}

TEST_CASE("locator: built on several threads it answers exactly as on one") {
    std::vector<MultiPolygon> strips;
    auto zig = [](int i, double y) { return i + 0.3 * std::sin(y * 7.0 + i); };
    for (int i = 0; i < 12; ++i) {
        Ring r;
        for (int k = 0; k <= 60; ++k) r.push_back({zig(i, k / 10.0), k / 10.0});
        for (int k = 60; k >= 0; --k) r.push_back({zig(i + 1, k / 10.0), k / 10.0});
        r.push_back(r.front());
        strips.push_back({{Polygon{{r}}}});
    }
    strips.push_back(box(3.2, 2.0, 4.1, 2.5));  // overlaps two strips: locate_all lists both
    const PointLocator one(strips, 0, 1), three(strips, 0, 3);
    REQUIRE(one.cell_count() == three.cell_count());
    std::vector<std::int32_t> a, b;
    for (int ix = -5; ix <= 660; ++ix)
        for (int iy = -5; iy <= 610; iy += 3) {
            const Point p{ix * 0.02, iy * 0.01};
            REQUIRE(one.locate(p) == three.locate(p));
            one.locate_all(p, a);
            three.locate_all(p, b);
            REQUIRE(a == b);
        }
}

}  // namespace point_locator_test
