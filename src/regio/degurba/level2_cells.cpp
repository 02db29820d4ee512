#include "regio/degurba/level2_cells.hpp"

#include "regio/degurba/cell_class.hpp"
#include "regio/degurba/cell_flags.hpp"
#include "regio/degurba/connected_components.hpp"
#include "regio/degurba/urban_centres.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace regio::degurba {

std::vector<std::uint8_t> near_cells(std::int64_t cols, std::int64_t rows, double cell_area_km2, double distance_m,
                                     const std::vector<std::uint8_t>& member) {
    std::vector<std::uint8_t> near(member);
    if (distance_m <= 0) return near;
    // Offsets whose edge-to-edge distance is < distance_m: with 1 km cells and
    // 2 000 m that is the 5 x 5 block, so a gap of exactly two empty cells
    // keeps a semi-dense cluster (§4.1).
    const double side_m = std::sqrt(cell_area_km2) * 1000.0;
    const auto reach = static_cast<std::int64_t>(std::ceil(distance_m / side_m)) + 1;
    std::vector<std::pair<std::int64_t, std::int64_t>> offsets;
    for (std::int64_t dr = -reach; dr <= reach; ++dr)
        for (std::int64_t dc = -reach; dc <= reach; ++dc) {
            const double gap_x = static_cast<double>(std::max<std::int64_t>(0, std::abs(dc) - 1)) * side_m;
            const double gap_y = static_cast<double>(std::max<std::int64_t>(0, std::abs(dr) - 1)) * side_m;
            if (gap_x * gap_x + gap_y * gap_y < distance_m * distance_m) offsets.emplace_back(dr, dc);
        }
    auto is_member = [&](std::int64_t r, std::int64_t c) {
        return member[static_cast<std::size_t>(r * cols + c)] != 0;
    };
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c) {
            if (!is_member(r, c)) continue;
            // The nearest member to any outside cell can be taken on the
            // boundary (stepping towards the cell never increases the
            // distance), so interior members need no dilation.
            bool boundary = false;
            for (std::int64_t dr = -1; dr <= 1 && !boundary; ++dr)
                for (std::int64_t dc = -1; dc <= 1 && !boundary; ++dc) {
                    const std::int64_t nr = r + dr;
                    const std::int64_t nc = c + dc;
                    if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && !is_member(nr, nc)) boundary = true;
                }
            if (!boundary) continue;
            for (const auto& [dr, dc] : offsets) {
                const std::int64_t nr = r + dr;
                const std::int64_t nc = c + dc;
                if (nr >= 0 && nr < rows && nc >= 0 && nc < cols) near[static_cast<std::size_t>(nr * cols + nc)] = 1;
            }
        }
    return near;
}

namespace {

// Labels the cells with `bit` using `rule`'s connectivity and returns, per
// label, whether its population passes `rule`.
std::vector<std::uint8_t> qualifying(const PopulationGrid& grid, const std::vector<std::uint8_t>& flags,
                                     std::uint8_t bit, const ClusterRule& rule, std::vector<std::int32_t>& work) {
    const std::int32_t count = label_components(
        grid.cols, grid.rows, rule.connectivity,
        [&](std::int64_t i) { return (flags[static_cast<std::size_t>(i)] & bit) != 0; }, work);
    const std::vector<double> sums = population_by_label(grid, work, count);
    std::vector<std::uint8_t> ok(sums.size(), 0);
    for (std::size_t k = 1; k < sums.size(); ++k) ok[k] = sums[k] >= rule.min_population ? 1 : 0;
    return ok;
}

}  // namespace

std::vector<std::uint8_t> classify_level2(const PopulationGrid& grid, const std::vector<std::uint8_t>& flags,
                                          const std::vector<std::uint8_t>& level1, const Options& options,
                                          std::vector<std::int32_t>& work) {
    const std::size_t n = level1.size();
    std::vector<std::uint8_t> out(n, 0);  // 0 = not yet classified
    for (std::size_t i = 0; i < n; ++i)
        if (level1[i] == code::urban_centre) out[i] = code::urban_centre;

    // Dense urban clusters: dense components (no smoothing or filling) with
    // >= 5 000 people, on the cells that are not urban centre.
    std::vector<std::uint8_t> ok = qualifying(grid, flags, DenseClusterDense, options.dense_urban_cluster, work);
    for (std::size_t i = 0; i < n; ++i)
        if (out[i] == 0 && ok[static_cast<std::size_t>(work[i])] != 0) out[i] = code::dense_urban_cluster;

    // Semi-dense urban clusters: the whole candidate is dropped when any of
    // its cells is near an urban centre or dense cluster cell.
    std::vector<std::uint8_t> near;
    {
        std::vector<std::uint8_t> dense(n, 0);
        for (std::size_t i = 0; i < n; ++i) dense[i] = out[i] != 0 ? 1 : 0;
        near = near_cells(grid.cols, grid.rows, grid.cell_area_km2, options.semi_dense_min_distance_m, dense);
    }
    ok = qualifying(grid, flags, SemiDense, options.semi_dense_urban_cluster, work);
    for (std::size_t i = 0; i < n; ++i)
        if (near[i] != 0) ok[static_cast<std::size_t>(work[i])] = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (out[i] == 0 && ok[static_cast<std::size_t>(work[i])] != 0) out[i] = code::semi_dense_urban_cluster;

    // Suburban or peri-urban: the rest of the Level 1 urban clusters.
    for (std::size_t i = 0; i < n; ++i)
        if (out[i] == 0 && level1[i] == code::urban_cluster) out[i] = code::suburban_peri_urban;

    // Rural clusters, then low and very low density cells; water (when
    // labelled) only replaces very low density cells, as in GHSL.
    ok = qualifying(grid, flags, RuralClusterDense, options.rural_cluster, work);
    const bool label_water = options.water == WaterCells::Labelled;
    for (std::size_t i = 0; i < n; ++i) {
        if (out[i] != 0) continue;
        if (ok[static_cast<std::size_t>(work[i])] != 0) out[i] = code::rural_cluster;
        else if ((flags[i] & LowDensity) != 0) out[i] = code::low_density_rural;
        else if (label_water && (flags[i] & Water) != 0) out[i] = code::water;
        else out[i] = code::very_low_density_rural;
    }
    return out;
}

}  // namespace regio::degurba
