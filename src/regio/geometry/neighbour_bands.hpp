#pragma once
// The parts of shapes that lie near their neighbours in a group: for each
// shape, the part of it within a distance of any other shape of its group
// (issue #19: the pieces of one source unit that go to different targets are
// such a group; the band along the lines between them is where the choice of
// target depends on the precision of the boundaries).
#include "regio/geometry/types.hpp"

#include <cstddef>
#include <vector>

namespace regio::geometry {

struct Band {
    MultiPolygon shape;  // empty when nothing of the shape is that near
    double area = 0;
};

// groups: indices into `shapes`; a shape belongs to at most one group, shapes
// in no group get an empty band. For shape i of a group: i ∩ (the other shapes
// of the group, buffered outwards by `distance`). Arcs are approximated by 4
// segments per quarter circle (at most 2 % short of the distance, at convex
// corners only: a straight shared edge gives an exact strip). Runs on
// `threads` threads, each with its own GEOS context.
std::vector<Band> neighbour_bands(const std::vector<MultiPolygon>& shapes, const std::vector<std::vector<std::size_t>>& groups,
                                  double distance, unsigned threads);

}  // namespace regio::geometry
