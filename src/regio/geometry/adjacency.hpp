#pragma once
// The contiguity graph of a set of units, from their geometry (regionalise,
// segregation and the atlas use it).
//
//  rook:  two units are neighbours when their borders run together over a
//         positive length;
//  queen: also when they touch in a single point (a shared corner).
//
// Digitising noise is tolerated as geometry/border_contact describes:
// boundaries are snap-rounded to a grid of `tolerance` CRS units before they
// are compared, overlapping interiors count as neighbours, and a shared
// length must exceed `tolerance` to be a border (so two corners snapped
// together stay a queen-only contact).
#include "regio/geometry/region_set.hpp"

#include <cstddef>
#include <vector>

namespace regio::geometry {

enum class Contiguity { Rook, Queen };

// 1 cm for metre-based CRSs: far below any real border, far above the
// rounding noise of a reprojection.
inline constexpr double kDefaultAdjacencyTolerance = 0.01;

struct AdjacencyOptions {
    Contiguity contiguity = Contiguity::Rook;
    double tolerance = kDefaultAdjacencyTolerance;  // > 0
};

// neighbours[i] lists the neighbours of unit i in ascending order (units
// without geometry have none). Candidate pairs come from a sweep over the
// bounding boxes (grown by the tolerance) in x order, so the work is
// deterministic and near-linear for map-like layers. Throws GeometryError
// when GEOS fails on a unit or a pair.
using Neighbours = std::vector<std::vector<std::size_t>>;
Neighbours build_adjacency(const RegionSet& units, const AdjacencyOptions& options);

}  // namespace regio::geometry
