#pragma once
// Exact sign of the 2-D orientation determinant. The fast path is a plain
// double evaluation with Shewchuk's static error bound; only when the result is
// too close to zero to trust is the determinant evaluated exactly (error-free
// products and an expansion sum). Exactness is what makes the point-location
// rule hold for every point, not just for points away from edges.
#include "regio/geometry/types.hpp"

namespace regio::geometry {

// +1 if c lies to the left of the directed line a->b, -1 if to the right,
// 0 if exactly on it.
int orientation(const Point& a, const Point& b, const Point& c);

// The exact fallback, exposed for tests.
int orientation_exact(const Point& a, const Point& b, const Point& c);

}  // namespace regio::geometry
