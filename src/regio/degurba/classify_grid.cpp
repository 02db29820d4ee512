#include "regio/degurba/classify_grid.hpp"

#include "regio/degurba/cell_flags.hpp"
#include "regio/degurba/connected_components.hpp"
#include "regio/degurba/level2_cells.hpp"
#include "regio/degurba/urban_centres.hpp"

#include <utility>

namespace regio::degurba {

GridClassification classify_grid(const PopulationGrid& grid, const Options& options, const ProgressRange& progress) {
    validate(options);
    progress(0.0, "degurba: dense cells");
    CellFlags flags = compute_cell_flags(grid, options);

    GridClassification out;
    out.cols = grid.cols;
    out.rows = grid.rows;
    auto& stats = out.stats;
    stats.cells = grid.cols * grid.rows;
    stats.nodata_cells = flags.nodata_cells;
    stats.unknown_land_cells = flags.unknown_land_cells;
    stats.population = flags.population;

    progress(0.2, "degurba: urban centres");
    std::vector<std::int32_t> centre_id;
    std::vector<std::int32_t> work;
    const UrbanCentreStats centres = find_urban_centres(grid, flags.bits, options, centre_id, work);
    stats.dense_clusters = centres.dense_clusters;
    stats.urban_centres = centres.centres;
    stats.smoothing_passes = centres.smoothing.passes;
    stats.cells_added_by_smoothing = centres.smoothing.cells_added;
    stats.holes_filled = centres.holes.holes_filled;
    stats.cells_added_by_filling = centres.holes.cells_filled;

    // §2.2: groups of cells with density >= 300, on density alone (as GHSL and
    // flexurba: cells that smoothing or filling added to a centre do not
    // bridge groups); the centre cells among them keep their UC label.
    progress(0.6, "degurba: urban clusters");
    const std::int32_t groups = label_components(
        grid.cols, grid.rows, options.urban_cluster.connectivity,
        [&](std::int64_t i) { return (flags.bits[static_cast<std::size_t>(i)] & UrbanClusterDense) != 0; }, work);
    const std::vector<double> group_population = population_by_label(grid, work, groups);
    std::vector<std::int32_t> group_id(static_cast<std::size_t>(groups) + 1, 0);
    constexpr std::int32_t qualifies = -1;  // qualifying group without an id yet
    for (std::size_t g = 1; g < group_id.size(); ++g)
        if (group_population[g] >= options.urban_cluster.min_population) {
            group_id[g] = qualifies;
            ++stats.urban_clusters;
        }

    out.clusters.resize(static_cast<std::size_t>(centres.centres));
    for (std::size_t k = 0; k < out.clusters.size(); ++k)
        out.clusters[k] = {static_cast<std::int32_t>(k + 1), code::urban_centre, 0.0, 0, 0.0};
    const std::uint8_t rural_code = code::rural;
    const bool label_water = options.water == WaterCells::Labelled;
    out.cell_class.assign(centre_id.size(), rural_code);
    for (std::size_t i = 0; i < centre_id.size(); ++i) {
        const double pop = cell_population(grid, static_cast<std::int64_t>(i));
        std::int32_t id = centre_id[i];
        if (id != 0) {
            out.cell_class[i] = code::urban_centre;
            stats.population_urban_centres += pop;
        } else if (const auto g = static_cast<std::size_t>(work[i]); g != 0 && group_id[g] != 0) {
            if (group_id[g] == qualifies) {
                group_id[g] = static_cast<std::int32_t>(out.clusters.size()) + 1;
                out.clusters.push_back({group_id[g], code::urban_cluster, 0.0, 0, 0.0});
            }
            id = group_id[g];
            out.cell_class[i] = code::urban_cluster;
            stats.population_urban_clusters += pop;
        } else {
            if (label_water && (flags.bits[i] & Water) != 0) out.cell_class[i] = code::water;
            stats.population_rural += pop;
        }
        centre_id[i] = id;  // becomes the cluster id of every cell
        if (id != 0) {
            ClusterSummary& summary = out.clusters[static_cast<std::size_t>(id) - 1];
            summary.population += pop;
            ++summary.cells;
        }
    }
    for (auto& summary : out.clusters) summary.area_km2 = static_cast<double>(summary.cells) * grid.cell_area_km2;
    out.cluster_id = std::move(centre_id);

    if (options.level == Level::Two) {
        progress(0.8, "degurba: level 2 classes");
        out.level2_class = classify_level2(grid, flags.bits, out.cell_class, options, work);
    }
    progress(1.0, "degurba: done");
    return out;
}

}  // namespace regio::degurba
