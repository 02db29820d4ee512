#include "regio/degurba/cell_flags.hpp"

#include "regio/error.hpp"

#include <limits>
#include <string>

namespace regio::degurba {

double cell_density(double population, double land_share, double cell_area_km2, DensityDivisor divisor) {
    double area = cell_area_km2;
    if (divisor == DensityDivisor::LandArea && !std::isnan(land_share)) area *= land_share;
    // §1: land = 0 and pop > 0 counts as dense (+inf); land = 0 and pop = 0 is 0.
    if (area <= 0) return population > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return population / area;
}

namespace {

// Land shares come from area ratios; allow their rounding noise above 1.
constexpr double share_tolerance = 1e-9;

[[noreturn]] void bad_cell(const PopulationGrid& grid, std::int64_t i, const std::string& field, double value,
                           const std::string& rule) {
    throw DataError("cell at row " + std::to_string(i / grid.cols) + ", col " + std::to_string(i % grid.cols) +
                        " has " + field + " " + std::to_string(value) + "; " + rule,
                    Where{.field = field});
}

void check_sizes(const PopulationGrid& grid, const Options& options) {
    check_label_capacity(grid.cols, grid.rows);
    const auto n = static_cast<std::size_t>(grid.cols * grid.rows);
    if (grid.population_size() != n)
        throw DataError("population has " + std::to_string(grid.population_size()) + " values for a grid of " +
                        std::to_string(grid.cols) + " x " + std::to_string(grid.rows) + " cells");
    if (!grid.land_share.empty() && grid.land_share.size() != n)
        throw DataError("land share has " + std::to_string(grid.land_share.size()) + " values for " +
                        std::to_string(n) + " cells");
    if (!grid.built_up_share.empty() && grid.built_up_share.size() != n)
        throw DataError("built-up share has " + std::to_string(grid.built_up_share.size()) + " values for " +
                        std::to_string(n) + " cells");
    if (!(std::isfinite(grid.cell_area_km2) && grid.cell_area_km2 > 0))
        throw DataError("cell area must be a positive number of km2, not " + std::to_string(grid.cell_area_km2));
    if (options.built_up_threshold && grid.built_up_share.empty() && n > 0)
        throw ConfigError("the built-up criterion (degurba.md §2.1 step 1) needs a built-up layer", {},
                          "give a built-up layer or switch the criterion off (the Manual2021 preset)");
}

}  // namespace

CellFlags compute_cell_flags(const PopulationGrid& grid, const Options& options) {
    check_sizes(grid, options);
    const std::int64_t n = grid.cols * grid.rows;
    const bool has_land = !grid.land_share.empty();
    const bool has_built = !grid.built_up_share.empty();
    const bool use_built = has_built && options.built_up_threshold.has_value();
    const double built_threshold = options.built_up_threshold.value_or(0.0);

    // Thresholds in locals: the byte stores below may alias anything, which
    // would make the compiler reload every option on every cell.
    const double uc_density = options.urban_centre.min_density;
    const double ucl_density = options.urban_cluster.min_density;
    const double duc_density = options.dense_urban_cluster.min_density;
    const double sduc_density = options.semi_dense_urban_cluster.min_density;
    const double rc_density = options.rural_cluster.min_density;
    const double ldr_density = options.low_density_rural_min_density;
    const double water_max_land = options.water_max_land;
    const double voter_min_land = options.majority_min_land;
    const double cell_area = grid.cell_area_km2;
    const DensityDivisor divisor = options.divisor;

    CellFlags out;
    out.bits.assign(static_cast<std::size_t>(n), 0);
    std::uint8_t* const bits_out = out.bits.data();
    std::int64_t nodata = 0;
    std::int64_t unknown_land = 0;
    double total = 0;
    // One loop body for either population storage (double or compact float).
    auto scan = [&](const auto* const population) {
        // Accumulators in the lambda's locals, for the same reason.
        std::int64_t nodata_local = 0;
        std::int64_t unknown_land_local = 0;
        double total_local = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            const auto at = static_cast<std::size_t>(i);
            double pop = static_cast<double>(population[at]);
            if (std::isnan(pop)) {
                ++nodata_local;
                pop = 0;
            } else if (!(pop >= 0) || std::isinf(pop)) {
                bad_cell(grid, i, "population", pop, "population must be a finite number >= 0 (degurba.md §1)");
            }
            double land = has_land ? grid.land_share[at] : 1.0;
            if (std::isnan(land)) {
                ++unknown_land_local;
                land = 1.0;
            } else if (land < 0 || land > 1 + share_tolerance) {
                bad_cell(grid, i, "land share", land, "a land share must be 0..1");
            }
            double built = has_built ? grid.built_up_share[at] : 0.0;
            if (std::isnan(built)) built = 0;
            else if (built < 0 || built > 1 + share_tolerance)
                bad_cell(grid, i, "built-up share", built, "a built-up share must be 0..1");
            total_local += pop;

            const double density = cell_density(pop, land, cell_area, divisor);
            // §2.1 step 1: built-up area "on its permanent land".
            const bool built_dense = use_built && cell_density(built, land, 1.0, DensityDivisor::LandArea) >= built_threshold;
            std::uint8_t bits = 0;
            if (density >= uc_density || built_dense) bits |= UrbanCentreDense;
            if (density >= ucl_density) bits |= UrbanClusterDense;
            if (density >= duc_density || built_dense) bits |= DenseClusterDense;
            if (density >= sduc_density) bits |= SemiDense;
            if (density >= rc_density) bits |= RuralClusterDense;
            if (density >= ldr_density) bits |= LowDensity;
            if (pop == 0 && built == 0 && land < water_max_land) bits |= Water;
            if (pop > 0 || land >= voter_min_land) bits |= MajorityVoter;
            bits_out[at] = bits;
        }
        nodata = nodata_local;
        unknown_land = unknown_land_local;
        total = total_local;
    };
    if (grid.compact()) scan(grid.population_f32.data());
    else scan(grid.population.data());
    out.nodata_cells = nodata;
    out.unknown_land_cells = unknown_land;
    out.population = total;
    return out;
}

}  // namespace regio::degurba
