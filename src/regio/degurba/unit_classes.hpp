#pragma once
// Degree of Urbanisation, stage 2 over a set of spatial units: each unit's
// population and land area in each cell class by exact coverage (a cell on a
// border is split by share of area, ../shared/spec/degurba.md §3 "our rule"
// 2), then its class by classify_unit.
#include "regio/degurba/classify_grid.hpp"
#include "regio/degurba/classify_unit.hpp"
#include "regio/geometry/region_set.hpp"
#include "regio/grid/grid_definition.hpp"
#include "regio/io/crs.hpp"
#include "regio/progress.hpp"

#include <vector>

namespace regio::degurba {

struct UnitResult {
    ClassTotals population;
    ClassTotals land_km2;  // land area (whole cells without a land layer)
    UnitClassification classification;
};

struct UnitsResult {
    std::vector<UnitResult> units;  // in the units' order
    // Conservation: the population of the cells under the units' union
    // (each cell counted at most once) equals the sum over units when they
    // do not overlap.
    double inside_units = 0;
    double allocated = 0;  // Σ over units of their population
    std::int64_t cells_swept = 0;
};

// units: in the grid's CRS. classes.level2_class is used with Level::Two.
UnitsResult classify_units(const PopulationGrid& grid, const GridClassification& classes,
                           const grid::GridDefinition& definition, const io::Crs& crs,
                           const geometry::RegionSet& units, const UnitOptions& options, unsigned threads,
                           const ProgressRange& progress = ProgressRange(nullptr));

}  // namespace regio::degurba
