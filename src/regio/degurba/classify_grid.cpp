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
    const UrbanCentreStats centres = find_urban_centres(grid, flags.bits, options, centre_id);
    stats.dense_clusters = centres.dense_clusters;
    stats.urban_centres = centres.centres;
    stats.smoothing_passes = centres.smoothing.passes;
    stats.cells_added_by_smoothing = centres.smoothing.cells_added;
    stats.holes_filled = centres.holes.holes_filled;
    stats.cells_added_by_filling = centres.holes.cells_filled;

    // §2.2: groups of cells with density >= 300, on density alone (as GHSL and
    // flexurba: cells that smoothing or filling added to a centre do not
    // bridge groups); the centre cells among them keep their UC label. The
    // groups are streamed (no label per cell): one pass sums their
    // populations, in raster order as population_by_label, the next assigns.
    progress(0.6, "degurba: urban clusters");
    StreamedComponents groups(grid.cols, grid.rows, options.urban_cluster.connectivity, [&flags](std::int64_t i) {
        return (flags.bits[static_cast<std::size_t>(i)] & UrbanClusterDense) != 0;
    });
    std::vector<double> group_population(static_cast<std::size_t>(groups.count()) + 1, 0.0);
    groups.for_each([&](std::size_t i, std::int32_t g, std::int64_t, std::int64_t) {
        if (g != 0) group_population[static_cast<std::size_t>(g)] += cell_population(grid, static_cast<std::int64_t>(i));
    });
    std::vector<std::int32_t> group_id(group_population.size(), 0);
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
    // Level 1 needs the flags no further: the classes overwrite them cell by
    // cell (the groups have read a cell's flags by the time it is visited),
    // which saves a byte per cell at the peak.
    const bool reuse_flags = options.level == Level::One;
    if (!reuse_flags) out.cell_class.assign(centre_id.size(), rural_code);
    std::uint8_t* const classes = reuse_flags ? flags.bits.data() : out.cell_class.data();
    groups.for_each([&](std::size_t i, std::int32_t group, std::int64_t, std::int64_t) {
        const double pop = cell_population(grid, static_cast<std::int64_t>(i));
        std::int32_t id = centre_id[i];
        if (id != 0) {
            classes[i] = code::urban_centre;
            stats.population_urban_centres += pop;
        } else if (const auto g = static_cast<std::size_t>(group); g != 0 && group_id[g] != 0) {
            if (group_id[g] == qualifies) {
                group_id[g] = static_cast<std::int32_t>(out.clusters.size()) + 1;
                out.clusters.push_back({group_id[g], code::urban_cluster, 0.0, 0, 0.0});
            }
            id = group_id[g];
            classes[i] = code::urban_cluster;
            stats.population_urban_clusters += pop;
        } else {
            classes[i] = label_water && (flags.bits[i] & Water) != 0 ? code::water : rural_code;
            stats.population_rural += pop;
        }
        centre_id[i] = id;  // becomes the cluster id of every cell
        if (id != 0) {
            ClusterSummary& summary = out.clusters[static_cast<std::size_t>(id) - 1];
            summary.population += pop;
            ++summary.cells;
        }
    });
    if (reuse_flags) out.cell_class = std::move(flags.bits);
    for (auto& summary : out.clusters) summary.area_km2 = static_cast<double>(summary.cells) * grid.cell_area_km2;
    out.cluster_id = std::move(centre_id);

    if (options.level == Level::Two) {
        progress(0.8, "degurba: level 2 classes");
        std::vector<std::int32_t> work;
        out.level2_class = classify_level2(grid, flags.bits, out.cell_class, options, work);
    }
    progress(1.0, "degurba: done");
    return out;
}

}  // namespace regio::degurba
