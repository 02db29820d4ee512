#pragma once
// Whether shapes are thin everywhere: thinner than a width w at every point,
// i.e. nothing of them survives an inward buffer of w/2 (the test of boundary
// noise in a crosswalk, issue #19: generalised boundaries of two vintages
// leave long strips no wider than the generalisation).
#include "regio/geometry/types.hpp"

#include <vector>

namespace regio::geometry {

// For each shape: 1 when its inward buffer by width/2 is empty (an empty
// shape is thin), 0 otherwise. Runs on `threads` threads, each with its own
// GEOS context.
std::vector<char> thinner_than(const std::vector<MultiPolygon>& shapes, double width, unsigned threads);

}  // namespace regio::geometry
