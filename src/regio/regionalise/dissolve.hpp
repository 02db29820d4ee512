#pragma once
// The shape of each region: the union of its units' shapes.
#include "regio/geometry/types.hpp"

#include <cstddef>
#include <vector>

namespace regio::regionalise {

// One MultiPolygon per region (members: unit indices per region). A region of
// one unit keeps that unit's shape as read; larger ones are a union (geometry/shape_union):
// shared borders disappear, but a digitising gap between two units stays as a
// thin hole (the union does not snap, so no coordinate is moved). Throws
// GeometryError if GEOS fails.
std::vector<geometry::MultiPolygon> dissolve(const std::vector<geometry::MultiPolygon>& shapes,
                                             const std::vector<std::vector<std::size_t>>& members);

}  // namespace regio::regionalise
