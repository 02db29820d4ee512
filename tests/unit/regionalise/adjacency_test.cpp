// Contiguity from geometry (rook, queen, digitising noise, slivers), unit
// centroids and areas, and dissolving regions.
#include "grid_units.hpp"

#include "regio/regionalise/dissolve.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace adjacency_test {

using namespace regio_test;
using geometry::Contiguity;
using Lists = std::vector<std::vector<std::size_t>>;

namespace {

Lists adjacency(const geometry::RegionSet& units, Contiguity contiguity) {
    return geometry::build_adjacency(units, {contiguity, geometry::kDefaultAdjacencyTolerance});
}

}  // namespace

TEST_CASE("regionalise adjacency: rook needs a shared border, queen also takes a corner", "[regionalise]") {
    // 2 3
    // 0 1
    const auto units = units_of({cell(0, 0), cell(1, 0), cell(0, 1), cell(1, 1)});
    CHECK(adjacency(units, Contiguity::Rook) == Lists{{1, 2}, {0, 3}, {0, 3}, {1, 2}});
    CHECK(adjacency(units, Contiguity::Queen) == Lists{{1, 2, 3}, {0, 2, 3}, {0, 1, 3}, {0, 1, 2}});
}

TEST_CASE("regionalise adjacency: digitising noise below the tolerance keeps a border", "[regionalise]") {
    // B's west edge wanders 2 to 4 mm east of A's east edge and has a vertex
    // A lacks: snapped to the 1 cm grid, the two run together.
    geometry::MultiPolygon b{{geometry::Polygon{{geometry::Ring{
        {1000.004, 0}, {2000, 0}, {2000, 1000}, {1000.003, 1000}, {1000.002, 500}, {1000.004, 0}}}}}};
    const auto noisy = units_of({cell(0, 0), b});
    CHECK(adjacency(noisy, Contiguity::Rook) == Lists{{1}, {0}});
    // A real gap (1 m) is not a border, not even for queen.
    const auto gap = units_of({cell(0, 0), rect(1001, 0, 2001, 1000)});
    CHECK(adjacency(gap, Contiguity::Rook) == Lists{{}, {}});
    CHECK(adjacency(gap, Contiguity::Queen) == Lists{{}, {}});
    // Corners 4 mm apart snap together: a queen contact, still no border.
    const auto corner = units_of({cell(0, 0), rect(1000.004, 1000.004, 2000, 2000)});
    CHECK(adjacency(corner, Contiguity::Rook) == Lists{{}, {}});
    CHECK(adjacency(corner, Contiguity::Queen) == Lists{{1}, {0}});
}

TEST_CASE("regionalise adjacency: a tolerated overlap sliver makes neighbours", "[regionalise]") {
    // B reaches 0.5 m into A; the boundaries only cross in points.
    const auto units = units_of({cell(0, 0), rect(999.5, 100, 2000, 900)});
    CHECK(adjacency(units, Contiguity::Rook) == Lists{{1}, {0}});
}

TEST_CASE("regionalise adjacency: a unit without geometry has no neighbours", "[regionalise]") {
    const auto units = units_of({cell(0, 0), geometry::MultiPolygon{}, cell(1, 0)});
    CHECK(adjacency(units, Contiguity::Queen) == Lists{{2}, {}, {0}});
}

TEST_CASE("regionalise measures: area-weighted centroids, holes subtracted, any orientation", "[regionalise]") {
    geometry::MultiPolygon l_shape{{geometry::Polygon{{geometry::Ring{
        {0, 0}, {2000, 0}, {2000, 1000}, {1000, 1000}, {1000, 2000}, {0, 2000}, {0, 0}}}}}};
    geometry::MultiPolygon holed = cell(3, 0);
    holed.polygons[0].rings.push_back({{3400, 400}, {3400, 600}, {3600, 600}, {3600, 400}, {3400, 400}});
    geometry::MultiPolygon clockwise{{geometry::Polygon{{geometry::Ring{{0, 0}, {0, 1000}, {1000, 1000}, {1000, 0}, {0, 0}}}}}};
    geometry::MultiPolygon two_parts = cell(0, 0);
    two_parts.polygons.push_back(cell(2, 0).polygons[0]);
    const auto m = regionalise::measure_units({l_shape, holed, clockwise, two_parts, {}});
    CHECK(m.area[0] == Approx(3e6));
    CHECK(m.centroid[0].x == Approx(2500.0 / 3));
    CHECK(m.centroid[0].y == Approx(2500.0 / 3));
    CHECK(m.area[1] == Approx(1e6 - 4e4));
    CHECK(m.centroid[1].x == Approx(3500));
    CHECK(m.centroid[1].y == Approx(500));
    CHECK(m.area[2] == Approx(1e6));
    CHECK(m.centroid[2].x == Approx(500));
    CHECK(m.centroid[3].x == Approx(1500));
    CHECK(m.area[3] == Approx(2e6));
    CHECK(m.area[4] == 0);
}

TEST_CASE("regionalise dissolve: shared borders vanish, single units keep their shape", "[regionalise]") {
    const std::vector<geometry::MultiPolygon> shapes{cell(0, 0), cell(1, 0), cell(0, 1), cell(5, 5)};
    const auto out = regionalise::dissolve(shapes, {{0, 1, 2}, {3}});
    REQUIRE(out.size() == 2);
    REQUIRE(out[0].polygons.size() == 1);
    CHECK(out[0].polygons[0].rings.size() == 1);
    CHECK(regionalise::measure_units({out[0]}).area[0] == Approx(3e6));
    CHECK(out[1].polygons[0].rings[0] == shapes[3].polygons[0].rings[0]);
}

}  // namespace adjacency_test
