#include "regio/geometry/simple_validity.hpp"

#include "regio/geometry/geos_context.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace simple_validity_test {

using namespace regio::geometry;

namespace {

Ring box_ring(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}; }

MultiPolygon one(std::vector<Ring> rings) { return {{Polygon{std::move(rings)}}}; }

bool geos_valid(const MultiPolygon& shape) {
    GeosContext ctx;
    GeomPtr g = to_geos(ctx, shape);
    return GEOSisValid_r(ctx.get(), g.get()) == 1;
}

// The one-sided promise: "certainly valid" is never said of an invalid shape.
void check(const MultiPolygon& shape, bool expect_shown) {
    const bool shown = certainly_valid(shape);
    CHECK(shown == expect_shown);
    if (shown) CHECK(geos_valid(shape));
}

}  // namespace

TEST_CASE("simple validity: plain valid shapes are shown valid") {
    check(one({box_ring(0, 0, 1, 1)}), true);
    check(one({{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}}), true);  // clockwise is still valid
    check(one({box_ring(0, 0, 10, 10), box_ring(2, 2, 4, 4), box_ring(6, 6, 8, 8)}), true);  // two holes
    check(MultiPolygon{{Polygon{{box_ring(0, 0, 1, 1)}}, Polygon{{box_ring(2, 0, 3, 1)}}}}, true);  // two islands
    check(one({{{0, 0}, {1, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}}), true);  // a repeated point, a straight vertex
    check(one({{{4500000.1, 3300000.2}, {4500100.3, 3300000.2}, {4500050.7, 3300090.9}, {4500000.1, 3300000.2}}}), true);
}

TEST_CASE("simple validity: invalid shapes are never shown valid") {
    check(one({{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}}), false);                       // bow tie
    check(one({{{0, 0}, {2, 0}, {2, 2}, {1, 2}, {1, -1}, {0, 2}, {0, 0}}}), false);      // edge through the ring
    check(one({{{0, 0}, {3, 0}, {3, 0}, {0, 0}}}), false);                                // too few points
    check(one({{{0, 0}, {2, 0}, {1, 0}, {1, 1}, {0, 0}}}), false);                        // spike folding back
    check(one({box_ring(0, 0, 2, 2), box_ring(3, 3, 4, 4)}), false);                      // hole outside its shell
    check(one({box_ring(0, 0, 10, 10), box_ring(1, 1, 9, 9), box_ring(3, 3, 4, 4)}), false);  // nested holes
    check(one({box_ring(0, 0, 2, 2), box_ring(1, 0.5, 3, 1.5)}), false);                  // hole crossing the shell
    check(MultiPolygon{{Polygon{{box_ring(0, 0, 4, 4)}}, Polygon{{box_ring(1, 1, 2, 2)}}}}, false);  // nested shells
    check(MultiPolygon{{Polygon{{box_ring(0, 0, 2, 2)}}, Polygon{{box_ring(1, 1, 3, 3)}}}}, false);  // overlapping parts
    check(one({{{0, 0}, {1, 0}, {1, std::numeric_limits<double>::quiet_NaN()}, {0, 1}, {0, 0}}}), false);
    check(one({{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}), false);  // not closed
    check(MultiPolygon{}, false);
}

TEST_CASE("simple validity: touching rings are left to GEOS even when valid") {
    // Valid in OGC terms, but decided by GEOS: a hole touching the shell at a
    // point, two parts sharing a vertex, an island in a lake.
    check(one({box_ring(0, 0, 4, 4), {{0, 2}, {2, 1}, {2, 3}, {0, 2}}}), false);
    CHECK(geos_valid(one({box_ring(0, 0, 4, 4), {{0, 2}, {2, 1}, {2, 3}, {0, 2}}})));
    check(MultiPolygon{{Polygon{{box_ring(0, 0, 1, 1)}}, Polygon{{box_ring(1, 1, 2, 2)}}}}, false);
    check(MultiPolygon{{Polygon{{box_ring(0, 0, 10, 10), box_ring(2, 2, 8, 8)}}, Polygon{{box_ring(4, 4, 6, 6)}}}}, false);
    // A ring touching itself at a vertex (an inverted hole).
    check(one({{{0, 0}, {4, 0}, {4, 4}, {2, 0}, {0, 4}, {0, 0}}}), false);
}

TEST_CASE("simple validity: random polygons never contradict GEOS") {
    // Star-shaped rings around a centre are simple; jittered vertex order
    // makes many of them self-intersect. Either way the promise must hold.
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> radius(1.0, 10.0), jitter(-0.6, 0.6);
    int shown = 0, geos = 0;
    for (int n = 0; n < 400; ++n) {
        const int k = 3 + n % 17;
        Ring ring;
        for (int i = 0; i < k; ++i) {
            const double angle = (i + (n % 3 == 0 ? jitter(rng) * 2.5 : 0.0)) * 2 * M_PI / k;
            const double r = radius(rng);
            ring.push_back({std::round(r * std::cos(angle) * 8) / 8, std::round(r * std::sin(angle) * 8) / 8});
        }
        ring.push_back(ring.front());
        const MultiPolygon shape = one({ring});
        const bool mine = certainly_valid(shape), theirs = geos_valid(shape);
        INFO("polygon " << n);
        if (mine) CHECK(theirs);
        shown += mine;
        geos += theirs;
    }
    // Most simple rings are recognised (rounding to 1/8 makes a few touch).
    CHECK(shown > geos * 9 / 10);
    CHECK(geos < 400);  // and some invalid ones were generated
}

}  // namespace simple_validity_test
