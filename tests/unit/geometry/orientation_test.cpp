#include "regio/geometry/orientation.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace orientation_test {

using regio::geometry::orientation;
using regio::geometry::orientation_exact;
using regio::geometry::Point;

TEST_CASE("orientation: left, right and on the line") {
    CHECK(orientation({0, 0}, {1, 0}, {0.5, 1}) == 1);
    CHECK(orientation({0, 0}, {1, 0}, {0.5, -1}) == -1);
    CHECK(orientation({0, 0}, {1, 0}, {7, 0}) == 0);
    CHECK(orientation({0, 0}, {2, 2}, {1, 1}) == 0);
}

TEST_CASE("orientation: exact where plain doubles cannot decide") {
    // Points a hair off the line y = x at large coordinates: the naive
    // determinant rounds to zero or to the wrong sign.
    const double big = 4.5e6;
    const Point a{big, big};
    const Point b{big + 1000.0, big + 1000.0};
    const Point on{big + 0.5, big + 0.5};
    const Point above{big + 0.5, std::nextafter(big + 0.5, 1e300)};
    const Point below{big + 0.5, std::nextafter(big + 0.5, 0.0)};
    CHECK(orientation(a, b, on) == 0);
    CHECK(orientation(a, b, above) == 1);
    CHECK(orientation(a, b, below) == -1);
    CHECK(orientation_exact(a, b, above) == 1);
    CHECK(orientation_exact(a, b, below) == -1);
}

TEST_CASE("orientation: exact and filtered agree on random-ish input") {
    double s = 0.123456789;
    for (int i = 0; i < 2000; ++i) {
        auto next = [&s] { s = std::fmod(s * 9301.0 + 49297.0, 233280.0); return s / 233280.0; };
        const Point a{next() * 1e6, next() * 1e6};
        const Point b{next() * 1e6, next() * 1e6};
        const double t = next();
        // c on the segment a-b (rounded), so the sign is delicate.
        const Point c{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        REQUIRE(orientation(a, b, c) == orientation_exact(a, b, c));
    }
}

TEST_CASE("orientation: shared vertices and axis-parallel lines are exactly zero, near-misses are not") {
    const double big = 4.5e6;
    const Point a{big + 0.1, big - 0.3};
    const Point b{big + 700.7, big + 123.9};
    CHECK(orientation(a, b, a) == 0);
    CHECK(orientation(a, b, b) == 0);
    CHECK(orientation({big, big}, {big + 5, big}, {big + 2, big}) == 0);      // horizontal
    CHECK(orientation({big, big}, {big, big + 5}, {big, big - 3}) == 0);      // vertical
    // One coordinate shared, the other a hair off: not zero.
    const Point hair{a.x, std::nextafter(a.y, 1e300)};
    CHECK(orientation(a, b, hair) == orientation_exact(a, b, hair));
    CHECK(orientation(a, b, hair) != 0);
    const Point beside{std::nextafter(b.x, 0.0), b.y};
    CHECK(orientation(a, b, beside) == orientation_exact(a, b, beside));
    CHECK(orientation(a, b, beside) != 0);
}

}  // namespace orientation_test
