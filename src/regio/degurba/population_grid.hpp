#pragma once
// The input of the Degree of Urbanisation grid classification: a dense,
// in-memory population grid (the lead's io/ layer reads rasters into it).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace regio::degurba {

struct PopulationGrid {
    std::int64_t cols = 0;
    std::int64_t rows = 0;
    double cell_area_km2 = 1.0;  // the spec's grid is 1 km x 1 km (degurba.md §1)
    // Row-major, row 0 north. NaN = no data: counted as 0 and reported (§7),
    // never summed into a cluster. Values need not be integers and are never
    // rounded (§1).
    std::vector<double> population;
    // The same values stored as float, used instead of `population` (which is
    // then empty) when every value is exactly a float, as integer counts up to
    // 2^24 per cell are (the JRC and GHSL grids): half the memory (100 MB for
    // Europe at 1 km) and the same results. Sums always run in double.
    std::vector<float> population_f32;
    // Optional share of permanent land in each cell, 0..1; empty = all land
    // (§1: density = pop / land). NaN = unknown, treated as all land.
    std::vector<double> land_share;
    // Optional share of built-up area in each cell, 0..1; only needed for the
    // built-up criterion of §2.1 step 1 (off by default). NaN = none.
    std::vector<double> built_up_share;

    [[nodiscard]] bool compact() const { return !population_f32.empty(); }
    [[nodiscard]] std::size_t population_size() const { return compact() ? population_f32.size() : population.size(); }
    // The population of cell i (NaN = no data), from whichever storage is used.
    [[nodiscard]] double population_at(std::size_t i) const {
        return compact() ? static_cast<double>(population_f32[i]) : population[i];
    }
};

}  // namespace regio::degurba
