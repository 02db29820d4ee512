#pragma once
// Degree of Urbanisation, stage 1: classify the cells of a population grid
// (../shared/spec/degurba.md §2, and §4.1 with Level::Two).
#include "regio/degurba/options.hpp"
#include "regio/degurba/population_grid.hpp"
#include "regio/progress.hpp"

#include <cstdint>
#include <vector>

namespace regio::degurba {

// One urban centre or urban cluster: the cells that carry its id.
struct ClusterSummary {
    std::int32_t id = 0;
    std::uint8_t cell_class = 0;  // code::urban_centre or code::urban_cluster
    double population = 0;        // sum of its cells' unrounded populations
    std::int64_t cells = 0;
    double area_km2 = 0;  // cells x cell area (whole cells, not land)
};

struct ClassificationStats {
    std::int64_t cells = 0;
    std::int64_t nodata_cells = 0;        // NaN population, counted as 0: log it (§7)
    std::int64_t unknown_land_cells = 0;  // NaN land share, treated as all land
    // Conservation: population = the three parts below (rural includes water).
    double population = 0;
    double population_urban_centres = 0;
    double population_urban_clusters = 0;  // urban-cluster cells outside centres
    double population_rural = 0;
    std::int32_t dense_clusters = 0;  // §2.1 step 2 components
    std::int32_t urban_centres = 0;
    std::int32_t urban_clusters = 0;  // §2.2 groups that qualify (including those that are all centre)
    int smoothing_passes = 0;         // including the final pass that added nothing
    std::int64_t cells_added_by_smoothing = 0;
    std::int64_t holes_filled = 0;
    std::int64_t cells_added_by_filling = 0;
};

struct GridClassification {
    std::int64_t cols = 0;
    std::int64_t rows = 0;
    // Level 1 codes per cell, row-major: code::urban_centre (30),
    // code::urban_cluster (20), code::rural (11), code::water (10, only when
    // water cells are labelled).
    std::vector<std::uint8_t> cell_class;
    // Level 2 codes (30, 23, 22, 21, 13, 12, 11, 10); empty unless Level::Two.
    std::vector<std::uint8_t> level2_class;
    // 0 for rural cells; urban-centre cells carry their centre's id 1..n
    // (raster order of the centre's first dense cell); urban-cluster cells
    // outside centres carry their cluster's id n+1.. (raster order of the
    // cluster's first such cell). A cluster made only of centre cells gets no id.
    std::vector<std::int32_t> cluster_id;
    std::vector<ClusterSummary> clusters;  // clusters[k].id == k + 1
    ClassificationStats stats;
};

// Throws DataError for a malformed grid and ConfigError for bad options.
// Linear time in the number of cells; about 2 bytes of scratch per cell (6
// with Level::Two) plus the 5-byte-per-cell result.
GridClassification classify_grid(const PopulationGrid& grid, const Options& options,
                                 const ProgressRange& progress = ProgressRange(nullptr));

}  // namespace regio::degurba
