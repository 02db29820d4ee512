#include "regio/harmonise/overlay.hpp"

#include "regio/geometry/geos_context.hpp"

#include <catch2/catch.hpp>

#include <map>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace overlay_test {

using namespace regio;
using geometry::MultiPolygon;
using geometry::Polygon;
using geometry::Ring;

namespace {

MultiPolygon box(double x0, double y0, double x1, double y1) {
    return {{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

geometry::RegionSet set_of(std::vector<MultiPolygon> shapes) {
    geometry::RegionSet s;
    for (std::size_t i = 0; i < shapes.size(); ++i) s.ids.push_back(std::to_string(i));
    s.shapes = std::move(shapes);
    return s;
}

std::map<std::pair<std::uint32_t, std::uint32_t>, double> areas(const harmonise::OverlayResult& r) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> out;
    for (const auto& p : r.pairs) out[{p.from, p.to}] = p.area;
    return out;
}

// Every pair's area against GEOS intersection areas.
void check_against_geos(const geometry::RegionSet& a, const geometry::RegionSet& b,
                        const harmonise::OverlappingUnits* overlapping = nullptr) {
    const auto ours = areas(harmonise::overlay(a, b, 2, nullptr, nullptr, nullptr, overlapping));
    geometry::GeosContext ctx;
    auto h = ctx.get();
    for (std::uint32_t i = 0; i < a.size(); ++i)
        for (std::uint32_t j = 0; j < b.size(); ++j) {
            auto ga = geometry::to_geos(ctx, a.shapes[i]);
            auto gb = geometry::to_geos(ctx, b.shapes[j]);
            geometry::GeomPtr both(GEOSIntersection_r(h, ga.get(), gb.get()), geometry::GeomDeleter{h});
            double expected = 0;
            GEOSArea_r(h, both.get(), &expected);
            const auto it = ours.find({i, j});
            INFO("pair " << i << " x " << j);
            CHECK((it == ours.end() ? 0.0 : it->second) == Approx(expected).margin(1e-9));
        }
}

}  // namespace

TEST_CASE("overlay: identical sets give the diagonal") {
    const auto a = set_of({box(0, 0, 1, 1), box(1, 0, 2, 1), box(0, 1, 2, 2)});
    const auto r = harmonise::overlay(a, a, 1);
    REQUIRE(r.pairs.size() == 3);
    for (const auto& p : r.pairs) {
        CHECK(p.from == p.to);
        CHECK(p.area == Approx(r.from_area[p.from]));
    }
    CHECK(r.from_area[2] == Approx(2.0));
}

TEST_CASE("overlay: split, merge and shifted boundaries against GEOS") {
    // Old: two halves. New: a shifted boundary and a split of the right part.
    const auto old_set = set_of({box(0, 0, 5, 10), box(5, 0, 10, 10)});
    const auto new_set = set_of({box(0, 0, 6, 10), box(6, 0, 10, 4), box(6, 4, 10, 10)});
    check_against_geos(old_set, new_set);
    check_against_geos(new_set, old_set);
    const auto r = areas(harmonise::overlay(old_set, new_set, 2));
    CHECK(r.at({0, 0}) == Approx(50));
    CHECK(r.at({1, 0}) == Approx(10));
    CHECK(r.at({1, 1}) == Approx(16));
    CHECK(r.at({1, 2}) == Approx(24));
    CHECK(r.size() == 4);
}

TEST_CASE("overlay: slanted edges, holes, multipolygons, partial cover") {
    Polygon holed{{Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, Ring{{3, 3}, {3, 6}, {6, 6}, {6, 3}, {3, 3}}}};
    const auto a = set_of({{{holed}}, box(3, 3, 6, 6), box(10, 0, 14, 10)});
    const MultiPolygon tri{{Polygon{{Ring{{-2, -1}, {12, 2}, {4, 11}, {-2, -1}}}}}};
    const MultiPolygon two{{Polygon{{Ring{{8, 8}, {13, 8}, {13, 12}, {8, 12}, {8, 8}}}}, Polygon{{Ring{{4.5, 4.5}, {5.5, 4.5}, {5, 7}, {4.5, 4.5}}}}}};
    const auto b = set_of({tri, two});
    check_against_geos(a, b);
    check_against_geos(b, a);
}

TEST_CASE("overlay: clockwise input rings are oriented") {
    const MultiPolygon cw{{Polygon{{Ring{{0, 0}, {0, 4}, {4, 4}, {4, 0}, {0, 0}}}}}};
    const auto a = set_of({cw});
    const auto b = set_of({box(2, 2, 6, 6)});
    const auto r = harmonise::overlay(a, b, 1);
    REQUIRE(r.pairs.size() == 1);
    CHECK(r.pairs[0].area == Approx(4));
    CHECK(r.from_area[0] == Approx(16));
}

TEST_CASE("overlay: regions overlapping within a vintage count in every pair") {
    const auto a = set_of({box(0, 0, 10, 10)});
    const auto b = set_of({box(0, 0, 6, 10), box(4, 0, 10, 10)});  // overlap on [4,6]
    check_against_geos(a, b);
    check_against_geos(b, a);
}

TEST_CASE("overlay: a unit unchanged between the sets, overlapping another unit of one set, meets it exactly") {
    // Tolerated slivers: in `to` the new unit C overlaps the unchanged A' by
    // 0.01 x 2; in `from` the old unit D overlaps the unchanged A the same way.
    // A's edges are not split (A = A'), so these pairs need the overlaps.
    SECTION("the overlap is in `to`") {
        const auto a = set_of({box(0, 0, 2, 2), box(2, 0, 4, 2)});
        const auto b = set_of({box(0, 0, 2, 2), box(1.99, 0, 4, 2)});
        const harmonise::OverlappingUnits overlapping{{}, {{0, 1}}};
        check_against_geos(a, b, &overlapping);
    }
    SECTION("the overlap is in `from`") {
        const auto a = set_of({box(0, 0, 2, 2), box(1.99, 0, 4, 2)});
        const auto b = set_of({box(0, 0, 2, 2), box(2, 0, 4, 2)});
        const harmonise::OverlappingUnits overlapping{{{0, 1}}, {}};
        check_against_geos(a, b, &overlapping);
    }
    SECTION("two unchanged units overlapping in both sets") {
        const auto a = set_of({box(0, 0, 2, 2), box(1.99, 0, 4, 2)});
        const harmonise::OverlappingUnits overlapping{{{0, 1}}, {{0, 1}}};
        check_against_geos(a, a, &overlapping);
    }
}

}  // namespace overlay_test
