#include "regio/degurba/hole_filling.hpp"

#include "regio/degurba/connected_components.hpp"

namespace regio::degurba {

namespace {

constexpr std::int32_t several_centres = -1;

}  // namespace

HoleStats fill_holes(std::int64_t cols, std::int64_t rows, double cell_area_km2, double max_hole_area_km2,
                     std::vector<std::int32_t>& centre_id) {
    HoleStats stats;
    if (max_hole_area_km2 <= 0 || cols * rows == 0) return stats;
    StreamedComponents components(cols, rows, Connectivity::Four,
                                  [&centre_id](std::int64_t i) { return centre_id[static_cast<std::size_t>(i)] == 0; });
    const std::int32_t count = components.count();

    // Per component: size, whether it touches the grid edge, and the one
    // centre around it (0 = none seen yet, several_centres = more than one).
    std::vector<std::int64_t> size(static_cast<std::size_t>(count) + 1, 0);
    std::vector<std::uint8_t> open(static_cast<std::size_t>(count) + 1, 0);
    std::vector<std::int32_t> owner(static_cast<std::size_t>(count) + 1, 0);
    auto see = [&](std::size_t component, std::int32_t centre) {
        std::int32_t& o = owner[component];
        if (o == 0) o = centre;
        else if (o != centre) o = several_centres;
    };
    components.for_each([&](std::size_t i, std::int32_t id, std::int64_t r, std::int64_t c) {
        const auto component = static_cast<std::size_t>(id);
        if (component == 0) return;
        ++size[component];
        if (r == 0 || c == 0 || r + 1 == rows || c + 1 == cols) {
            open[component] = 1;
            return;  // an open component is never filled; skip its neighbours
        }
        // Interior cell: all four edge-neighbours exist. Non-centre ones
        // belong to the same component, so only centre ids matter.
        for (const std::size_t j : {i - 1, i + 1, i - static_cast<std::size_t>(cols), i + static_cast<std::size_t>(cols)})
            if (centre_id[j] != 0) see(component, centre_id[j]);
    });

    std::vector<std::uint8_t> fill(static_cast<std::size_t>(count) + 1, 0);
    for (std::size_t k = 1; k <= static_cast<std::size_t>(count); ++k) {
        if (open[k] != 0 || owner[k] <= 0) continue;
        if (static_cast<double>(size[k]) * cell_area_km2 < max_hole_area_km2) {
            fill[k] = 1;
            ++stats.holes_filled;
            stats.cells_filled += size[k];
        }
    }
    if (stats.holes_filled == 0) return stats;
    // Filling cell i after its own membership test: later cells test only themselves.
    components.for_each([&](std::size_t i, std::int32_t id, std::int64_t, std::int64_t) {
        if (const auto k = static_cast<std::size_t>(id); k != 0 && fill[k] != 0) centre_id[i] = owner[k];
    });
    return stats;
}

}  // namespace regio::degurba
