#pragma once
// Where the units of `regio segregation` are: polygons of a region layer
// joined by id, or the grid cells their ids name.
#include "regio/segregation/index_set.hpp"
#include "regio/segregation/unit_table.hpp"

namespace regio::segregation {

struct UnitPlaces {
    Places places;
    geometry::RegionSet shapes;       // in data order (cells as squares for grid codes)
    std::size_t neighbour_pairs = 0;  // contiguity of regions (0 for grids: their pairs are made per scale)
    std::vector<std::string> warnings;
    std::vector<io::AppliedFix> region_fixes;  // --set-id, --skip-feature as applied
};

// What the caller needs beyond the centres: the regions' contiguity (for
// spatial_dissimilarity), and the cells as squares (a GeoPackage --local).
enum class ContiguityNeed { No, Yes };
enum class ShapeNeed { No, Yes };

// Throws DataError for ids without a polygon (naming the data row), malformed
// or mixed-resolution grid codes, units without geometry; CrsError for a
// geographic CRS when bandwidths need distances.
UnitPlaces locate_units(const SegregationRequest& request, const UnitTable& table, ContiguityNeed contiguity, ShapeNeed shapes);

}  // namespace regio::segregation
