#include "regio/aggregate/aggregate_grid.hpp"
#include "regio/aggregate/dasymetric_grid.hpp"

#include "regio/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace aggregate_grid_test {

using namespace regio;

namespace {

// An in-memory grid: the test double for io::GridSource.
class MemoryGrid final : public io::GridSource {
public:
    MemoryGrid(grid::GridDefinition g, std::vector<std::vector<double>> values)
        : m_grid(g), m_values(std::move(values)) {
        for (std::size_t v = 0; v < m_values.size(); ++v) m_names.push_back("v" + std::to_string(v + 1));
    }
    [[nodiscard]] const grid::GridDefinition& grid() const override { return m_grid; }
    [[nodiscard]] const std::vector<std::string>& value_names() const override { return m_names; }
    [[nodiscard]] io::Crs crs() const override { return {}; }
    [[nodiscard]] std::string display() const override { return "memory"; }
    void read_rows(std::int64_t row0, std::int64_t nrows, std::vector<double>& out) override {
        const auto cols = static_cast<std::size_t>(m_grid.cols);
        out.clear();
        for (const auto& band : m_values)
            out.insert(out.end(), band.begin() + static_cast<std::ptrdiff_t>(row0 * m_grid.cols),
                       band.begin() + static_cast<std::ptrdiff_t>((row0 + nrows) * m_grid.cols));
        (void)cols;
    }

private:
    grid::GridDefinition m_grid;
    std::vector<std::vector<double>> m_values;
    std::vector<std::string> m_names;
};

geometry::MultiPolygon box(double x0, double y0, double x1, double y1) {
    return {{geometry::Polygon{{geometry::Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

geometry::RegionSet regions_of(std::vector<geometry::MultiPolygon> shapes) {
    geometry::RegionSet set;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        set.ids.push_back("R" + std::to_string(i));
        set.feature_ids.push_back(static_cast<std::int64_t>(i));
    }
    set.shapes = std::move(shapes);
    return set;
}

// 4 x 4 cells of 10 x 10 over [0,40]^2; value = 1 + row * 4 + col.
const grid::GridDefinition kGrid{0, 40, 10, 10, 4, 4};

std::vector<double> ramp() {
    std::vector<double> v(16);
    for (int i = 0; i < 16; ++i) v[static_cast<std::size_t>(i)] = 1 + i;
    return v;
}

}  // namespace

TEST_CASE("aggregate grid: area method splits cells exactly and conserves") {
    MemoryGrid g(kGrid, {ramp()});
    // Left half, right half split at x = 15 (through the middle of column 1).
    const auto regions = regions_of({box(0, 0, 15, 40), box(15, 0, 40, 40)});
    for (std::size_t band_bytes : {std::size_t{1}, std::size_t{1} << 20}) {
        aggregate::GridOptions options;
        options.band_bytes = band_bytes;  // 1 byte: one row per band
        const auto result = aggregate::aggregate_grid(g, regions, nullptr, options);
        // Column 0 values: 1,5,9,13 (sum 28); column 1: 2,6,10,14 (sum 32), half each side.
        CHECK(result.stats[0][0].sum == Approx(28 + 16));
        CHECK(result.stats[0][1].sum == Approx(136 - 44));
        CHECK(result.grid_total[0] == 136);
        CHECK(result.allocated(0) == Approx(136));
        CHECK(result.inside_regions[0] == Approx(136));
        CHECK(result.stats[0][0].covered == Approx(6.0));  // 6 cells' worth
    }
}

TEST_CASE("aggregate grid: value in overlapping regions is counted in each and accounted for") {
    MemoryGrid g(kGrid, {ramp()});
    // [0,20] x [0,40] and [15,40] x [0,40] overlap in a strip [15,20] (half
    // of column 1): that half of column 1 (32 / 2 = 16) goes to both.
    const auto regions = regions_of({box(0, 0, 20, 40), box(15, 0, 40, 40)});
    aggregate::GridOptions options;
    const auto result = aggregate::aggregate_grid(g, regions, nullptr, options);
    CHECK(result.allocated(0) == Approx(136 + 16));
    CHECK(result.inside_regions[0] == Approx(136));
    CHECK(result.in_overlaps[0] == Approx(16));
    CHECK(result.outside(0) == Approx(0).margin(1e-12));  // nothing lies outside both; what is counted twice is not "outside"
    const auto apart = aggregate::aggregate_grid(g, regions_of({box(0, 0, 20, 40)}), nullptr, options);
    CHECK(apart.in_overlaps[0] == 0);
    CHECK(apart.outside(0) == Approx(136 - 60));  // columns 2 and 3 (36 + 40)
}

TEST_CASE("aggregate grid: no data, regions beyond the grid, outside") {
    auto values = ramp();
    values[5] = std::nan("");  // row 1, col 1
    MemoryGrid g(kGrid, {values});
    const auto regions = regions_of({box(5, 5, 25, 35), box(100, 100, 110, 110)});
    aggregate::GridOptions options;
    const auto result = aggregate::aggregate_grid(g, regions, nullptr, options);
    CHECK(result.nodata_cells[0] == 1);
    CHECK(result.stats[0][1].sum == 0);
    CHECK(result.stats[0][1].covered == 0);
    // Region 0 covers 2x3 cells' area, less the no-data cell's quarter... check
    // against a direct sum: cells (rows 0..3, cols 0..2) with their shares.
    double expected = 0, valid = 0;
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 3; ++c) {
            const double fx = c == 0 ? 0.5 : c == 1 ? 1.0 : 0.5;
            const double fy = r == 0 ? 0.5 : r == 3 ? 0.5 : 1.0;
            const double v = values[static_cast<std::size_t>(r * 4 + c)];
            if (std::isnan(v)) continue;
            expected += v * fx * fy;
            valid += fx * fy;
        }
    CHECK(result.stats[0][0].sum == Approx(expected));
    CHECK(result.stats[0][0].valid == Approx(valid));
    CHECK(result.stats[0][0].covered == Approx(6.0));
    CHECK(result.outside(0) == Approx(result.grid_total[0] - expected));
}

TEST_CASE("aggregate grid: centroid method gives whole cells by their centre") {
    MemoryGrid g(kGrid, {ramp()});
    const auto regions = regions_of({box(0, 0, 15, 40), box(15, 0, 40, 40)});
    aggregate::GridOptions options;
    options.method = aggregate::GridMethod::Centroid;
    const auto result = aggregate::aggregate_grid(g, regions, nullptr, options);
    CHECK(result.stats[0][0].sum == 28);        // column 0 only (centres at x = 5)
    CHECK(result.stats[0][1].sum == 136 - 28);
    CHECK(result.stats[0][0].covered == 4);
}

TEST_CASE("aggregate grid: weighted mean and several values in one pass") {
    MemoryGrid g(kGrid, {ramp(), std::vector<double>(16, 2.0)});
    MemoryGrid w(kGrid, {std::vector<double>(16, 0.0)});
    const auto regions = regions_of({box(0, 0, 40, 40)});
    aggregate::GridOptions options;
    const auto result = aggregate::aggregate_grid(g, regions, &w, options);
    CHECK(result.stats[1][0].sum == Approx(32));
    const auto table = aggregate::grid_table(result, "id", {"all"},
                                             {aggregate::GridStat::Sum, aggregate::GridStat::Mean,
                                              aggregate::GridStat::WeightedMean});
    REQUIRE(table.columns().size() == 6);
    CHECK(table.columns()[0].name == "v1_sum");
    CHECK(table.columns()[1].values[0] == Approx(8.5));
    CHECK(table.columns()[2].status[0] == table::CellStatus::Missing);  // all weights zero
}

TEST_CASE("aggregate grid: a weights grid on another grid is refused") {
    MemoryGrid g(kGrid, {ramp()});
    MemoryGrid w(grid::GridDefinition{0, 40, 5, 5, 8, 8}, {std::vector<double>(64, 1.0)});
    aggregate::GridOptions options;
    CHECK_THROWS_AS(aggregate::aggregate_grid(g, regions_of({box(0, 0, 1, 1)}), &w, options), DataError);
}

TEST_CASE("aggregate grid: statistics parse") {
    CHECK(aggregate::parse_grid_stats("sum,mean,count").size() == 3);
    CHECK_THROWS_AS(aggregate::parse_grid_stats("sum,median"), UsageError);
}

TEST_CASE("dasymetric: coarse values spread by fine weights, evenly where there are none") {
    // Coarse 2 x 2 cells of 10 m; fine 4 x 4 cells of 5 m over the same extent.
    MemoryGrid coarse(grid::GridDefinition{0, 20, 10, 10, 2, 2}, {{100, 40, std::nan(""), 8}});
    std::vector<double> w(16, 0.0);
    w[0] = 3;  // top-left coarse cell: its fine cells (0,0),(0,1),(1,0),(1,1) weigh 3,1,0,0
    w[1] = 1;
    // top-right coarse cell: no weight at all -> even spread
    w[10] = 2;  // bottom-right coarse cell: fine (2,2) only... its cells are rows 2-3, cols 2-3
    MemoryGrid fine(grid::GridDefinition{0, 20, 5, 5, 4, 4}, {w});
    aggregate::DasymetricGrid refined(coarse, fine);
    CHECK(refined.grid().cols == 4);
    CHECK(refined.grid().dx == 5);
    std::vector<double> out;
    refined.read_rows(0, 4, out);
    REQUIRE(out.size() == 16);
    CHECK(out[0] == 75);   // 100 * 3/4
    CHECK(out[1] == 25);
    CHECK(out[4] == 0);
    CHECK(out[2] == 10);   // 40 / 4, even
    CHECK(out[7] == 10);
    CHECK(std::isnan(out[8]));  // no data stays no data
    CHECK(out[10] == 8);
    CHECK(out[15] == 0);
    CHECK(refined.fallback()[0] == 40);
    CHECK(refined.beyond_weights()[0] == 0);

    // Allocation over the refined grid conserves the coarse total.
    const auto regions = regions_of({box(0, 0, 5, 20), box(5, 0, 20, 20)});
    aggregate::DasymetricGrid again(coarse, fine);
    aggregate::GridOptions options;
    options.band_bytes = 1;  // one fine row per band: coarse rows are read twice, counted once
    const auto result = aggregate::aggregate_grid(again, regions, nullptr, options);
    CHECK(result.allocated(0) == Approx(148));
    CHECK(result.stats[0][0].sum == Approx(75 + 0 + 0));  // column 0 of the fine grid: 75, 0, nan, 0
    CHECK(again.fallback()[0] == 40);
}

TEST_CASE("dasymetric: a weights grid that does not nest is refused") {
    MemoryGrid coarse(grid::GridDefinition{0, 20, 10, 10, 2, 2}, {{1, 2, 3, 4}});
    MemoryGrid odd(grid::GridDefinition{0, 20, 3, 3, 6, 6}, {std::vector<double>(36, 1.0)});
    CHECK_THROWS_AS(aggregate::DasymetricGrid(coarse, odd), DataError);
}

}  // namespace aggregate_grid_test
