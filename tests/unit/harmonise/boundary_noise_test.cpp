// Boundary noise (issue #19): two copies of one partition, the second moved by
// a smooth displacement of up to 300 m (as two separate generalisations
// would), with and without the tolerance; a real split and a thin but real
// shift among the noise; the parent rule.
#include "regio/error.hpp"
#include "regio/harmonise/boundary_noise.hpp"
#include "regio/harmonise/changes.hpp"
#include "regio/harmonise/crosswalk.hpp"
#include "regio/harmonise/generalisation_advice.hpp"
#include "regio/harmonise/overlay.hpp"
#include "unit_sets.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <numbers>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace boundary_noise_test {

using namespace regio;
using harmonise::ChangeType;

namespace {

using Move = std::function<geometry::Point(geometry::Point)>;

// A box with a vertex every 250 m, each vertex moved by `move`: shared edges
// of neighbouring boxes get the same vertices, so the copy is a partition too.
geometry::MultiPolygon moved_box(double x0, double y0, double x1, double y1, const Move& move, double step = 250) {
    geometry::Ring ring;
    const geometry::Point corners[] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    for (int side = 0; side < 4; ++side) {
        const auto a = corners[side], b = corners[side + 1];
        const int steps = static_cast<int>(std::lround(std::hypot(b.x - a.x, b.y - a.y) / step));
        for (int k = 0; k < steps; ++k)
            ring.push_back(move({a.x + (b.x - a.x) * k / steps, a.y + (b.y - a.y) * k / steps}));
    }
    ring.push_back(ring.front());
    return {{geometry::Polygon{{ring}}}};
}

// Up to 300 m across each boundary, 0 on the outline of the 30 km square
// (so that both copies cover the same territory).
geometry::Point generalised(geometry::Point p) {
    const double pi = std::numbers::pi;
    const double envelope = std::sin(pi * p.x / 30000) * std::sin(pi * p.y / 30000);
    return {p.x + 300 * envelope * std::sin(2 * pi * p.y / 4000), p.y + 300 * envelope * std::sin(2 * pi * p.x / 4000)};
}
geometry::Point exact(geometry::Point p) { return p; }

// 3 x 3 units of 10 km; the centre one ("C") optionally split in two at y = 15 km.
geometry::RegionSet grid_units(const Move& move, bool split_centre, double step = 250) {
    std::vector<std::pair<std::string, geometry::MultiPolygon>> units;
    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 3; ++col) {
            const double x = col * 10000.0, y = row * 10000.0;
            const std::string id = std::string(1, static_cast<char>('A' + 3 * row + col));
            if (split_centre && id == "E") {
                units.emplace_back("E1", moved_box(x, y, x + 10000, y + 5000, move, step));
                units.emplace_back("E2", moved_box(x, y + 5000, x + 10000, y + 10000, move, step));
            } else {
                units.emplace_back(id, moved_box(x, y, x + 10000, y + 10000, move, step));
            }
        }
    return harmonise_test::set_of(units);
}

struct Built {
    harmonise::NoiseResult noise;
    harmonise::BuildResult built;
    std::map<std::string, harmonise::Change> changes;
};

Built build(const geometry::RegionSet& a, const geometry::RegionSet& b, const harmonise::BoundaryNoiseOptions& options) {
    Built out;
    harmonise::OverlayResult overlay = harmonise::overlay(a, b, 1);
    out.noise = harmonise::resolve_boundary_noise(overlay, nullptr, a, b, options, 1);
    out.built = harmonise::build_crosswalk(overlay, a.ids, b.ids, nullptr, {});
    for (const auto& c : harmonise::classify_changes(out.built.crosswalk, a.ids, b.ids, nullptr, nullptr, {}))
        out.changes.emplace(c.side + ":" + c.id, c);
    return out;
}

harmonise::BoundaryNoiseOptions tolerance(double d) {
    harmonise::BoundaryNoiseOptions o;
    o.tolerance_m = d;
    return o;
}

}  // namespace

TEST_CASE("boundary noise: a generalised copy of a partition is unchanged with the tolerance, noisy without") {
    const auto a = grid_units(exact, false);
    const auto b = grid_units(generalised, false);
    SECTION("without: pieces cross every inner boundary and units look shifted") {
        const Built x = build(a, b, tolerance(0));
        CHECK(x.noise.pieces.empty());
        CHECK(x.built.crosswalk.rows.size() > 9);
        CHECK(x.changes.at("from:E").type == ChangeType::BoundaryShift);
    }
    SECTION("with D = 1000 m: one row per unit, share 1, every unit unchanged; the noise is reported per pair") {
        const Built x = build(a, b, tolerance(1000));
        REQUIRE(x.built.crosswalk.rows.size() == 9);
        for (const auto& r : x.built.crosswalk.rows) {
            INFO(r.from_id << " -> " << r.to_id);
            CHECK(r.from_id == r.to_id);
            CHECK(r.area_share_from == 1.0);
        }
        for (const auto& [key, c] : x.changes) {
            INFO(key);
            CHECK(c.type == ChangeType::Unchanged);
        }
        REQUIRE_FALSE(x.noise.pieces.empty());
        for (const auto& p : x.noise.pieces) {
            CHECK(p.reason == harmonise::NoiseReason::Thin);
            CHECK(p.given_to == p.from);  // the same unit in both copies
            CHECK(p.to != p.from);
            CHECK(p.mean_width_m > 0);
            CHECK(p.mean_width_m < 300);
        }
        // Every inner boundary of E has noise both ways: E to its 4 neighbours.
        int from_e = 0;
        for (const auto& p : x.noise.pieces) from_e += a.ids[p.from] == "E";
        CHECK(from_e >= 4);
    }
    SECTION("a tolerance below the displacement leaves some of it") {
        const Built x = build(a, b, tolerance(100));
        CHECK(x.built.crosswalk.rows.size() > 9);
    }
}

TEST_CASE("boundary noise: a real split among the noise is kept, the noise is not") {
    const Built x = build(grid_units(exact, false), grid_units(generalised, true), tolerance(1000));
    std::map<std::string, double> e_shares;
    for (const auto& r : x.built.crosswalk.rows)
        if (r.from_id == "E") e_shares[r.to_id] = r.area_share_from;
    REQUIRE(e_shares.size() == 2);
    CHECK(e_shares.at("E1") == Approx(0.5).margin(0.02));
    CHECK(e_shares.at("E2") == Approx(0.5).margin(0.02));
    CHECK(x.changes.at("from:E").type == ChangeType::Split);
    CHECK(x.built.crosswalk.rows.size() == 10);
    for (const char* id : {"from:A", "from:B", "from:D", "from:I"}) {
        INFO(id);
        CHECK(x.changes.at(id).type == ChangeType::Unchanged);
    }
}

TEST_CASE("boundary noise: a thin change wider than D survives, one narrower is noise") {
    using harmonise_test::box;
    // The boundary between L and R moves east by `shift` over its whole length.
    auto shifted = [](double shift) {
        return harmonise_test::set_of({{"L", box(0, 0, 10000 + shift, 20000)}, {"R", box(10000 + shift, 0, 20000, 20000)}});
    };
    const auto before = harmonise_test::set_of({{"L", box(0, 0, 10000, 20000)}, {"R", box(10000, 0, 20000, 20000)}});
    SECTION("1500 m with D = 1000 m: a real shift") {
        const Built x = build(before, shifted(1500), tolerance(1000));
        CHECK(x.noise.pieces.empty());
        CHECK(x.built.crosswalk.rows.size() == 3);  // L->L, R->L, R->R
        CHECK(x.changes.at("from:R").type == ChangeType::BoundaryShift);
    }
    SECTION("400 m with D = 1000 m: noise, R stays R") {
        const Built x = build(before, shifted(400), tolerance(1000));
        REQUIRE(x.noise.pieces.size() == 1);
        CHECK(x.noise.pieces[0].area == Approx(400.0 * 20000));
        CHECK(x.noise.pieces[0].mean_width_m == Approx(2 * 400.0 * 20000 / (2 * 400 + 2 * 20000)));
        CHECK(x.built.crosswalk.rows.size() == 2);
        CHECK(x.changes.at("from:R").type == ChangeType::Unchanged);
    }
    SECTION("a unit thinner than D keeps its own piece") {
        const auto thin_units = harmonise_test::set_of({{"S", box(0, 0, 500, 20000)}, {"T", box(500, 0, 20000, 20000)}});
        const Built x = build(thin_units, thin_units, tolerance(1000));
        CHECK(x.noise.pieces.empty());
        CHECK(x.built.crosswalk.rows.size() == 2);
    }
}

TEST_CASE("boundary noise: pieces may not cross an unchanged parent") {
    using harmonise_test::box;
    // Parents 01 (x < 10 km) and 02; the new vintage moves the boundary of
    // 01b and 02a by 2 km: a real-looking change across the parent boundary.
    const auto before = harmonise_test::set_of({{"01a", box(0, 0, 5000, 10000)}, {"01b", box(5000, 0, 10000, 10000)},
                                                {"02a", box(10000, 0, 20000, 10000)}});
    const auto after = harmonise_test::set_of({{"01x", box(0, 0, 5000, 10000)}, {"01y", box(5000, 0, 12000, 10000)},
                                               {"02z", box(12000, 0, 20000, 10000)}});
    harmonise::BoundaryNoiseOptions options;
    options.from_parents = {"01", "01", "02"};
    options.to_parents = {"01", "01", "02"};
    const Built x = build(before, after, options);
    REQUIRE(x.noise.pieces.size() == 1);
    CHECK(before.ids[x.noise.pieces[0].from] == "02a");
    CHECK(after.ids[x.noise.pieces[0].to] == "01y");
    CHECK(after.ids[x.noise.pieces[0].given_to] == "02z");
    CHECK(x.noise.pieces[0].reason == harmonise::NoiseReason::CrossesParent);
    // Totals per parent are exact: all of 02a's area stays in 02.
    for (const auto& r : x.built.crosswalk.rows) CHECK(r.from_id.substr(0, 2) == r.to_id.substr(0, 2));

    SECTION("a source with nothing in its parent: the parents changed") {
        harmonise::BoundaryNoiseOptions wrong = options;
        wrong.to_parents = {"01", "01", "03"};
        harmonise::OverlayResult overlay = harmonise::overlay(before, after, 1);
        CHECK_THROWS_AS(harmonise::resolve_boundary_noise(overlay, nullptr, before, after, wrong, 1), DataError);
    }
}

TEST_CASE("boundary noise: weights follow the area to the receiving pair") {
    using harmonise_test::box;
    const auto before = harmonise_test::set_of({{"L", box(0, 0, 10000, 20000)}, {"R", box(10000, 0, 20000, 20000)}});
    const auto after = harmonise_test::set_of({{"L", box(0, 0, 10400, 20000)}, {"R", box(10400, 0, 20000, 20000)}});
    harmonise::OverlayResult overlay = harmonise::overlay(before, after, 1);
    REQUIRE(overlay.pairs.size() == 3);
    std::vector<double> weights{100, 7, 93};  // L->L, R->L (the strip), R->R
    const auto noise = harmonise::resolve_boundary_noise(overlay, &weights, before, after, tolerance(1000), 1);
    REQUIRE(noise.pieces.size() == 1);
    CHECK(noise.pieces[0].weight == 7);
    CHECK(weights == std::vector<double>{100, 100});
    REQUIRE(overlay.pairs.size() == 2);
    CHECK(overlay.pairs[1].area == Approx(10000.0 * 20000));
}

TEST_CASE("boundary noise: the tolerance from a GISCO-style file name") {
    CHECK(harmonise::tolerance_from_file_name("data/NUTS_RG_20M_2021_3035.gpkg") == 5000.0);
    CHECK(harmonise::tolerance_from_file_name("../shared/data/nuts/nuts_2016_03M_3035.gpkg") == 750.0);
    CHECK(harmonise::tolerance_from_file_name("NUTS_RG_01M_2024_4326.shp") == 250.0);
    CHECK_FALSE(harmonise::tolerance_from_file_name("berlin_lor_3035.gpkg").has_value());
    CHECK_FALSE(harmonise::tolerance_from_file_name("units_2020M.gpkg").has_value());
}

TEST_CASE("generalisation advice: coarse vertices and thin pieces between kept codes") {
    const auto a = grid_units(exact, false, 1000);
    CHECK(harmonise::median_vertex_spacing(a) == Approx(1000));
    SECTION("two generalisations of one partition: advice with a tolerance to try") {
        const auto b = grid_units(generalised, false, 1000);
        const auto advice = harmonise::generalisation_advice(a, b, harmonise::overlay(a, b, 1), 0);
        REQUIRE(advice.has_value());
        CHECK_THAT(*advice, Catch::Matchers::Contains("median vertex spacing 1000 m and 1003 m"));
        CHECK_THAT(*advice, Catch::Matchers::Contains("--boundary-tolerance 500 (metres) would treat them as noise"));
        const auto with_tolerance = harmonise::generalisation_advice(a, b, harmonise::overlay(a, b, 1), 1000);
        REQUIRE(with_tolerance.has_value());
        CHECK_THAT(*with_tolerance, Catch::Matchers::Contains("--boundary-tolerance 1000 m treats those"));
    }
    SECTION("the same shapes: nothing to advise") {
        CHECK_FALSE(harmonise::generalisation_advice(a, a, harmonise::overlay(a, a, 1), 0).has_value());
    }
    SECTION("fine vertices (100 m): nothing to advise") {
        const auto fine = grid_units(exact, false, 100), fine_moved = grid_units(generalised, false, 100);
        CHECK_FALSE(harmonise::generalisation_advice(fine, fine_moved, harmonise::overlay(fine, fine_moved, 1), 0).has_value());
    }
}

}  // namespace boundary_noise_test
