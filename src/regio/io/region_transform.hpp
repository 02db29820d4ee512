#pragma once
// Moves region shapes into another CRS with PROJ, vertex by vertex (grids are
// never resampled: the regions go to the grid's CRS instead).
#include "regio/geometry/region_set.hpp"
#include "regio/io/crs.hpp"

namespace regio::io {

// Throws CrsError naming the region when a vertex cannot be transformed.
void transform_regions(geometry::RegionSet& regions, const Crs& from, const Crs& to);

}  // namespace regio::io
