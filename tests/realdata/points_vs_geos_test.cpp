// 1,000,000 seeded random points over NUTS 2021 level 3 (1:20M): per-region
// counts from regio's locator must equal an independent count made with GEOS
// prepared polygons behind a plain envelope prefilter.
#include "regio/geometry/geos_context.hpp"
#include "regio/geometry/point_locator.hpp"
#include "regio/geometry/region_checks.hpp"
#include "regio/io/region_reader.hpp"

#include <catch2/catch.hpp>

#include <random>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace points_vs_geos_test {

using namespace regio;

namespace {

struct Envelope {
    double xmin, ymin, xmax, ymax;
};

std::vector<std::int64_t> count_with_geos(const geometry::RegionSet& regions, const std::vector<geometry::Point>& points) {
    geometry::GeosContext ctx;
    GEOSContextHandle_t h = ctx.get();
    std::vector<geometry::GeomPtr> shapes;
    std::vector<geometry::PreparedPtr> prepared;
    std::vector<Envelope> envelopes;
    for (const auto& shape : regions.shapes) {
        shapes.push_back(geometry::to_geos(ctx, shape));
        prepared.emplace_back(GEOSPrepare_r(h, shapes.back().get()), geometry::PreparedDeleter{h});
        const geometry::Box b = geometry::bounds(shape);
        envelopes.push_back({b.xmin, b.ymin, b.xmax, b.ymax});
    }
    std::vector<std::int64_t> counts(regions.size() + 1, 0);
    for (const auto& p : points) {
        geometry::GeomPtr point = geometry::make_point(ctx, p.x, p.y);
        std::size_t hits = 0, region = regions.size();
        for (std::size_t r = 0; r < regions.size(); ++r) {
            const Envelope& e = envelopes[r];
            if (p.x < e.xmin || p.x > e.xmax || p.y < e.ymin || p.y > e.ymax) continue;
            if (GEOSPreparedIntersects_r(h, prepared[r].get(), point.get()) == 1) {
                if (hits++ == 0) region = r;
            }
        }
        REQUIRE(hits <= 1);  // random points never land on a shared boundary
        ++counts[region];
    }
    return counts;
}

}  // namespace

TEST_CASE("real data: 1M random points on NUTS 2021 level 3 match GEOS exactly") {
    std::vector<std::string> warnings;
    geometry::RegionSet regions = io::read_regions(
        io::InputSpec{std::string(REGIO_SHARED_DATA) + "/nuts/nuts_2021_20M_3035.gpkg", "nutsrg_3"}, {"NUTS_ID", {}},
        warnings);
    REQUIRE(regions.size() == 1514);
    CHECK(geometry::repair_invalid(regions, 2).empty());
    const geometry::PointLocator locator(regions);
    for (const auto& o : geometry::find_overlaps(regions, locator, 2)) CHECK_FALSE(o.significant);

    // Half the points uniform over mainland Europe's window, half clustered
    // around region vertices so that many land close to boundaries.
    std::mt19937_64 rng(20261125);
    std::uniform_real_distribution<double> ux(2.6e6, 7.4e6), uy(1.3e6, 5.5e6), jitter(-2000.0, 2000.0);
    std::vector<geometry::Point> vertices;
    for (const auto& shape : regions.shapes)
        for (const auto& poly : shape.polygons) vertices.insert(vertices.end(), poly.rings[0].begin(), poly.rings[0].end());
    std::vector<geometry::Point> points;
    points.reserve(1000000);
    for (int i = 0; i < 500000; ++i) points.push_back({ux(rng), uy(rng)});
    for (int i = 0; i < 500000; ++i) {
        const auto& v = vertices[rng() % vertices.size()];
        points.push_back({v.x + jitter(rng), v.y + jitter(rng)});
    }

    std::vector<std::int64_t> ours(regions.size() + 1, 0);
    for (const auto& p : points) {
        const auto r = locator.locate(p);
        ++ours[r < 0 ? regions.size() : static_cast<std::size_t>(r)];
    }
    const auto theirs = count_with_geos(regions, points);
    std::size_t differing = 0;
    for (std::size_t r = 0; r <= regions.size(); ++r)
        if (ours[r] != theirs[r]) {
            if (++differing <= 5)
                WARN((r < regions.size() ? regions.ids[r] : std::string("outside")) << ": regio " << ours[r]
                                                                                       << ", GEOS " << theirs[r]);
        }
    CHECK(differing == 0);
    CHECK(ours[regions.size()] > 0);          // some points in the sea
    CHECK(ours[regions.size()] < 1000000);    // and most on land
}

}  // namespace points_vs_geos_test
