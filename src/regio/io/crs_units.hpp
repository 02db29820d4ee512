#pragma once
// The length unit of a CRS's x/y axes, for steps that need cell sizes in
// metres (the Degree of Urbanisation counts people per km²).
#include "regio/io/crs.hpp"

#include <optional>

namespace regio::io {

// Metres per unit of a projected (or local) CRS's axes: 1 for EPSG:3035,
// 0.3048 for a CRS in feet. nullopt for a geographic CRS (degrees) or a CRS
// whose unit is unknown.
std::optional<double> metres_per_unit(const Crs& crs);

}  // namespace regio::io
