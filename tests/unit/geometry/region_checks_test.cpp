#include "regio/geometry/region_checks.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace region_checks_test {

using namespace regio::geometry;

namespace {

Ring box_ring(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

RegionSet make_regions(std::vector<MultiPolygon> shapes) {
    RegionSet set;
    set.file = "test.gpkg";
    set.layer = "regions";
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        set.ids.push_back("R" + std::to_string(i));
        set.feature_ids.push_back(static_cast<std::int64_t>(i + 1));
    }
    set.shapes = std::move(shapes);
    return set;
}

}  // namespace

TEST_CASE("checks: neighbours that only touch do not overlap") {
    const RegionSet set = make_regions({{{Polygon{{box_ring(0, 0, 1, 1)}}}}, {{Polygon{{box_ring(1, 0, 2, 1)}}}},
                                        {{Polygon{{box_ring(0, 1, 2, 2)}}}}});
    const PointLocator loc(set);
    CHECK(find_overlaps(set, loc, 2).empty());
}


TEST_CASE("checks: overlapping regions are found and named") {
    const RegionSet set = make_regions({{{Polygon{{box_ring(0, 0, 2, 2)}}}}, {{Polygon{{box_ring(1, 1, 3, 3)}}}}});
    const PointLocator loc(set);
    const auto overlaps = find_overlaps(set, loc, 2);
    REQUIRE(overlaps.size() == 1);
    CHECK(overlaps[0].first == 0);
    CHECK(overlaps[0].second == 1);
    CHECK(overlaps[0].area == Approx(1.0));
    CHECK_THROWS_WITH(check_overlaps(set, overlaps, OverlapPolicy::Error),
                      Catch::Contains("'R0' and 'R1' overlap"));
    CHECK_NOTHROW(check_overlaps(set, overlaps, OverlapPolicy::Allow));
}

TEST_CASE("checks: identical and nested shapes are overlaps too") {
    const RegionSet same = make_regions({{{Polygon{{box_ring(0, 0, 1, 1)}}}}, {{Polygon{{box_ring(0, 0, 1, 1)}}}}});
    CHECK(find_overlaps(same, PointLocator(same), 1).size() == 1);
    const RegionSet nested = make_regions({{{Polygon{{box_ring(0, 0, 10, 10)}}}}, {{Polygon{{box_ring(4, 4, 5, 5)}}}}});
    CHECK(find_overlaps(nested, PointLocator(nested), 1).size() == 1);
}

TEST_CASE("checks: overlaps below the relative tolerance are accepted") {
    // 1e-9 of the smaller area overlaps: a digitising sliver.
    const RegionSet set =
        make_regions({{{Polygon{{box_ring(0, 0, 1000, 1000)}}}}, {{Polygon{{box_ring(1000 - 1e-3, 0, 2000, 1000)}}}}});
    const auto tolerated = find_overlaps(set, PointLocator(set), 2, 1e-6);
    REQUIRE(tolerated.size() == 1);
    CHECK_FALSE(tolerated[0].significant);
    CHECK_NOTHROW(check_overlaps(set, tolerated, OverlapPolicy::Error));
    const auto strict = find_overlaps(set, PointLocator(set), 2, 1e-12);
    REQUIRE(strict.size() == 1);
    CHECK(strict[0].significant);
    CHECK_THROWS(check_overlaps(set, strict, OverlapPolicy::Error));
}

TEST_CASE("checks: an invalid bow-tie is repaired and reported") {
    Ring bowtie{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}};
    RegionSet set = make_regions({{{Polygon{{bowtie}}}}, {{Polygon{{box_ring(5, 5, 6, 6)}}}}});
    const auto notes = repair_invalid(set, 2);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].region == 0);
    CHECK_THAT(notes[0].reason, Catch::Contains("Self-intersection"));
    CHECK(set.shapes[0].polygons.size() == 2);  // two triangles
    const PointLocator loc(set);
    CHECK(loc.locate({0.5, 1}) == 0);   // west lobe
    CHECK(loc.locate({1.5, 1}) == 0);   // east lobe
    CHECK(loc.locate({1, 0.5}) == kNoRegion);
}

TEST_CASE("checks: regions marked known skip only the pairs of two known regions") {
    // R0/R1 overlap (both known), R2 overlaps R1 (R2 unknown), R3 nested in
    // R0 (unknown), R4 known and far away.
    const RegionSet set = make_regions({{{Polygon{{box_ring(0, 0, 2, 2)}}}}, {{Polygon{{box_ring(1, 1, 3, 3)}}}},
                                        {{Polygon{{box_ring(2.5, 2.5, 4, 4)}}}}, {{Polygon{{box_ring(0.2, 0.2, 0.4, 0.4)}}}},
                                        {{Polygon{{box_ring(10, 10, 11, 11)}}}}});
    const PointLocator loc(set);
    const auto all = find_overlaps(set, loc, 2, 1e-4);
    REQUIRE(all.size() == 3);  // (0,1), (0,3), (1,2)
    const std::vector<char> known{1, 1, 0, 0, 1};
    const auto some = find_overlaps(set, loc, 2, 1e-4, &known);
    REQUIRE(some.size() == 2);
    CHECK(some[0].first == 0);
    CHECK(some[0].second == 3);
    CHECK(some[1].first == 1);
    CHECK(some[1].second == 2);
    CHECK(some[1].area == Approx(0.25));
    // A known region nested in an unknown one is still found (interior probe).
    const RegionSet nested = make_regions({{{Polygon{{box_ring(4, 4, 5, 5)}}}}, {{Polygon{{box_ring(0, 0, 10, 10)}}}}});
    const std::vector<char> inner_known{1, 0};
    CHECK(find_overlaps(nested, PointLocator(nested), 1, 1e-4, &inner_known).size() == 1);
}

TEST_CASE("checks: repair skips the regions it is told to") {
    Ring bowtie{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}};
    RegionSet set = make_regions({{{Polygon{{bowtie}}}}, {{Polygon{{bowtie}}}}});
    const std::vector<char> skip{1, 0};
    const auto notes = repair_invalid(set, 2, &skip);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].region == 1);
    CHECK(set.shapes[0].polygons.size() == 1);  // left as it was
    CHECK(set.shapes[1].polygons.size() == 2);
}

}  // namespace region_checks_test
