#pragma once
// Cells with the same label dissolved into polygons: GDALPolygonize on an
// in-memory (MEM driver) Int32 raster of labels. Used for the urban centres
// and clusters of `regio degurba` and for its cell classes as polygons.
#include "regio/geometry/types.hpp"
#include "regio/grid/grid_definition.hpp"

#include <cstdint>
#include <vector>

namespace regio::io {

// labels: row-major on `grid`, 0 = no polygon, else 1..count. Returns one
// shape per label (index label - 1): the 4-connected pieces of its cells, each
// a polygon with its holes, so a label whose cells touch only at corners
// gives a multipolygon. Coordinates are cell corners from the grid's
// geotransform, exact for grids on whole metres. A label without cells gets
// an empty shape. Throws IoError when GDAL fails.
std::vector<geometry::MultiPolygon> polygonize_labels(const std::vector<std::int32_t>& labels,
                                                      const grid::GridDefinition& grid, std::int32_t count);

}  // namespace regio::io
