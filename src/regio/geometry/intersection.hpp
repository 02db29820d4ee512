#pragma once
// Polygons of a ∩ b with GEOS, for outputs that need the pieces' geometry
// (the areas themselves come from harmonise::overlay, without GEOS).
#include "regio/geometry/types.hpp"

#include <utility>
#include <vector>

namespace regio::geometry {

// For each pair (i, j): the polygonal part of a[i] ∩ b[j]. Runs on `threads`
// threads, each with its own GEOS context.
std::vector<MultiPolygon> intersections(const std::vector<MultiPolygon>& a, const std::vector<MultiPolygon>& b,
                                        const std::vector<std::pair<std::size_t, std::size_t>>& pairs, unsigned threads);

}  // namespace regio::geometry
