#pragma once
// Simplification for display that keeps shared borders shared.
//
// Rings are cut into arcs at nodes (vertices where the neighbour on the other
// side of the border changes, or where more than two edges meet). Each arc is
// simplified once with Douglas-Peucker in a canonical direction, so the two
// regions that share an arc get exactly the same simplified border: no gap
// and no overlap can open between neighbours. Every arc keeps at least its
// farthest point, so no region collapses. Shortcuts that would cross or touch
// another arc (or their own), fold two arcs onto one chord, or cut off a
// bay with another ring in it get their original points back as needed
// (arc_topology.hpp), so the simplified map has the topology of the input.
#include "regio/geometry/types.hpp"
#include "regio/render/arc_topology.hpp"

#include <vector>

namespace regio::render {

// tolerance in map units (pixels / viewport scale).
// `repair`, when given, receives what the topology repair did.
std::vector<geometry::MultiPolygon> simplify_shared(const std::vector<const geometry::MultiPolygon*>& shapes, double tolerance,
                                                    TopologyRepair* repair = nullptr);

}  // namespace regio::render
