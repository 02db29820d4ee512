// Example 3 of ../shared/spec/segregation.md §6: contiguity, kernels, scales.
#include "regio/segregation/grid_cells.hpp"
#include "regio/segregation/index_set.hpp"
#include "regio/segregation/multigroup.hpp"
#include "regio/segregation/single_group.hpp"
#include "regio/segregation/smoothing.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace spatial_test {

using namespace regio::segregation;
using regio::geometry::Contiguity;
using Catch::Matchers::WithinAbs;

namespace {

// A 3 x 3 grid of 100 m cells listed row by row from the top left.
const std::vector<double> kA{40, 30, 0, 30, 20, 10, 0, 10, 40};
const std::vector<double> kB{0, 10, 40, 10, 20, 30, 40, 30, 0};

GridCells example_grid() {
    GridCells g{100, {}, {}};
    for (std::int64_t r = 0; r < 3; ++r)
        for (std::int64_t c = 0; c < 3; ++c) {
            g.col.push_back(45000 + c);
            g.row.push_back(32003 - r);  // rows grow northwards; rows 32001..32003 make one block of 3
        }
    return g;
}

std::vector<double> sum(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> s(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) s[i] = a[i] + b[i];
    return s;
}

std::vector<regio::geometry::Point> centres_of(const GridCells& g) {
    std::vector<regio::geometry::Point> out;
    for (std::size_t i = 0; i < g.size(); ++i)
        out.push_back({(static_cast<double>(g.col[i]) + 0.5) * g.cell_size, (static_cast<double>(g.row[i]) + 0.5) * g.cell_size});
    return out;
}

}  // namespace

TEST_CASE("segregation example 3: dissimilarity and its contiguity adjustment") {
    const GridCells grid = example_grid();
    const std::vector<double> t = sum(kA, kB);
    CHECK_THAT(dissimilarity(kA, t), WithinAbs(0.666667, 1e-6));
    const NeighbourPairs rook = grid_neighbour_pairs(grid, Contiguity::Rook);
    const NeighbourPairs queen = grid_neighbour_pairs(grid, Contiguity::Queen);
    CHECK_THAT(spatial_dissimilarity(kA, t, rook), WithinAbs(0.25, 1e-6));
    CHECK_THAT(spatial_dissimilarity(kA, t, queen), WithinAbs(0.266667, 1e-6));
    // 3 x 3 cells: 12 edges, and 8 diagonals more; the centre (unit 4) has 4 and 8 neighbours.
    CHECK(rook.size() == 12);
    CHECK(queen.size() == 20);
    auto degree = [](const NeighbourPairs& pairs, std::uint32_t unit) {
        return std::count_if(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == unit || p.second == unit; });
    };
    CHECK(degree(rook, 4) == 4);
    CHECK(degree(queen, 4) == 8);
    CHECK(degree(queen, 0) == 3);
    // The same cell twice is an error.
    const GridCells twice{100, {1, 2, 1}, {5, 5, 5}};
    CHECK_THROWS_WITH(grid_neighbour_pairs(twice, Contiguity::Rook), Catch::Matchers::Contains("units 1 and 3 are the same grid cell"));
}

TEST_CASE("segregation example 3: local environments on the grid and by centres") {
    const GridCells grid = example_grid();
    struct Case {
        double r;
        Kernel kernel;
        double d;
        double h;
    };
    for (const Case k : {Case{100, Kernel::Box, 0.181818, 0.052151}, Case{150, Kernel::Box, 0.122449, 0.025302},
                         Case{200, Kernel::Triangular, 0.233588, 0.067532}}) {
        CAPTURE(k.r);
        for (int by_centres = 0; by_centres < 2; ++by_centres) {
            CAPTURE(by_centres);
            const GroupCounts s = by_centres ? smooth_by_centres({kA, kB}, centres_of(grid), k.r, k.kernel)
                                             : smooth_on_grid({kA, kB}, grid, k.r, k.kernel);
            CHECK_THAT(dissimilarity(s[0], sum(s[0], s[1])), WithinAbs(k.d, 1e-6));
            CHECK_THAT(multigroup_entropy(s), WithinAbs(k.h, 1e-6));
            if (k.r == 100) CHECK(s[0] == std::vector<double>{100, 90, 40, 90, 100, 70, 40, 70, 60});
        }
    }
}

TEST_CASE("segregation: gaussian kernel on the grid equals the centre sums") {
    GridCells grid{100, {}, {}};
    std::vector<double> a, b;
    for (std::int64_t r = 0; r < 12; ++r)
        for (std::int64_t c = 0; c < 9; ++c) {
            if ((r * 7 + c * 3) % 5 == 0) continue;  // holes: cells outside the data
            grid.col.push_back(c - 4);
            grid.row.push_back(r - 6);
            a.push_back(static_cast<double>((r * 13 + c * 7) % 11));
            b.push_back(static_cast<double>((r * 5 + c * 11) % 9));
        }
    for (Kernel kernel : {Kernel::Box, Kernel::Triangular, Kernel::Gaussian}) {
        const GroupCounts g = smooth_on_grid({a, b}, grid, 130, kernel);
        const GroupCounts p = smooth_by_centres({a, b}, centres_of(grid), 130, kernel);
        for (std::size_t m = 0; m < 2; ++m)
            for (std::size_t i = 0; i < a.size(); ++i) CHECK_THAT(g[m][i], WithinAbs(p[m][i], 1e-9));
    }
}

TEST_CASE("segregation: kernel weights") {
    CHECK(kernel_weight(Kernel::Box, 0) == 1.0);
    CHECK(kernel_weight(Kernel::Box, 1) == 1.0);
    CHECK(kernel_weight(Kernel::Box, 1.0001) == 0.0);
    CHECK(kernel_weight(Kernel::Triangular, 0.25) == 0.75);
    CHECK(kernel_weight(Kernel::Triangular, 1.5) == 0.0);
    CHECK_THAT(kernel_weight(Kernel::Gaussian, 1), WithinAbs(0.6065306597, 1e-9));
    CHECK(kernel_weight(Kernel::Gaussian, 4.01) == 0.0);
}

TEST_CASE("segregation: grid scale profile aggregates aligned blocks") {
    // Cells at columns -1..2 in one row: blocks of 2 are {-2,-1}, {0,1}, {2,3}.
    const GridCells cells{100, {-1, 0, 1, 2}, {0, 0, 0, 0}};
    const Blocks b = grid_blocks(cells, 2);
    CHECK(b.part_of == std::vector<std::size_t>{0, 1, 1, 2});
    CHECK(b.grid.col == std::vector<std::int64_t>{-1, 0, 1});
    CHECK(b.grid.cell_size == 200);

    // Example 3 at scale 3: one block, everything even, D = 0.
    Composition c{GroupMode::OneAgainstTotal, {"A"}, {kA}, sum(kA, kB)};
    Places places;
    places.kind = PlaceKind::Grid;
    places.grid = example_grid();
    IndexPlan plan{{Index::Dissimilarity, Index::SpatialDissimilarity}, Contiguity::Rook, {1, 3}, {100}, Kernel::Box};
    const auto rows = compute_indices(c, places, plan);
    REQUIRE(rows.size() == 2 + 2 + 2 + 1);
    CHECK(rows[0].index == Index::Dissimilarity);
    CHECK_THAT(rows[0].value, WithinAbs(0.666667, 1e-6));
    CHECK_THAT(rows[1].value, WithinAbs(0.25, 1e-6));
    CHECK(rows[2].scale == 1);
    CHECK_THAT(rows[2].value, WithinAbs(0.666667, 1e-6));
    CHECK(rows[4].scale == 3);
    CHECK_THAT(rows[4].value, WithinAbs(0.0, 1e-12));  // one block holding everybody: an even spread
    CHECK(rows[6].bandwidth == 100);
    CHECK_THAT(rows[6].value, WithinAbs(0.181818, 1e-6));
}

}  // namespace spatial_test
