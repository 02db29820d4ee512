#pragma once
// Reads a whole population grid (and optional land and built-up shares on
// the same grid) into a PopulationGrid for the Degree of Urbanisation
// (../shared/spec/degurba.md §1). Europe at 1 km is 25 million cells, read
// once in row bands: 100 MB as floats when every value is exactly a float
// (integer counts, as the JRC grid's UInt16), else 200 MB of doubles.
#include "regio/degurba/population_grid.hpp"
#include "regio/grid/grid_definition.hpp"
#include "regio/io/crs.hpp"
#include "regio/io/grid_source.hpp"
#include "regio/progress.hpp"

namespace regio::degurba {

struct GridInput {
    PopulationGrid grid;
    grid::GridDefinition definition;
    io::Crs crs;
};

// Optional layers on the population's grid; nullptr = absent.
struct ExtraLayers {
    io::GridSource* land = nullptr;      // share of permanent land, 0..1 (= km² for 1 km cells)
    io::GridSource* built_up = nullptr;  // share of built-up area, 0..1
};

// Throws UsageError for a source with more than one value column, CrsError
// for a grid that is not in a projected CRS in metres (densities are per km²),
// DataError for cells that are not square and for a layer on another grid
// (other extent, cell size or CRS). No-data values stay NaN (classify_grid
// counts them as 0 and reports them).
GridInput read_grid_input(io::GridSource& population, const ExtraLayers& layers,
                          const ProgressRange& progress = ProgressRange(nullptr));

}  // namespace regio::degurba
