// Urban centres and urban clusters on the worked examples and edge cases of
// ../shared/spec/degurba.md (§2, §6 Examples A and B, §7).
#include "regio/degurba/cell_flags.hpp"
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/connected_components.hpp"
#include "regio/degurba/hole_filling.hpp"
#include "regio/degurba/majority_rule.hpp"
#include "test_grids.hpp"

#include <catch2/catch.hpp>

#include <limits>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace urban_centre_test {

using namespace regio::degurba;
using namespace regio::degurba::test;

TEST_CASE("degurba: Example A - urban centre with smoothing then hole filling") {
    const PopulationGrid grid = example_a();
    const GridClassification result = classify_grid(grid, Options{});

    // §6 Example A step 5: the expected class map.
    const std::string expected =
        "RRRRRRRRRRRR\n"
        "RRRRCRRRRRRR\n"
        "RRUUUUUURRRR\n"
        "RRUUUUUURRRR\n"
        "RRUUUUUURRRR\n"
        "RRUUUUUURRRR\n"
        "RRUUUUUURRRR\n"
        "RRUUUUUURRRR\n"
        "RRRRRRRRCRRR\n"
        "RRRRRRRRRRRR\n"
        "RRRRRRRRRRCR\n"
        "RRRRRRRRRRRC\n";
    CHECK(class_map(result) == expected);

    // Step 1: 24 dense cells in 5 components, one of which (the ring) is a UC.
    CHECK(result.stats.dense_clusters == 5);
    CHECK(result.stats.urban_centres == 1);
    // Step 2: pass 1 adds the 4 hole corners, pass 2 adds nothing.
    CHECK(result.stats.smoothing_passes == 2);
    CHECK(result.stats.cells_added_by_smoothing == 4);
    // Step 3: the 12 cells left form one hole, filled.
    CHECK(result.stats.holes_filled == 1);
    CHECK(result.stats.cells_added_by_filling == 12);

    // Final UC: the full 6 x 6 block, 36 cells, 61 600 people.
    REQUIRE(!result.clusters.empty());
    const ClusterSummary& uc = result.clusters[0];
    CHECK(uc.id == 1);
    CHECK(uc.cell_class == code::urban_centre);
    CHECK(uc.cells == 36);
    CHECK(uc.population == 61600.0);
    CHECK(uc.area_km2 == 36.0);

    // Step 4: urban clusters outside the centre. (1,4) and (8,8) belong to
    // the centre's group (ids assigned in raster order of their first cell),
    // (10,10)+(11,11) form their own group of exactly 5 000.
    REQUIRE(result.clusters.size() == 3);
    CHECK(id_at(result, 1, 4) == 2);
    CHECK(id_at(result, 8, 8) == 2);
    CHECK(result.clusters[1].cells == 2);
    CHECK(result.clusters[1].population == 1899.0);
    CHECK(id_at(result, 10, 10) == 3);
    CHECK(id_at(result, 11, 11) == 3);
    CHECK(result.clusters[2].population == 5000.0);
    CHECK(result.clusters[2].cell_class == code::urban_cluster);
    // (10,0) + (11,1) = 4 999 < 5 000: rural, no id.
    CHECK(id_at(result, 10, 0) == 0);
    CHECK(id_at(result, 11, 1) == 0);
    CHECK(result.stats.urban_clusters == 2);

    // Conservation: every person is in exactly one class.
    CHECK(result.stats.population == 61600.0 + 1499 + 400 + 5000 + 4999);
    CHECK(result.stats.population_urban_centres == 61600.0);
    CHECK(result.stats.population_urban_clusters == 1899.0 + 5000);
    CHECK(result.stats.population_rural == 4999.0);
}

TEST_CASE("degurba: Example A order check - filling before smoothing would give 24 cells") {
    // §6 Example A step 3: run the two steps in the wrong order by hand; the
    // 16-cell hole (>= 15) stays and smoothing adds only its 4 corners.
    const PopulationGrid grid = example_a();
    const Options options;
    const CellFlags flags = compute_cell_flags(grid, options);
    std::vector<std::int32_t> centre;
    label_components(grid.cols, grid.rows, Connectivity::Four,
                     [&](std::int64_t i) { return (flags.bits[static_cast<std::size_t>(i)] & UrbanCentreDense) != 0; },
                     centre);
    for (auto& id : centre) id = id == 1 ? 1 : 0;  // the ring is component 1 (first dense cell (2,2))
    const HoleStats holes = fill_holes(grid.cols, grid.rows, 1.0, 15.0, centre);
    CHECK(holes.cells_filled == 0);
    const SmoothingStats smoothing = apply_majority_rule(grid.cols, grid.rows, flags.bits, options, centre);
    CHECK(smoothing.cells_added == 4);
    std::int64_t cells = 0;
    for (const auto id : centre) cells += id != 0 ? 1 : 0;
    CHECK(cells == 24);
    // The spec's order gives 36 (previous test).
}

TEST_CASE("degurba: Example B - 4- vs 8-connectivity for urban centres") {
    SECTION("two cells of 30 000 touching only diagonally: no UC, one urban cluster") {
        PopulationGrid grid = zero_grid(6, 6);
        pop(grid, 2, 2) = 30000;
        pop(grid, 3, 3) = 30000;
        const GridClassification result = classify_grid(grid, Options{});
        CHECK(result.stats.dense_clusters == 2);
        CHECK(result.stats.urban_centres == 0);
        CHECK(class_at(result, 2, 2) == code::urban_cluster);
        CHECK(class_at(result, 3, 3) == code::urban_cluster);
        REQUIRE(result.clusters.size() == 1);
        CHECK(result.clusters[0].population == 60000.0);
    }
    SECTION("the same two cells sharing an edge: a UC of 60 000") {
        PopulationGrid grid = zero_grid(6, 6);
        pop(grid, 2, 2) = 30000;
        pop(grid, 2, 3) = 30000;
        const GridClassification result = classify_grid(grid, Options{});
        CHECK(result.stats.urban_centres == 1);
        CHECK(class_at(result, 2, 2) == code::urban_centre);
        CHECK(class_at(result, 2, 3) == code::urban_centre);
        REQUIRE(result.clusters.size() == 1);
        CHECK(result.clusters[0].cell_class == code::urban_centre);
        CHECK(result.clusters[0].population == 60000.0);
    }
    SECTION("urban centres with 8-connectivity join the diagonal pair") {
        PopulationGrid grid = zero_grid(6, 6);
        pop(grid, 2, 2) = 30000;
        pop(grid, 3, 3) = 30000;
        Options options;
        options.urban_centre.connectivity = Connectivity::Eight;
        const GridClassification result = classify_grid(grid, options);
        CHECK(result.stats.urban_centres == 1);
    }
}

TEST_CASE("degurba: cluster population thresholds are inclusive (spec §1 §7)") {
    SECTION("urban cluster: 5 000 qualifies, 4 999 does not") {
        PopulationGrid grid = zero_grid(9, 5);
        pop(grid, 1, 1) = 5000;  // one cell, dense but far below 50 000
        pop(grid, 1, 6) = 4999;
        const GridClassification result = classify_grid(grid, Options{});
        CHECK(class_at(result, 1, 1) == code::urban_cluster);
        CHECK(class_at(result, 1, 6) == code::rural);
    }
    SECTION("urban centre: 50 000 qualifies, 49 999 does not") {
        PopulationGrid grid = zero_grid(12, 6);
        fill(grid, 1, 1, 1, 2, 25000);  // 50 000
        pop(grid, 4, 1) = 25000;        // 49 999
        pop(grid, 4, 2) = 24999;
        const GridClassification result = classify_grid(grid, Options{});
        CHECK(class_at(result, 1, 1) == code::urban_centre);
        CHECK(class_at(result, 4, 1) == code::urban_cluster);
        CHECK(result.stats.urban_centres == 1);
    }
    SECTION("unrounded cell populations are summed") {
        PopulationGrid grid = zero_grid(6, 3);
        pop(grid, 1, 1) = 2499.5;
        pop(grid, 1, 2) = 2500.5;  // 5 000 exactly
        pop(grid, 1, 4) = 1000.25;
        const GridClassification result = classify_grid(grid, Options{});
        CHECK(class_at(result, 1, 1) == code::urban_cluster);
        CHECK(result.clusters.at(0).population == 5000.0);
    }
}

TEST_CASE("degurba: density exactly at a threshold qualifies - unrounded (spec §1)") {
    SECTION("1500 is dense, 1499.99 is not") {
        // A 4-connected line of 34 cells at 1500 = 51 000: a UC. With one end
        // at 1499.99 the dense part is 33 cells = 49 500: no UC.
        PopulationGrid grid = zero_grid(40, 3);
        fill(grid, 1, 1, 1, 34, 1500);
        CHECK(classify_grid(grid, Options{}).stats.urban_centres == 1);
        pop(grid, 1, 34) = 1499.99;
        const GridClassification result = classify_grid(grid, Options{});
        CHECK(result.stats.urban_centres == 0);
        CHECK(class_at(result, 1, 34) == code::urban_cluster);  // still >= 300
    }
    SECTION("300 is urban-cluster density, 299.99 is not") {
        PopulationGrid grid = zero_grid(20, 3);
        fill(grid, 1, 1, 1, 17, 300);  // 17 cells = 5 100
        CHECK(class_at(classify_grid(grid, Options{}), 1, 1) == code::urban_cluster);
        pop(grid, 1, 9) = 299.99;  // splits it into 8 + 8 cells = 2 400 each
        CHECK(class_at(classify_grid(grid, Options{}), 1, 1) == code::rural);
    }
    SECTION("density divides by land: 750 people on half a cell is 1500") {
        PopulationGrid grid = zero_grid(3, 1);
        grid.population = {750, 750, 0};
        grid.land_share = {0.5, 1.0, 0.0};
        const CellFlags flags = compute_cell_flags(grid, Options{});
        CHECK((flags.bits[0] & UrbanCentreDense) != 0);
        CHECK((flags.bits[1] & UrbanCentreDense) == 0);
        CHECK((flags.bits[2] & UrbanCentreDense) == 0);  // land 0, pop 0: density 0
        Options whole_cell;
        whole_cell.divisor = DensityDivisor::WholeCell;
        CHECK((compute_cell_flags(grid, whole_cell).bits[0] & UrbanCentreDense) == 0);
    }
    SECTION("land 0 with people is infinitely dense") {
        CHECK(cell_density(1, 0.0, 1.0, DensityDivisor::LandArea) == std::numeric_limits<double>::infinity());
        CHECK(cell_density(0, 0.0, 1.0, DensityDivisor::LandArea) == 0.0);
        CHECK(cell_density(300, 0.25, 4.0, DensityDivisor::LandArea) == 300.0);
    }
}

}  // namespace urban_centre_test
