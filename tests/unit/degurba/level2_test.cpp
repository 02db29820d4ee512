// Level 2 cell classes (../shared/spec/degurba.md §4.1).
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/level2_cells.hpp"
#include "test_grids.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace level2_test {

using namespace regio::degurba;
using namespace regio::degurba::test;

namespace {

Options level2_options() {
    Options options;
    options.level = Level::Two;
    return options;
}

// Urban centre, dense urban cluster, a far semi-dense cluster, a rural
// cluster and single low-density cells; `sduc_row` places a second
// semi-dense candidate below the dense cluster (row 1).
PopulationGrid level2_grid(std::int64_t sduc_row) {
    PopulationGrid grid = zero_grid(30, 20);
    fill(grid, 1, 4, 1, 4, 4000);       // UC: 16 cells, 64 000
    fill(grid, 1, 1, 12, 14, 2000);     // DUC: 3 dense cells, 6 000
    fill(grid, 10, 10, 1, 10, 500);     // SDUC far from both: 5 000
    fill(grid, sduc_row, sduc_row, 12, 21, 500);  // candidate near the DUC: 5 000
    fill(grid, 14, 14, 1, 2, 300);      // rural cluster: 600
    pop(grid, 17, 1) = 100;             // low density
    pop(grid, 17, 5) = 49;              // very low density
    pop(grid, 17, 8) = 50;              // low density (inclusive)
    return grid;
}

}  // namespace

TEST_CASE("degurba: Level 2 cell classes") {
    const GridClassification result = classify_grid(level2_grid(4), level2_options());
    REQUIRE(result.level2_class.size() == result.cell_class.size());
    CHECK(level2_at(result, 2, 2) == code::urban_centre);
    CHECK(level2_at(result, 1, 13) == code::dense_urban_cluster);
    CHECK(class_at(result, 1, 13) == code::urban_cluster);
    CHECK(level2_at(result, 10, 5) == code::semi_dense_urban_cluster);
    CHECK(class_at(result, 10, 5) == code::urban_cluster);
    // Two empty rows between the DUC (row 1) and the candidate (row 4): an
    // edge-to-edge distance of exactly 2 000 m, which keeps it.
    CHECK(level2_at(result, 4, 15) == code::semi_dense_urban_cluster);
    CHECK(level2_at(result, 14, 1) == code::rural_cluster);
    CHECK(class_at(result, 14, 1) == code::rural);
    CHECK(level2_at(result, 17, 1) == code::low_density_rural);
    CHECK(level2_at(result, 17, 5) == code::very_low_density_rural);
    CHECK(level2_at(result, 17, 8) == code::low_density_rural);
    CHECK(level2_at(result, 19, 29) == code::very_low_density_rural);
    // Level 2 refines Level 1 here: the tens digit gives back Level 1.
    for (std::size_t i = 0; i < result.cell_class.size(); ++i)
        REQUIRE(level1_code(result.level2_class[i]) == result.cell_class[i]);
}

TEST_CASE("degurba: a semi-dense candidate within 2 km of a dense cluster is suburban") {
    // One empty row between them: 1 000 m < 2 000 m, the whole candidate drops.
    const GridClassification result = classify_grid(level2_grid(3), level2_options());
    for (std::int64_t c = 12; c <= 21; ++c) CHECK(level2_at(result, 3, c) == code::suburban_peri_urban);
    CHECK(level2_at(result, 10, 5) == code::semi_dense_urban_cluster);
    // The distance is an option.
    Options options = level2_options();
    options.semi_dense_min_distance_m = 1000;
    CHECK(level2_at(classify_grid(level2_grid(3), options), 3, 20) == code::semi_dense_urban_cluster);
}

TEST_CASE("degurba: the GHSL2023 preset's semi-dense clusters (900 / 2500 / 4-connected)") {
    PopulationGrid grid = zero_grid(10, 5);
    fill(grid, 2, 2, 2, 4, 900);  // 2 700 people
    const GridClassification manual = classify_grid(grid, level2_options());
    CHECK(level2_at(manual, 2, 3) == code::rural_cluster);
    Options ghsl = options_for(Preset::GHSL2023);
    ghsl.built_up_threshold.reset();  // no built-up layer here
    ghsl.level = Level::Two;
    const GridClassification result = classify_grid(grid, ghsl);
    CHECK(level2_at(result, 2, 3) == code::semi_dense_urban_cluster);
    // Level 1 still applies the 5 000 urban-cluster rule: the two levels
    // disagree for such clusters, as they do in GHSL 2023.
    CHECK(class_at(result, 2, 3) == code::rural);
}

TEST_CASE("degurba: water replaces very low density cells at Level 2") {
    PopulationGrid grid = zero_grid(2, 1);
    grid.land_share = {0.1, 1.0};
    Options options = level2_options();
    options.water = WaterCells::Labelled;
    CHECK(classify_grid(grid, options).level2_class == std::vector<std::uint8_t>{10, 11});
}

TEST_CASE("degurba: cells near a set - by edge-to-edge distance") {
    const std::int64_t side = 9;
    std::vector<std::uint8_t> member(static_cast<std::size_t>(side * side), 0);
    member[4 * side + 4] = 1;
    auto count = [](const std::vector<std::uint8_t>& v) { return std::count(v.begin(), v.end(), 1); };
    CHECK(count(near_cells(side, side, 1.0, 2000, member)) == 25);  // the 5 x 5 block
    CHECK(count(near_cells(side, side, 1.0, 1000, member)) == 9);
    CHECK(count(near_cells(side, side, 1.0, 2001, member)) == 37);  // + 3 cells on each side
    CHECK(count(near_cells(side, side, 1.0, 0, member)) == 1);

    // Dilating from the boundary only equals dilating from every member.
    std::mt19937 rng(3);
    std::bernoulli_distribution bit(0.2);
    const std::int64_t cols = 31;
    const std::int64_t rows = 23;
    std::vector<std::uint8_t> mask(static_cast<std::size_t>(cols * rows));
    for (auto& m : mask) m = bit(rng) ? 1 : 0;
    const std::vector<std::uint8_t> near = near_cells(cols, rows, 1.0, 2000, mask);
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c) {
            bool expected = false;
            for (std::int64_t r2 = 0; r2 < rows; ++r2)
                for (std::int64_t c2 = 0; c2 < cols; ++c2)
                    if (mask[r2 * cols + c2] != 0 && std::abs(r2 - r) <= 2 && std::abs(c2 - c) <= 2) expected = true;
            REQUIRE((near[r * cols + c] != 0) == expected);
        }
}

}  // namespace level2_test
