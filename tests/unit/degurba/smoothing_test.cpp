// Majority-rule smoothing and hole filling (../shared/spec/degurba.md §2.1
// steps 4-5, §7 "two UCs separated by one cell").
#include "regio/degurba/cell_flags.hpp"
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/majority_rule.hpp"
#include "test_grids.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <random>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace smoothing_test {

using namespace regio::degurba;
using namespace regio::degurba::test;

namespace {

// Reference R2022A: re-evaluate every cell of the grid each pass on the state
// at the start of the pass, until a pass adds nothing.
int naive_majority(std::int64_t cols, std::int64_t rows, std::vector<std::int32_t>& id) {
    int passes = 0;
    for (;;) {
        ++passes;
        std::vector<std::int32_t> next = id;
        bool added = false;
        for (std::int64_t r = 0; r < rows; ++r)
            for (std::int64_t c = 0; c < cols; ++c) {
                if (id[r * cols + c] != 0) continue;
                std::map<std::int32_t, int> counts;
                for (int dr = -1; dr <= 1; ++dr)
                    for (int dc = -1; dc <= 1; ++dc) {
                        const std::int64_t nr = r + dr;
                        const std::int64_t nc = c + dc;
                        if ((dr == 0 && dc == 0) || nr < 0 || nr >= rows || nc < 0 || nc >= cols) continue;
                        if (const auto u = id[nr * cols + nc]; u != 0) ++counts[u];
                    }
                for (const auto& [u, n] : counts)
                    if (n >= 5) {
                        next[r * cols + c] = u;
                        added = true;
                    }
            }
        id = std::move(next);
        if (!added) return passes;
    }
}

}  // namespace

TEST_CASE("degurba: smoothing iterates to a fixed point - one synchronous pass at a time") {
    // A 10 x 10 centre with a 1-wide slot cut 5 cells deep from its top edge.
    // Pass 1 fills the 4 lower slot cells; the top one has only 4 centre
    // neighbours until then, so pass 2 adds it and pass 3 adds nothing.
    PopulationGrid grid = zero_grid(14, 14);
    fill(grid, 2, 11, 2, 11, 2000);
    fill(grid, 2, 6, 6, 6, 0);
    const GridClassification result = classify_grid(grid, Options{});
    CHECK(result.stats.smoothing_passes == 3);
    CHECK(result.stats.cells_added_by_smoothing == 5);
    CHECK(result.stats.cells_added_by_filling == 0);
    REQUIRE(result.clusters.size() == 1);
    CHECK(result.clusters[0].cells == 100);
    // Nothing left to add: a fixed point.
    std::vector<std::int32_t> ids(result.cluster_id);
    CHECK(naive_majority(grid.cols, grid.rows, ids) == 1);
}

TEST_CASE("degurba: smoothing matches a whole-grid synchronous reference on random centres") {
    std::mt19937 rng(7);
    const std::int64_t cols = 40;
    const std::int64_t rows = 30;
    const std::vector<std::uint8_t> no_flags(static_cast<std::size_t>(cols * rows), 0);
    for (int trial = 0; trial < 20; ++trial) {
        std::bernoulli_distribution bit(0.35 + 0.02 * trial);
        std::uniform_int_distribution<int> which(1, 3);
        std::vector<std::int32_t> ids(static_cast<std::size_t>(cols * rows), 0);
        for (auto& id : ids) id = bit(rng) ? which(rng) : 0;
        std::vector<std::int32_t> expected = ids;
        const int passes = naive_majority(cols, rows, expected);
        const SmoothingStats stats = apply_majority_rule(cols, rows, no_flags, Options{}, ids);
        CHECK(ids == expected);
        CHECK(stats.passes == passes);
    }
}

TEST_CASE("degurba: two centres separated by one cell never merge (spec §7)") {
    // Two 3-wide centres with a 1-cell gap column: a gap cell sees at most 3
    // cells of each centre, so it joins neither.
    PopulationGrid grid = zero_grid(11, 9);
    fill(grid, 1, 7, 1, 4, 2000);  // 28 cells = 56 000
    fill(grid, 1, 7, 6, 9, 2000);
    const GridClassification result = classify_grid(grid, Options{});
    CHECK(result.stats.urban_centres == 2);
    CHECK(class_at(result, 4, 5) == code::rural);
    CHECK(id_at(result, 4, 4) == 1);
    CHECK(id_at(result, 4, 6) == 2);
    CHECK(result.stats.cells_added_by_smoothing == 0);
}

TEST_CASE("degurba: neighbours outside the grid are not members (spec §1)") {
    // A centre in the top-left corner: the corner-adjacent cells on the grid
    // border have only 5 neighbours, so they need all of them.
    PopulationGrid grid = zero_grid(8, 8);
    fill(grid, 0, 4, 0, 4, 2500);
    pop(grid, 0, 2) = 0;  // border notch: neighbours (0,1),(0,3),(1,1),(1,2),(1,3) = 5 -> added
    pop(grid, 2, 2) = 0;  // interior: 8 centre neighbours -> added
    const GridClassification result = classify_grid(grid, Options{});
    CHECK(class_at(result, 0, 2) == code::urban_centre);
    CHECK(class_at(result, 2, 2) == code::urban_centre);
    // (0,5) outside the block: neighbours (0,4),(1,4) in, 3 outside the grid -> stays out.
    CHECK(class_at(result, 0, 5) == code::rural);
}

TEST_CASE("degurba: R2023A counts only populated or land neighbours and never adds water") {
    // A centre in columns 0-1, water (land 0, pop 0) in columns 3-4. Cell
    // (2,2) has 3 centre neighbours: R2022A needs 5 of 8, R2023A a majority
    // of the neighbours that are centre, populated or land.
    PopulationGrid grid = zero_grid(5, 5);
    fill(grid, 0, 4, 0, 1, 6000);  // 10 cells = 60 000, a centre in columns 0-1
    grid.land_share.assign(25, 1.0);
    for (std::int64_t r = 0; r < 5; ++r)
        for (std::int64_t c = 3; c < 5; ++c) grid.land_share[static_cast<std::size_t>(r * 5 + c)] = 0.0;
    // (2,2): centre neighbours (1,1),(2,1),(3,1) = 3; water (1,3),(2,3),(3,3);
    // land cells (1,2),(3,2) -> R2023A voters 3 + 2 = 5, 3 of 5 is a majority.
    Options r2022;
    const GridClassification plain = classify_grid(grid, r2022);
    CHECK(class_at(plain, 2, 2) == code::rural);
    Options r2023;
    r2023.majority_rule = MajorityRule::R2023A;
    const GridClassification variant = classify_grid(grid, r2023);
    CHECK(class_at(variant, 2, 2) == code::urban_centre);
    // Water cells themselves are never added, even when surrounded.
    CHECK(class_at(variant, 2, 3) == code::rural);
    // With no land layer R2023A is R2022A: all 8 neighbours vote.
    PopulationGrid no_land = grid;
    no_land.land_share.clear();
    CHECK(class_map(classify_grid(no_land, r2023)) == class_map(classify_grid(no_land, r2022)));
}

TEST_CASE("degurba: smoothing can be switched off") {
    PopulationGrid grid = example_a();
    Options options;
    options.majority_rule = MajorityRule::Off;
    const GridClassification result = classify_grid(grid, options);
    CHECK(result.stats.smoothing_passes == 0);
    // The 16-cell hole is too large to fill: the centre stays the ring.
    CHECK(result.clusters.at(0).cells == 20);
}

TEST_CASE("degurba: hole filling fills holes of 1-14 cells - not 15 (spec §2.1 step 5)") {
    Options options;
    options.majority_rule = MajorityRule::Off;  // isolate the filling step
    auto ring_around = [](std::int64_t hole_rows, std::int64_t hole_cols) {
        PopulationGrid grid = zero_grid(hole_cols + 4, hole_rows + 4);
        fill(grid, 1, hole_rows + 2, 1, hole_cols + 2, 5000);
        fill(grid, 2, hole_rows + 1, 2, hole_cols + 1, 0);
        return grid;
    };
    SECTION("14 cells are filled") {
        const GridClassification result = classify_grid(ring_around(2, 7), options);
        CHECK(result.stats.holes_filled == 1);
        CHECK(result.stats.cells_added_by_filling == 14);
        CHECK(class_at(result, 2, 2) == code::urban_centre);
    }
    SECTION("15 cells stay") {
        const GridClassification result = classify_grid(ring_around(3, 5), options);
        CHECK(result.stats.holes_filled == 0);
        CHECK(class_at(result, 2, 2) == code::rural);
    }
    SECTION("the limit is an area: with 0.25 km2 cells 59 cells are filled, 60 are not") {
        PopulationGrid small = ring_around(1, 59);
        small.cell_area_km2 = 0.25;
        CHECK(classify_grid(small, options).stats.cells_added_by_filling == 59);  // 14.75 km2
        PopulationGrid large = ring_around(1, 60);
        large.cell_area_km2 = 0.25;
        CHECK(classify_grid(large, options).stats.holes_filled == 0);  // 15 km2
    }
    SECTION("0 switches filling off") {
        options.max_hole_area_km2 = 0;
        CHECK(classify_grid(ring_around(1, 1), options).stats.holes_filled == 0);
    }
    SECTION("a hole that touches the grid edge is not a hole") {
        PopulationGrid grid = zero_grid(5, 5);
        fill(grid, 0, 4, 0, 4, 5000);
        pop(grid, 0, 2) = 0;  // on the border
        const GridClassification result = classify_grid(grid, options);
        CHECK(class_at(result, 0, 2) == code::rural);
    }
    SECTION("a hole between two different centres is not filled") {
        // H = (5,5). Its north and west neighbours belong to one centre, its
        // south and east ones to another; the two touch only at corners.
        PopulationGrid grid = zero_grid(11, 11);
        pop(grid, 4, 4) = 20000;
        pop(grid, 4, 5) = 20000;
        pop(grid, 5, 4) = 20000;
        pop(grid, 6, 6) = 20000;
        pop(grid, 6, 5) = 20000;
        pop(grid, 5, 6) = 20000;
        const GridClassification result = classify_grid(grid, options);
        REQUIRE(result.stats.urban_centres == 2);
        CHECK(class_at(result, 5, 5) != code::urban_centre);
        CHECK(result.stats.holes_filled == 0);
        // Control: join the two centres through (4,6) and the hole is filled.
        pop(grid, 4, 6) = 20000;
        const GridClassification joined = classify_grid(grid, options);
        REQUIRE(joined.stats.urban_centres == 1);
        CHECK(class_at(joined, 5, 5) == code::urban_centre);
    }
}

TEST_CASE("degurba: the size test after gap filling keeps a centre that grows past 50 000") {
    // A ring of 8 dense cells (49 000) around a cell of 1 000 people: before
    // smoothing it is too small; smoothed, it has 50 000.
    PopulationGrid grid = zero_grid(7, 7);
    fill(grid, 2, 4, 2, 4, 6125);
    pop(grid, 3, 3) = 1000;
    const GridClassification before = classify_grid(grid, Options{});
    CHECK(before.stats.urban_centres == 0);
    Options after;
    after.size_test = SizeTestOrder::AfterGapFilling;
    const GridClassification result = classify_grid(grid, after);
    CHECK(result.stats.urban_centres == 1);
    CHECK(result.clusters.at(0).population == 50000.0);
    CHECK(result.clusters.at(0).cells == 9);
}

}  // namespace smoothing_test
