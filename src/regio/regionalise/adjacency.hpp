#pragma once
// The contiguity graph of a set of units, from their geometry.
//
//  rook:  two units are neighbours when their borders run together over a
//         positive length;
//  queen: also when they touch in a single point (a shared corner).
//
// Digitising noise: boundaries are compared after snap-rounding both to a
// grid of `tolerance` CRS units (GEOS OverlayNG with a fixed precision
// model), so vertices that differ by less than about half of it, or a border
// digitised twice with tiny offsets, still make a shared border. Units whose
// interiors overlap (a digitising sliver tolerated by the overlap check) are
// neighbours too: their boundaries cross rather than run together. A shared
// length must exceed `tolerance` to count as a border, so that two corners
// snapped together stay a queen-only contact.
#include "regio/geometry/region_set.hpp"

#include <cstddef>
#include <vector>

namespace regio::regionalise {

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
// when GEOS fails on a pair.
using Neighbours = std::vector<std::vector<std::size_t>>;
Neighbours build_adjacency(const geometry::RegionSet& units, const AdjacencyOptions& options);

}  // namespace regio::regionalise
