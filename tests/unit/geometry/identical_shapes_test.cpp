#include "regio/geometry/identical_shapes.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace identical_shapes_test {

using namespace regio::geometry;

namespace {

MultiPolygon square(double x0, double y0, double size) {
    return {{Polygon{{Ring{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}}}}};
}

RegionSet regions(std::vector<MultiPolygon> shapes) {
    RegionSet set;
    for (std::size_t i = 0; i < shapes.size(); ++i) set.ids.push_back("U" + std::to_string(i));
    set.shapes = std::move(shapes);
    return set;
}

}  // namespace

TEST_CASE("identical shapes: unchanged, recoded, reordered and moved units") {
    const RegionSet from = regions({square(0, 0, 1), square(1, 0, 1), square(2, 0, 1), MultiPolygon{}});
    // to: unit 1 first (reordered), unit 0 shifted by one ulp, unit 2 twice, an empty shape.
    MultiPolygon shifted = square(0, 0, 1);
    shifted.polygons[0].rings[0][2].x = std::nextafter(1.0, 2.0);
    const RegionSet to = regions({square(1, 0, 1), shifted, square(2, 0, 1), square(2, 0, 1), MultiPolygon{}});
    const auto partner = identical_partners(from, to);
    REQUIRE(partner.size() == 4);
    CHECK(partner[0] == -1);  // one coordinate differs by one ulp
    CHECK(partner[1] == 0);
    CHECK(partner[2] == 2);   // each `to` unit partners at most one `from` unit
    CHECK(partner[3] == -1);  // empty shapes have no partner
}

TEST_CASE("identical shapes: a different start vertex is a different geometry") {
    MultiPolygon rotated = square(0, 0, 1);
    Ring& ring = rotated.polygons[0].rings[0];
    ring = {ring[1], ring[2], ring[3], ring[0], ring[1]};
    const auto partner = identical_partners(regions({square(0, 0, 1)}), regions({rotated}));
    CHECK(partner[0] == -1);
}

}  // namespace identical_shapes_test
