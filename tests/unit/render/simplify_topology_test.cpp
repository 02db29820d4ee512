// Simplification keeps the topology of the input: shortcuts that would cross
// another ring or swallow an island get their original points back.
#include "regio/render/arc_topology.hpp"
#include "regio/render/simplify.hpp"

#include "regio/geometry/geos_context.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace simplify_topology_test {

using namespace regio;
using geometry::MultiPolygon;
using geometry::Point;
using geometry::Polygon;
using geometry::Ring;

namespace {

MultiPolygon polygon(std::vector<Point> ring) {
    ring.push_back(ring.front());
    return {{Polygon{{Ring(ring)}}}};
}

// A coast with a deep bay open to the north (x 40..60, down to y 20).
MultiPolygon mainland_with_bay() {
    return polygon({{0, 0}, {100, 0}, {100, 100}, {60, 100}, {60, 20}, {40, 20}, {40, 100}, {0, 100}});
}

// GEOS checks of simplified shapes: each valid, no two overlapping.
void require_valid_and_disjoint(const std::vector<MultiPolygon>& shapes) {
    geometry::GeosContext ctx;
    auto h = ctx.get();
    std::vector<geometry::GeomPtr> g;
    for (const auto& s : shapes) {
        g.push_back(geometry::to_geos(ctx, s));
        REQUIRE(GEOSisValid_r(h, g.back().get()) == 1);
    }
    for (std::size_t i = 0; i < g.size(); ++i)
        for (std::size_t j = i + 1; j < g.size(); ++j) {
            geometry::GeomPtr both(GEOSIntersection_r(h, g[i].get(), g[j].get()), geometry::GeomDeleter{h});
            double area = -1;
            GEOSArea_r(h, both.get(), &area);
            INFO("shapes " << i << " and " << j);
            CHECK(area == Approx(0).margin(1e-9));
        }
}

}  // namespace

TEST_CASE("simplify topology: a bay is not closed over the island in it") {
    const MultiPolygon land = mainland_with_bay();
    const MultiPolygon island = polygon({{45, 60}, {55, 60}, {55, 80}, {45, 80}});
    render::TopologyRepair repair;
    // 90 units would reduce the coast to its bounding square, covering the island.
    const auto s = render::simplify_shared({&land, &island}, 90.0, &repair);
    CHECK(repair.restored >= 1);
    CHECK(repair.unresolved == 0);
    require_valid_and_disjoint(s);
    // Without the island the same tolerance does close the bay.
    const auto alone = render::simplify_shared({&land}, 90.0);
    CHECK(geometry::vertex_count(alone[0]) == 5);
}

TEST_CASE("simplify topology: a shortcut across an island's edges is refined") {
    const MultiPolygon land = mainland_with_bay();
    // Straddles the bay's mouth (y = 100): the chord would cut through it.
    const MultiPolygon island = polygon({{45, 90}, {55, 90}, {55, 110}, {45, 110}});
    render::TopologyRepair repair;
    const auto s = render::simplify_shared({&land, &island}, 90.0, &repair);
    CHECK(repair.restored >= 1);
    require_valid_and_disjoint(s);
}

TEST_CASE("simplify topology: many islands in many bays, neighbours sharing the coast") {
    // A comb of bays, split into two regions at x = 500 (a shared border with
    // a zigzag), an island in every bay.
    std::vector<Point> west, east;
    auto comb = [](double x0, double x1, std::vector<Point>& ring) {
        for (double x = x0; x < x1; x += 100) {
            ring.push_back({x + 30, 100});
            ring.push_back({x + 30, 10});
            ring.push_back({x + 70, 10});
            ring.push_back({x + 70, 100});
        }
    };
    west = {{0, 0}, {500, 0}, {505, 30}, {495, 60}, {500, 100}};
    std::vector<Point> top;
    comb(0, 500, top);
    std::reverse(top.begin(), top.end());
    west.insert(west.end(), top.begin(), top.end());
    west.push_back({0, 100});
    east = {{500, 0}, {1000, 0}, {1000, 100}};
    std::vector<Point> etop;
    comb(500, 1000, etop);
    std::reverse(etop.begin(), etop.end());
    east.insert(east.end(), etop.begin(), etop.end());
    east.push_back({500, 100});
    east.push_back({495, 60});
    east.push_back({505, 30});
    std::vector<MultiPolygon> shapes{polygon(west), polygon(east)};
    for (double x = 0; x < 1000; x += 100) shapes.push_back(polygon({{x + 40, 40}, {x + 60, 40}, {x + 60, 90}, {x + 40, 90}}));
    std::vector<const MultiPolygon*> pointers;
    for (const auto& s : shapes) pointers.push_back(&s);
    for (const double tolerance : {5.0, 50.0, 95.0, 500.0}) {
        INFO("tolerance " << tolerance);
        render::TopologyRepair repair;
        const auto s = render::simplify_shared(pointers, tolerance, &repair);
        CHECK(repair.unresolved == 0);
        require_valid_and_disjoint(s);
        for (std::size_t i = 2; i < s.size(); ++i) CHECK(!s[i].polygons.empty());  // no island lost
    }
}

TEST_CASE("arc topology: crossing shortcuts of two open arcs are undone, crossing originals reported") {
    // A bump whose chord (y = 0) cuts through a short arc under the bump.
    render::SimplifiedArc upper{{{0, 0}, {5, 10}, {10, 0}}, {1, 0, 1}};
    render::SimplifiedArc lower{{{4, 3}, {5, 1}, {6, -3}}, {1, 0, 1}};
    std::vector<render::SimplifiedArc> arcs{upper, lower};
    const auto repaired = render::repair_arc_topology(arcs, {});
    CHECK(repaired.unresolved == 0);
    CHECK(repaired.restored >= 1);
    CHECK(arcs[0].keep[1] == 1);  // only the bump's point can undo the crossing
    // Originals that cross cannot be repaired: reported, not looped on.
    std::vector<render::SimplifiedArc> crossing{{{{0, 0}, {10, 10}}, {1, 1}}, {{{0, 10}, {10, 0}}, {1, 1}}};
    CHECK(render::repair_arc_topology(crossing, {}).unresolved == 2);
}

}  // namespace simplify_topology_test
