#include "regio/degurba/urban_centres.hpp"

#include "regio/degurba/cell_flags.hpp"
#include "regio/degurba/connected_components.hpp"

namespace regio::degurba {

std::vector<double> population_by_label(const PopulationGrid& grid, const std::vector<std::int32_t>& labels,
                                        std::int32_t count) {
    std::vector<double> sums(static_cast<std::size_t>(count) + 1, 0.0);
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] != 0) sums[static_cast<std::size_t>(labels[i])] += cell_population(grid, static_cast<std::int64_t>(i));
    return sums;
}

namespace {

// Keeps the labels whose population passes the size test, renumbered 1..kept
// in their old order; the others become 0. Returns the number kept.
std::int32_t keep_large(const PopulationGrid& grid, std::int32_t count, double min_population,
                        std::vector<std::int32_t>& labels) {
    const std::vector<double> sums = population_by_label(grid, labels, count);
    std::vector<std::int32_t> renumber(static_cast<std::size_t>(count) + 1, 0);
    std::int32_t kept = 0;
    for (std::size_t k = 1; k < sums.size(); ++k)
        if (sums[k] >= min_population) renumber[k] = ++kept;  // inclusive (§1, §7)
    for (auto& label : labels) label = renumber[static_cast<std::size_t>(label)];
    return kept;
}

}  // namespace

UrbanCentreStats find_urban_centres(const PopulationGrid& grid, const std::vector<std::uint8_t>& flags,
                                    const Options& options, std::vector<std::int32_t>& centre_id) {
    UrbanCentreStats stats;
    // Steps 1-2: dense cells, grouped with the urban-centre connectivity (4 by default).
    stats.dense_clusters = label_components(
        grid.cols, grid.rows, options.urban_centre.connectivity,
        [&](std::int64_t i) { return (flags[static_cast<std::size_t>(i)] & UrbanCentreDense) != 0; }, centre_id);
    std::int32_t count = stats.dense_clusters;
    // Step 3 (default): the size test on the component before smoothing.
    if (options.size_test == SizeTestOrder::BeforeSmoothing)
        count = keep_large(grid, count, options.urban_centre.min_population, centre_id);
    // Steps 4-5, in that order (step 6).
    stats.smoothing = apply_majority_rule(grid.cols, grid.rows, flags, options, centre_id);
    stats.holes = fill_holes(grid.cols, grid.rows, grid.cell_area_km2, options.max_hole_area_km2, centre_id);
    // Eurostat-glossary variant: every dense cluster was smoothed and filled
    // as a candidate; the size test applies to the result.
    if (options.size_test == SizeTestOrder::AfterGapFilling)
        count = keep_large(grid, count, options.urban_centre.min_population, centre_id);
    stats.centres = count;
    return stats;
}

}  // namespace regio::degurba
