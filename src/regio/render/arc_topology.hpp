#pragma once
// Keeps simplified arcs topologically equal to the originals.
//
// Douglas-Peucker on each arc alone can make a shortcut cross another arc
// (or the same one), cut off a bay with an island in it, or fold two arcs
// between the same nodes onto one chord: regions would then overlap or
// vanish on the map. The repair looks for such conflicts among the kept
// segments and puts back, for each offending shortcut, the original point
// farthest from it, until none is left. Original edges never conflict in
// valid input, so the repair ends, at worst with an arc fully restored.
#include "regio/geometry/types.hpp"

#include <cstddef>
#include <vector>

namespace regio::render {

struct SimplifiedArc {
    std::vector<geometry::Point> points;  // the original arc
    std::vector<char> keep;               // kept points (first and last always)
};

struct TopologyRepair {
    std::size_t restored = 0;    // original points put back
    std::size_t unresolved = 0;  // original edges in conflict (input that itself intersects)
};

// Distance from p to the line through a and b (to a when a == b).
double distance_to_chord(const geometry::Point& p, const geometry::Point& a, const geometry::Point& b);

// `probes`: one point of each ring that is a kept endpoint of one of its
// arcs; a shortcut whose swept area (between the original points and the
// chord) holds another ring's probe is refined too.
TopologyRepair repair_arc_topology(std::vector<SimplifiedArc>& arcs, const std::vector<geometry::Point>& probes);

}  // namespace regio::render
