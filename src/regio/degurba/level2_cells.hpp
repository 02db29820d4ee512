#pragma once
// Level 2 cell classes (../shared/spec/degurba.md §4.1), read off the Level 1
// result: urban centres stay, urban clusters split into dense, semi-dense and
// suburban/peri-urban cells, rural cells into rural clusters, low and very
// low density cells.
#include "regio/degurba/options.hpp"
#include "regio/degurba/population_grid.hpp"

#include <cstdint>
#include <vector>

namespace regio::degurba {

// flags: CellFlags bits; level1: Level 1 codes. work: scratch labels.
std::vector<std::uint8_t> classify_level2(const PopulationGrid& grid, const std::vector<std::uint8_t>& flags,
                                          const std::vector<std::uint8_t>& level1, const Options& options,
                                          std::vector<std::int32_t>& work);

// Marks cells at an edge-to-edge Euclidean distance < distance_m from a
// member cell (members included): the §4.1 "within 2 km" rule, on square cells.
std::vector<std::uint8_t> near_cells(std::int64_t cols, std::int64_t rows, double cell_area_km2, double distance_m,
                                     const std::vector<std::uint8_t>& member);

}  // namespace regio::degurba
