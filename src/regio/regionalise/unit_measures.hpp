#pragma once
// Area and centroid of each unit, for the compactness of regions. Computed
// from our own rings (shoelace), so the algorithm needs no GEOS for them.
#include "regio/geometry/types.hpp"

#include <vector>

namespace regio::regionalise {

struct UnitMeasures {
    std::vector<geometry::Point> centroid;  // area-weighted over all parts; (0, 0) for a unit without geometry
    std::vector<double> area;               // CRS units squared; holes subtracted; 0 without geometry
};

UnitMeasures measure_units(const std::vector<geometry::MultiPolygon>& shapes);

}  // namespace regio::regionalise
