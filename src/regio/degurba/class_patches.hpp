#pragma once
// The cell classes as patches: 4-connected groups of cells of one class,
// each labelled 1..n in raster order of its first cell, so that the classes
// can be drawn as polygons (one polygon with its holes per patch).
#include "regio/degurba/population_grid.hpp"

#include <cstdint>
#include <vector>

namespace regio::degurba {

struct ClassPatch {
    std::uint8_t cell_class = 0;
    std::int64_t cells = 0;
    double population = 0;  // no data as 0
};

struct ClassPatches {
    std::vector<std::int32_t> labels;  // per cell, 1..patches.size()
    std::vector<ClassPatch> patches;   // patches[k] has label k + 1
};

// classes: one code per cell of grid (row-major). Throws DataError for grids
// beyond 32-bit labels.
ClassPatches label_class_patches(const PopulationGrid& grid, const std::vector<std::uint8_t>& classes);

}  // namespace regio::degurba
