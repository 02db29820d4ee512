#pragma once
// Small grids for the Degree of Urbanisation tests, written the way the spec's
// worked examples are (../shared/spec/degurba.md §6): zero everywhere except
// the listed cells; row 0 north.
#include "regio/degurba/classify_grid.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace regio::degurba::test {

inline PopulationGrid zero_grid(std::int64_t cols, std::int64_t rows) {
    PopulationGrid grid;
    grid.cols = cols;
    grid.rows = rows;
    grid.population.assign(static_cast<std::size_t>(cols * rows), 0.0);
    return grid;
}

inline double& pop(PopulationGrid& grid, std::int64_t row, std::int64_t col) {
    return grid.population[static_cast<std::size_t>(row * grid.cols + col)];
}

inline void fill(PopulationGrid& grid, std::int64_t r0, std::int64_t r1, std::int64_t c0, std::int64_t c1, double value) {
    for (std::int64_t r = r0; r <= r1; ++r)
        for (std::int64_t c = c0; c <= c1; ++c) pop(grid, r, c) = value;
}

// Example A (§6): the 12 x 12 grid of the step-order example.
inline PopulationGrid example_a() {
    PopulationGrid grid = zero_grid(12, 12);
    fill(grid, 2, 7, 2, 7, 3000);  // outer ring of the 6 x 6 block...
    fill(grid, 3, 6, 3, 6, 100);   // ...around an inner 4 x 4 block
    pop(grid, 1, 4) = 1499;
    pop(grid, 8, 8) = 400;
    pop(grid, 10, 10) = 2500;
    pop(grid, 11, 11) = 2500;
    pop(grid, 10, 0) = 2500;
    pop(grid, 11, 1) = 2499;
    return grid;
}

// One character per cell: U urban centre, C urban cluster, R rural, W water
// (Level 1), one row per line.
inline std::string class_map(const GridClassification& result) {
    std::string out;
    for (std::int64_t r = 0; r < result.rows; ++r) {
        for (std::int64_t c = 0; c < result.cols; ++c) {
            switch (result.cell_class[static_cast<std::size_t>(r * result.cols + c)]) {
            case 30: out += 'U'; break;
            case 20: out += 'C'; break;
            case 11: out += 'R'; break;
            case 10: out += 'W'; break;
            default: out += '?'; break;
            }
        }
        out += '\n';
    }
    return out;
}

inline std::uint8_t class_at(const GridClassification& result, std::int64_t row, std::int64_t col) {
    return result.cell_class[static_cast<std::size_t>(row * result.cols + col)];
}

inline std::uint8_t level2_at(const GridClassification& result, std::int64_t row, std::int64_t col) {
    return result.level2_class[static_cast<std::size_t>(row * result.cols + col)];
}

inline std::int32_t id_at(const GridClassification& result, std::int64_t row, std::int64_t col) {
    return result.cluster_id[static_cast<std::size_t>(row * result.cols + col)];
}

}  // namespace regio::degurba::test
