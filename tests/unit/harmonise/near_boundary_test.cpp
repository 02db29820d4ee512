// How sure a crosswalk row is (issue #19): the near-boundary share of a piece
// (the band within D of the source's other kept pieces, plus the noise given
// to it), its weighting, apply's per-target share and its composition along
// a chain. Boxes with exact coordinates: a band along a straight shared edge
// is an exact strip, so the shares hold to 1e-9.
#include "regio/geometry/neighbour_bands.hpp"
#include "regio/harmonise/apply.hpp"
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/near_boundary.hpp"
#include "regio/harmonise/overlay.hpp"
#include "unit_sets.hpp"

#include <catch2/catch.hpp>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace near_boundary_test {

using namespace regio;
using harmonise_test::box;
using harmonise_test::set_of;

TEST_CASE("near boundary: bands of a group of pieces") {
    SECTION("a piece wholly within D of its neighbour: the whole piece") {
        const std::vector<geometry::MultiPolygon> shapes{box(0, 0, 100, 100), box(100, 0, 1000, 100)};
        const auto bands = geometry::neighbour_bands(shapes, {{0, 1}}, 200, 1);
        CHECK(bands[0].area == Approx(10000).epsilon(1e-12));
        CHECK(bands[1].area == Approx(200 * 100).epsilon(1e-12));
    }
    SECTION("a piece far from the others of its group, or alone: no band") {
        const std::vector<geometry::MultiPolygon> shapes{box(0, 0, 100, 100), box(1000, 0, 1100, 100), box(5000, 0, 6000, 100)};
        const auto bands = geometry::neighbour_bands(shapes, {{0, 1}, {2}}, 200, 2);
        for (const auto& b : bands) {
            CHECK(b.area == 0);
            CHECK(b.shape.empty());
        }
    }
    SECTION("a mixed piece: its strip along the shared edge") {
        const std::vector<geometry::MultiPolygon> shapes{box(0, 0, 1000, 500), box(1000, 0, 1500, 500), box(0, 500, 1500, 600)};
        // Only 0 and 1 form a group: 2 (touching both) is another source's piece.
        const auto bands = geometry::neighbour_bands(shapes, {{0, 1}}, 300, 2);
        CHECK(std::abs(bands[0].area / 500000 - 0.3) < 1e-9);
        CHECK(std::abs(bands[1].area / 250000 - 0.6) < 1e-9);
        CHECK(bands[2].area == 0);
    }
}

namespace {

// S is split by the target line x = 700 into T1 and T2; U goes whole into V.
struct SplitCase {
    geometry::RegionSet from = set_of({{"S", box(0, 0, 1000, 500)}, {"U", box(2000, 0, 3000, 500)}});
    geometry::RegionSet to = set_of({{"T1", box(0, 0, 700, 500)}, {"T2", box(700, 0, 1000, 500)}, {"V", box(2000, 0, 3000, 500)}});
    harmonise::OverlayResult overlay = harmonise::overlay(from, to, 1);
};

}  // namespace

TEST_CASE("near boundary: shares of the pairs, by area, apportioned and measured weights, noise") {
    SplitCase c;
    REQUIRE(c.overlay.pairs.size() == 3);
    const harmonise::NoiseResult no_noise;
    const auto near = harmonise::near_boundary_pieces(c.overlay, no_noise, c.from, c.to, 100, 2);
    SECTION("area: the 100 m strips on both sides of x = 700; the unsplit unit 0") {
        const auto shares = harmonise::near_boundary_shares(c.overlay, near, nullptr, harmonise::BandWeight::Measured, nullptr);
        CHECK(std::abs(shares.area[0] - 50000.0 / 350000) < 1e-9);
        CHECK(std::abs(shares.area[1] - 50000.0 / 150000) < 1e-9);
        CHECK(shares.area[2] == 0);
        CHECK(shares.weight.empty());
    }
    SECTION("weights known per piece: apportioned by area within the piece") {
        const std::vector<double> weights{70, 30, 10};
        const auto shares = harmonise::near_boundary_shares(c.overlay, near, &weights, harmonise::BandWeight::ApportionedByArea, nullptr);
        CHECK(std::abs(shares.weight[0] - 1.0 / 7) < 1e-9);
        CHECK(std::abs(shares.weight[1] - 1.0 / 3) < 1e-9);
        CHECK(shares.weight[2] == 0);
    }
    SECTION("weights measured in the bands") {
        const std::vector<double> weights{70, 30, 10}, in_bands{35, 3, 0};
        const auto shares = harmonise::near_boundary_shares(c.overlay, near, &weights, harmonise::BandWeight::Measured, &in_bands);
        CHECK(shares.weight[0] == Approx(0.5));
        CHECK(shares.weight[1] == Approx(0.1));
    }
    SECTION("noise given to a pair counts whole; its weight is not apportioned again") {
        harmonise::NoiseResult noise;
        noise.pieces.push_back({1, 2, 2, 100000, 4, 50, harmonise::NoiseReason::Thin});  // a strip of U, given to U -> V
        harmonise::OverlayResult grown = c.overlay;
        grown.pairs[2].area += 100000;
        const auto with_noise = harmonise::near_boundary_pieces(grown, noise, c.from, c.to, 100, 1);
        const std::vector<double> weights{70, 30, 14};
        const auto shares =
            harmonise::near_boundary_shares(grown, with_noise, &weights, harmonise::BandWeight::ApportionedByArea, nullptr);
        CHECK(std::abs(shares.area[2] - 100000.0 / 600000) < 1e-9);
        CHECK(std::abs(shares.weight[2] - 4.0 / 14) < 1e-9);
    }
    SECTION("a piece wholly within D of the line that splits its source: share 1") {
        const auto narrow_to = set_of({{"T1", box(0, 0, 950, 500)}, {"T2", box(950, 0, 1000, 500)}, {"V", box(2000, 0, 3000, 500)}});
        const auto narrow = harmonise::overlay(c.from, narrow_to, 1);
        const auto bands = harmonise::near_boundary_pieces(narrow, no_noise, c.from, narrow_to, 100, 1);
        const auto shares = harmonise::near_boundary_shares(narrow, bands, nullptr, harmonise::BandWeight::Measured, nullptr);
        CHECK(std::abs(shares.area[1] - 1.0) < 1e-9);
        CHECK(std::abs(shares.area[0] - 50000.0 / 475000) < 1e-9);
    }
    SECTION("a tolerance of 0 measures nothing") {
        const auto none = harmonise::near_boundary_pieces(c.overlay, no_noise, c.from, c.to, 0, 1);
        const auto shares = harmonise::near_boundary_shares(c.overlay, none, nullptr, harmonise::BandWeight::Measured, nullptr);
        for (double s : shares.area) CHECK(s == 0);
    }
}

TEST_CASE("near boundary: the rows of a built crosswalk and their summary") {
    SplitCase c;
    const auto near = harmonise::near_boundary_pieces(c.overlay, {}, c.from, c.to, 100, 1);
    const auto shares = harmonise::near_boundary_shares(c.overlay, near, nullptr, harmonise::BandWeight::Measured, nullptr);
    auto built = harmonise::build_crosswalk(c.overlay, c.from.ids, c.to.ids, nullptr, {});
    harmonise::attach_near_boundary(built.crosswalk, c.overlay, c.from.ids, c.to.ids, shares);
    REQUIRE(built.crosswalk.has_near_boundary);
    REQUIRE(built.crosswalk.rows.size() == 3);
    CHECK(built.crosswalk.rows[1].to_id == "T2");
    CHECK(std::abs(built.crosswalk.rows[1].near_boundary_area_share - 1.0 / 3) < 1e-9);
    const auto summary = harmonise::summarise_near_boundary(built.crosswalk);
    CHECK(std::abs(summary.area_share - 100000.0 / 1000000) < 1e-9);
    CHECK(summary.max_from == "S");
    CHECK(summary.max_to == "T2");
}

namespace {

harmonise::CrosswalkRow row(const char* from, const char* to, double area, double share, double near) {
    harmonise::CrosswalkRow r{from, to, area, share, 1, 0, 0, 0, 0, 0};
    r.near_boundary_area_share = near;
    return r;
}

}  // namespace

TEST_CASE("near boundary: crosswalk apply's share per target") {
    // X gets 0.4 of A (half of it near a boundary) and all of B (none):
    // 100 * 0.4 * 0.5 / (100 * 0.4 + 60) = 0.2. Y gets 0.6 of A (0.25 near).
    harmonise::Crosswalk cw{{row("A", "X", 4, 0.4, 0.5), row("A", "Y", 6, 0.6, 0.25), row("B", "X", 6, 1, 0)}, false};
    cw.has_near_boundary = true;
    io::CsvTable data;
    data.columns = {"id", "pop"};
    data.rows = {{"A", "100"}, {"B", "60"}};
    data.lines = {2, 3};
    harmonise::ApplyOptions options;
    options.id = "id";
    options.extensive = {"pop"};
    const auto result = harmonise::apply_crosswalk(cw, data, options);
    REQUIRE(result.near_boundary_share.size() == 2);
    CHECK(std::abs(result.near_boundary_share[0] - 0.2) < 1e-12);
    CHECK(std::abs(result.near_boundary_share[1] - 0.25) < 1e-12);
    const auto largest = harmonise::largest_near_boundary_shares(result, 5);
    REQUIRE(largest.size() == 2);
    CHECK(largest[0].first == "Y");
    SECTION("without the columns: nothing") {
        cw.has_near_boundary = false;
        CHECK(harmonise::apply_crosswalk(cw, data, options).near_boundary_share.empty());
    }
}

TEST_CASE("near boundary: chaining composes 1 - (1 - u1)(1 - u2), weighted by what each path carries") {
    // A -> X (0.5, u 0.2) and A -> Y (0.5, u 0); X -> P (u 0.5), Y -> P (u 0.1).
    harmonise::Crosswalk ab{{row("A", "X", 1, 0.5, 0.2), row("A", "Y", 1, 0.5, 0)}, false};
    harmonise::Crosswalk bc{{row("X", "P", 1, 1, 0.5), row("Y", "P", 1, 1, 0.1)}, false};
    ab.has_near_boundary = bc.has_near_boundary = true;
    const auto ac = harmonise::chain_crosswalks(ab, bc);
    REQUIRE(ac.rows.size() == 1);
    REQUIRE(ac.has_near_boundary);
    // Paths: 1 - 0.8 * 0.5 = 0.6 and 1 - 1 * 0.9 = 0.1, equal areas.
    CHECK(std::abs(ac.rows[0].near_boundary_area_share - 0.35) < 1e-12);
    SECTION("a table without the columns: the chain has none (unknown is not 0)") {
        bc.has_near_boundary = false;
        CHECK(!harmonise::chain_crosswalks(ab, bc).has_near_boundary);
    }
}

}  // namespace near_boundary_test
