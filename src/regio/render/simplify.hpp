#pragma once
// Simplification for display that keeps shared borders shared.
//
// Rings are cut into arcs at nodes (vertices where the neighbour on the other
// side of the border changes, or where more than two edges meet). Each arc is
// simplified once with Douglas-Peucker in a canonical direction, so the two
// regions that share an arc get exactly the same simplified border: no gap
// and no overlap can open between neighbours. Every arc keeps at least its
// farthest point, so no region collapses.
#include "regio/geometry/types.hpp"

#include <vector>

namespace regio::render {

// tolerance in map units (pixels / viewport scale).
std::vector<geometry::MultiPolygon> simplify_shared(const std::vector<const geometry::MultiPolygon*>& shapes, double tolerance);

}  // namespace regio::render
