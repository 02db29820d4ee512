#pragma once
// A fast, one-sided validity test for region shapes. GEOS's full check
// (building a topology graph per shape) is most of the time spent loading
// regions, yet boundaries published by statistical offices are nearly always
// valid. This test proves the easy case with exact predicates:
//   - every coordinate finite, every ring closed with at least 3 edges
//     (4 points, repeated points not counted);
//   - no two edges of the shape meet, except consecutive edges of a ring at
//     their shared vertex (and those do not fold back onto each other);
//   - every hole lies inside its shell, no hole inside another hole, no
//     shell inside another polygon's shell.
// Without any contact between rings the interior is connected, so such a
// shape is valid as OGC (and GEOSisValid) define it. Anything else (touching
// rings, islands in lakes, self-intersections) is "not shown": the caller
// asks GEOS, which also names the problem.
#include "regio/geometry/types.hpp"

namespace regio::geometry {

// true: certainly valid. false: not shown valid (may still be).
[[nodiscard]] bool certainly_valid(const MultiPolygon& shape);

}  // namespace regio::geometry
