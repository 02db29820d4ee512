#pragma once
// The geography of the records: the 1 km population grid, and a planning
// area cut into its pieces cell ∩ area, each weighted by the cell's
// population × the share of the cell it covers (placement.hpp draws in them).
#include "placement.hpp"

#include <string>
#include <vector>

class OGRGeometry;

namespace berlin_records {

struct Raster {
    double origin_x = 0, origin_y = 0, cell = 0;
    int cols = 0, rows = 0;
    std::vector<double> values;  // no data -> 0
};

// Band 1 of a north-up raster of square cells; throws regio::DataError or IoError naming the file.
Raster read_grid(const std::string& path);

// The area cut into cell pieces weighted by population; by area when no
// populated cell lies under it (area_weighted).
AreaPieces cut_area(const OGRGeometry& area, const Raster& grid);

}  // namespace berlin_records
