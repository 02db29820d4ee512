#pragma once
// Urban centres (../shared/spec/degurba.md §2.1), steps in the spec's order:
// dense cells, 4-connected clusters, size test, majority-rule smoothing, then
// hole filling (§2.1 step 6: smoothing first; Example A checks the order).
#include "regio/degurba/hole_filling.hpp"
#include "regio/degurba/majority_rule.hpp"
#include "regio/degurba/options.hpp"
#include "regio/degurba/population_grid.hpp"

#include <cstdint>
#include <vector>

namespace regio::degurba {

struct UrbanCentreStats {
    std::int32_t dense_clusters = 0;  // components of dense cells (step 2)
    std::int32_t centres = 0;         // kept after the size test
    SmoothingStats smoothing;
    HoleStats holes;
};

// centre_id[i] = 0 or the centre id 1..centres, numbered in raster order of
// each centre's first dense cell. flags: CellFlags bits.
UrbanCentreStats find_urban_centres(const PopulationGrid& grid, const std::vector<std::uint8_t>& flags,
                                    const Options& options, std::vector<std::int32_t>& centre_id);

// Sums the population of each label 1..count (index 0 = unlabelled cells);
// sums run in raster order over unrounded values (§1).
std::vector<double> population_by_label(const PopulationGrid& grid, const std::vector<std::int32_t>& labels,
                                        std::int32_t count);

}  // namespace regio::degurba
