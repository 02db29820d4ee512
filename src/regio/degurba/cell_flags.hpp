#pragma once
// One pass over the input that validates it and evaluates every per-cell test
// of ../shared/spec/degurba.md once (density against each threshold, water,
// majority-rule voter), packed into one byte per cell so that the cluster
// passes read 25 MB instead of recomputing densities.
#include "regio/degurba/options.hpp"
#include "regio/degurba/population_grid.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace regio::degurba {

enum CellFlag : std::uint8_t {
    UrbanCentreDense = 1 << 0,        // §2.1 step 1 (density or built-up)
    UrbanClusterDense = 1 << 1,       // §2.2 density
    DenseClusterDense = 1 << 2,       // §4.1 dense urban cluster (density or built-up)
    SemiDense = 1 << 3,               // §4.1 semi-dense urban cluster density
    RuralClusterDense = 1 << 4,       // §4.1 rural cluster density
    LowDensity = 1 << 5,              // §4.1 low density rural
    Water = 1 << 6,                   // §2.3
    MajorityVoter = 1 << 7,           // §2.1 step 4 R2023A: populated or land
};

struct CellFlags {
    std::vector<std::uint8_t> bits;
    std::int64_t nodata_cells = 0;        // NaN population, counted as 0 (§7)
    std::int64_t unknown_land_cells = 0;  // NaN land share, treated as all land
    double population = 0;                // total, NaN as 0
};

// Throws DataError for a malformed grid (sizes, negative or infinite
// population, land or built-up share outside 0..1) and ConfigError for a
// built-up threshold without a built-up layer.
CellFlags compute_cell_flags(const PopulationGrid& grid, const Options& options);

// Population of cell i with no data as 0.
inline double cell_population(const PopulationGrid& grid, std::int64_t i) {
    const double pop = grid.population_at(static_cast<std::size_t>(i));
    return std::isnan(pop) ? 0.0 : pop;
}

// Density as §1 defines it: pop / land area; land = 0 gives +inf when
// populated and 0 when empty.
double cell_density(double population, double land_share, double cell_area_km2, DensityDivisor divisor);

}  // namespace regio::degurba
