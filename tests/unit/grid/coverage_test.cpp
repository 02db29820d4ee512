#include "regio/grid/coverage.hpp"

#include "regio/geometry/geos_context.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

// This file's names, apart from the other test files' (they share a
// translation unit in unity builds, REGIO_UNITY).
namespace coverage_test {

using namespace regio;
using geometry::MultiPolygon;
using geometry::Polygon;
using geometry::Ring;
using grid::GridDefinition;
using grid::PolygonCoverage;

namespace {

// Fractions of every cell, keyed by (row, col).
std::map<std::pair<std::int64_t, std::int64_t>, double> fractions_of(const MultiPolygon& shape, const GridDefinition& g) {
    std::map<std::pair<std::int64_t, std::int64_t>, double> out;
    PolygonCoverage cov(shape, g);
    if (cov.empty()) return out;
    std::vector<double> row;
    for (std::int64_t r = cov.row_begin(); r < cov.row_end(); ++r) {
        REQUIRE(cov.next_row(row) == r);
        for (std::int64_t c = cov.col_begin(); c < cov.col_end(); ++c)
            if (row[c - cov.col_begin()] > 0) out[{r, c}] = row[c - cov.col_begin()];
    }
    return out;
}

// The same with GEOS: area of (shape ∩ cell) / cell area, for every cell.
std::map<std::pair<std::int64_t, std::int64_t>, double> geos_fractions(const MultiPolygon& shape, const GridDefinition& g) {
    geometry::GeosContext ctx;
    auto h = ctx.get();
    auto poly = geometry::to_geos(ctx, shape);
    std::map<std::pair<std::int64_t, std::int64_t>, double> out;
    for (std::int64_t r = 0; r < g.rows; ++r)
        for (std::int64_t c = 0; c < g.cols; ++c) {
            const double x0 = g.col_left(c), x1 = g.col_left(c + 1), y1 = g.row_top(r), y0 = g.row_top(r + 1);
            MultiPolygon cell{{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
            auto cg = geometry::to_geos(ctx, cell);
            geometry::GeomPtr both(GEOSIntersection_r(h, poly.get(), cg.get()), geometry::GeomDeleter{h});
            double area = 0;
            GEOSArea_r(h, both.get(), &area);
            if (area > 0) out[{r, c}] = area / g.cell_area();
        }
    return out;
}

void check_against_geos(const MultiPolygon& shape, const GridDefinition& g) {
    const auto ours = fractions_of(shape, g);
    const auto theirs = geos_fractions(shape, g);
    for (const auto& [cell, f] : theirs) {
        INFO("cell " << cell.first << "," << cell.second);
        const auto it = ours.find(cell);
        const double mine = it == ours.end() ? 0.0 : it->second;
        CHECK(mine == Approx(f).margin(1e-12));
    }
    for (const auto& [cell, f] : ours) {
        INFO("cell " << cell.first << "," << cell.second);
        if (!theirs.count(cell)) CHECK(f < 1e-12);
    }
}

const GridDefinition kGrid{0, 10, 1, 1, 10, 10};  // cells of 1 x 1 over [0,10]^2

MultiPolygon poly(std::vector<Ring> rings) { return {{Polygon{std::move(rings)}}}; }

}  // namespace

TEST_CASE("coverage: squares aligned and unaligned") {
    check_against_geos(poly({{{2, 2}, {5, 2}, {5, 5}, {2, 5}, {2, 2}}}), kGrid);                 // on cell lines
    check_against_geos(poly({{{2.3, 2.6}, {5.7, 2.6}, {5.7, 4.1}, {2.3, 4.1}, {2.3, 2.6}}}), kGrid);
    check_against_geos(poly({{{2.3, 2.6}, {2.3, 4.1}, {5.7, 4.1}, {5.7, 2.6}, {2.3, 2.6}}}), kGrid);  // clockwise
}

TEST_CASE("coverage: triangles, concave and holed polygons") {
    check_against_geos(poly({{{0.5, 0.5}, {9.5, 1.2}, {4.4, 8.8}, {0.5, 0.5}}}), kGrid);
    check_against_geos(poly({{{1, 1}, {9, 1}, {9, 9}, {5, 3.5}, {1, 9}, {1, 1}}}), kGrid);  // concave notch
    check_against_geos(poly({{{1, 1}, {9, 1}, {9, 9}, {1, 9}, {1, 1}}, {{3.5, 3.5}, {6.2, 3.5}, {6.2, 6.7}, {3.5, 6.7}, {3.5, 3.5}}}),
                       kGrid);
}

TEST_CASE("coverage: a polygon smaller than a cell, and edges through vertices") {
    const auto tiny = fractions_of(poly({{{3.2, 3.2}, {3.4, 3.2}, {3.4, 3.3}, {3.2, 3.3}, {3.2, 3.2}}}), kGrid);
    REQUIRE(tiny.size() == 1);
    CHECK(tiny.begin()->second == Approx(0.02).margin(1e-14));
    check_against_geos(poly({{{1, 1}, {8, 8}, {1, 8}, {1, 1}}}), kGrid);         // diagonal through cell corners
    check_against_geos(poly({{{0, 5}, {5, 0}, {10, 5}, {5, 10}, {0, 5}}}), kGrid);  // diamond through vertices
}

TEST_CASE("coverage: multipolygons and shapes beyond the grid") {
    MultiPolygon two{{Polygon{{Ring{{0.5, 0.5}, {2.5, 0.5}, {2.5, 2.5}, {0.5, 0.5}}}},
                      Polygon{{Ring{{6, 6}, {9.5, 6}, {9.5, 9.5}, {6, 9.5}, {6, 6}}}}}};
    check_against_geos(two, kGrid);
    // Sticking out of the grid on all sides: only cells inside count.
    check_against_geos(poly({{{-3, -2}, {13, -1}, {12, 14}, {-2, 12}, {-3, -2}}}), kGrid);
    CHECK(PolygonCoverage(poly({{{20, 20}, {21, 20}, {21, 21}, {20, 20}}}), kGrid).empty());
}

TEST_CASE("coverage: fractions of a cell over a partition sum to 1") {
    // A fan of 7 triangles around an interior point partitions the square.
    const std::vector<geometry::Point> hull = {{0, 0}, {4, 0}, {10, 0}, {10, 6}, {10, 10}, {3, 10}, {0, 10}, {0, 0}};
    const geometry::Point centre{4.37, 5.91};
    std::map<std::pair<std::int64_t, std::int64_t>, double> total;
    for (std::size_t i = 0; i + 1 < hull.size(); ++i)
        for (const auto& [cell, f] : fractions_of(poly({{centre, hull[i], hull[i + 1], centre}}), kGrid)) total[cell] += f;
    REQUIRE(total.size() == 100);
    for (const auto& [cell, f] : total) CHECK(f == Approx(1.0).margin(1e-12));
}

TEST_CASE("coverage: large coordinates, as in EPSG:3035") {
    const GridDefinition g{4500000, 3300000, 1000, 1000, 20, 20};
    check_against_geos(poly({{{4501234.5, 3281111.1}, {4517777.7, 3283333.3}, {4512345.6, 3299000.4}, {4501234.5, 3281111.1}}}), g);
}

namespace {

// A row's cells and runs as one fraction per column; checks they are sorted
// and disjoint on the way.
std::vector<double> expand(const grid::RowCoverage& row, std::int64_t cols) {
    std::vector<double> out(static_cast<std::size_t>(cols), 0.0);
    std::vector<int> seen(static_cast<std::size_t>(cols), 0);
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
        if (k > 0) CHECK(row.cells[k - 1].col < row.cells[k].col);
        CHECK(row.cells[k].fraction > 0);
        out[static_cast<std::size_t>(row.cells[k].col)] = row.cells[k].fraction;
        ++seen[static_cast<std::size_t>(row.cells[k].col)];
    }
    for (std::size_t k = 0; k < row.runs.size(); ++k) {
        if (k > 0) CHECK(row.runs[k - 1].end <= row.runs[k].begin);
        CHECK(row.runs[k].begin < row.runs[k].end);
        for (std::int64_t c = row.runs[k].begin; c < row.runs[k].end; ++c) {
            out[static_cast<std::size_t>(c)] = 1.0;
            ++seen[static_cast<std::size_t>(c)];
        }
    }
    for (int n : seen) CHECK(n <= 1);
    return out;
}

std::int64_t run_cells(const grid::RowCoverage& row) {
    std::int64_t n = 0;
    for (const auto& run : row.runs) n += run.end - run.begin;
    return n;
}

}  // namespace

TEST_CASE("coverage: a row is its boundary cells plus runs of whole cells") {
    // A square [0.5, 9.5] x [0.5, 9.5] with a hole [4, 6] x [3, 7] on cell
    // lines. Row 5 (y 4..5): half cells at columns 0 and 9, the hole's columns
    // 4 and 5 empty, the rest whole, most of them as runs, not cell by cell.
    const MultiPolygon holed =
        poly({{{0.5, 0.5}, {9.5, 0.5}, {9.5, 9.5}, {0.5, 9.5}, {0.5, 0.5}}, {{4, 3}, {4, 7}, {6, 7}, {6, 3}, {4, 3}}});
    PolygonCoverage cov(holed, kGrid);
    grid::RowCoverage row;
    while (cov.next_row(row) != 5) {
    }
    const std::vector<double> fractions = expand(row, kGrid.cols);
    const std::vector<double> want{0.5, 1, 1, 1, 0, 0, 1, 1, 1, 0.5};
    for (std::size_t c = 0; c < want.size(); ++c) CHECK(fractions[c] == Approx(want[c]).margin(1e-12));
    CHECK(row.runs.size() >= 1);
    // Row 8 (y 1..2), below the hole: whole cells between the two side walls.
    while (cov.next_row(row) != 8) {
    }
    const std::vector<double> top = expand(row, kGrid.cols);
    for (std::size_t c = 1; c < 9; ++c) CHECK(top[c] == 1.0);
    CHECK(run_cells(row) >= 4);
    check_against_geos(holed, kGrid);
}

TEST_CASE("coverage: shapes cut by the grid's edge keep their interior runs") {
    // Wider than the grid: rows inside are one run across every column,
    // with no boundary cell in them at all.
    const MultiPolygon wide = poly({{{-5, 2.5}, {15, 2.5}, {15, 7.5}, {-5, 7.5}, {-5, 2.5}}});
    PolygonCoverage cov(wide, kGrid);
    grid::RowCoverage row;
    while (cov.next_row(row) != 4) {
    }
    CHECK(row.cells.empty());
    REQUIRE(row.runs.size() == 1);
    CHECK(row.runs[0].begin == 0);
    CHECK(row.runs[0].end == 10);
    check_against_geos(wide, kGrid);
}

}  // namespace coverage_test
